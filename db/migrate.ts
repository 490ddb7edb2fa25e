// `npm run db:migrate`: applies committed migrations to DATABASE_URL, or to the embedded PGlite.
export {};
process.env.SEED_ON_START = "0";
const { closeDb, databaseEngine, getDb } = await import("./index");

try {
  await getDb();
  console.log(`Migrations applied (${databaseEngine()}).`);
} finally {
  await closeDb();
}
