// `npm run money:check`: checks a database (the one DATABASE_URL or PGLITE_DIR points at, e.g.
// the seeded demo) against the reference model of the money rules (test/money-model/model.ts):
// every award, commission, refund and balance is recomputed from the events, orders and refunds
// the app accepted and compared with the ledger, to the cent. Exits 1 on any difference.
// Run under `--conditions=react-server` (package.json): the DAL's `server-only` marker is empty there.

async function main(): Promise<number> {
  // Opening the embedded database must not fill it with demo data.
  process.env.SEED_ON_START ??= "0";
  const { getDb, closeDb, databaseEngine } = await import("../db");
  const { checkDatabase } = await import("../test/money-model/check");
  try {
    const report = await checkDatabase(await getDb());
    const c = report.counts;
    console.log(
      `${databaseEngine()} database: ${c.creators} creators, ${c.events} events, ${c.orders} orders, ${c.refunds} refunds; ` +
        `the model gives ${c.awards} awards and ${c.entries} ledger entries.`,
    );
    if (report.differences.length === 0) {
      console.log("The ledger equals the model, to the cent.");
      return 0;
    }
    console.log(`${report.differences.length} differences (database, then model):`);
    for (const line of report.differences.slice(0, 50)) console.log(`  ${line}`);
    if (report.differences.length > 50) console.log(`  … and ${report.differences.length - 50} more`);
    return 1;
  } finally {
    await closeDb();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
