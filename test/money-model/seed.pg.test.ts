// The seeded demo database passes the reference model: its money follows the rules. PostgreSQL
// only, to run the slow demo seed once per `npm test`.
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { seedDemoData } from "@/lib/demo/seed-data";
import { expectLedgerInvariant } from "@/test/ledger-invariant";
import { checkDatabase } from "./check";

describe("the demo data set", () => {
  it("has the ledger the reference model computes from its events, orders and refunds", async () => {
    const db = await getDb();
    await seedDemoData(db);
    const report = await checkDatabase(db);
    console.log(`demo data against the model: ${JSON.stringify(report.counts)}, ${report.differences.length} differences`);
    expect(report.counts.awards).toBeGreaterThan(0);
    expect(report.counts.refunds).toBeGreaterThan(0);
    expect(report.differences).toEqual([]);
    await expectLedgerInvariant();
  }, 180_000);
});
