// Runs once when the server starts. The Node.js part refuses to run in production without
// the secrets; it lives in its own file so the Edge build never sees process.exit.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/startup-checks");
}
