// Runs once when the server starts, before it answers. The Node.js part refuses to run in
// production without the secrets, then migrates the database (and seeds an empty embedded one);
// it lives in its own files so the Edge build never sees process.exit or the database.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./lib/startup-checks");
    const { prepareDatabase } = await import("./lib/demo/first-start");
    await prepareDatabase();
  }
}
