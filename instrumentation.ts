// Runs once when the server starts: refuse to run in production without the secrets.
export async function register() {
  const { missingProductionSecrets } = await import("./lib/env");
  const missing = missingProductionSecrets();
  if (missing.length > 0) {
    console.error(`Refusing to start: set ${missing.join(" and ")} (see README, "Environment variables").`);
    process.exit(1);
  }
}
