import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb, rows } from "@/db";
import { asCaller } from "@/test/caller";
import { DomainError } from "@/lib/errors";
import { addEntry, inPeriod, payoutsOf } from "@/test/ledger";
import { expectLedgerInvariant } from "@/test/ledger-invariant";
import { createCreator, createUser } from "@/test/factories";
import { startPayoutRun } from "./run";
import { approvePayout, markPayoutPaid, rejectPayout } from "./commands";

const code = (r: PromiseSettledResult<unknown>) =>
  r.status === "fulfilled" ? "ok" : r.reason instanceof DomainError ? r.reason.code : String(r.reason);

afterEach(async () => {
  await expectLedgerInvariant();
});

describe("payout runs under concurrency (PostgreSQL)", () => {
  it("runs a period once when five runs of it start at the same moment", async () => {
    const reviewer = await createUser("staff");
    const creators = await Promise.all(Array.from({ length: 5 }, () => createCreator()));
    for (const c of creators) await addEntry(c.creator.id, 15_000, inPeriod("2018-03"));
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => asCaller(reviewer.id, (c) => startPayoutRun(c, "2018-03"))));
    expect(outcomes.map(code).sort()).toEqual(["ok", ...Array(4).fill("payouts.run.errors.already_run")]);
    for (const c of creators) expect(await payoutsOf(c.creator.id)).toHaveLength(1);
  });

  it("never puts an entry in two payouts when runs of different periods race", async () => {
    const reviewer = await createUser("staff");
    const { creator } = await createCreator();
    await addEntry(creator.id, 15_000, inPeriod("2017-01"));
    const periods = ["2017-02", "2017-03", "2017-04", "2017-05"];
    const outcomes = await Promise.allSettled(periods.map((p) => asCaller(reviewer.id, (c) => startPayoutRun(c, p))));
    expect(outcomes.map(code)).toEqual(["ok", "ok", "ok", "ok"]);
    expect((await payoutsOf(creator.id)).map((p) => p.amount_minor)).toEqual([15_000]);
  });
});

describe("reviewers racing (PostgreSQL)", () => {
  it("lets one of two reviewers win on the same version; the other is told to reload", async () => {
    const [a, b] = [await createUser("staff"), await createUser("staff")];
    const { creator } = await createCreator();
    await addEntry(creator.id, 30_000, inPeriod("2016-01"));
    await asCaller(a.id, (c) => startPayoutRun(c, "2016-01"));
    const [payout] = await payoutsOf(creator.id);
    const outcomes = await Promise.allSettled([
      asCaller(a.id, (c) => approvePayout(c, { payoutId: payout.id, version: payout.version, note: "fine" })),
      asCaller(b.id, (c) => rejectPayout(c, { payoutId: payout.id, version: payout.version, reason: "not fine" })),
    ]);
    expect(outcomes.map(code).sort()).toEqual(["ok", "payouts.errors.stale"]);
    const [after] = await payoutsOf(creator.id);
    expect(after.version).toBe(2);
    expect(["approved", "rejected"]).toContain(after.status);
    const db = await getDb();
    const [audit] = await rows<{ n: number }>(db, sql`select count(*)::int as n from audit_log where entity_type = 'payout' and entity_id = ${String(payout.id)}`);
    expect(audit.n).toBe(1);
  });

  it("keeps four-eyes when both reviewers approve at once: one approval lands, the other must reload", async () => {
    const [a, b] = [await createUser("staff"), await createUser("staff")];
    const { creator } = await createCreator();
    await addEntry(creator.id, 250_000, inPeriod("2016-02"));
    await asCaller(a.id, (c) => startPayoutRun(c, "2016-02"));
    const [payout] = await payoutsOf(creator.id);
    const outcomes = await Promise.allSettled([a, b].map((r) => asCaller(r.id, (c) => approvePayout(c, { payoutId: payout.id, version: 1 }))));
    expect(outcomes.map(code).sort()).toEqual(["ok", "payouts.errors.stale"]);
    expect((await payoutsOf(creator.id))[0]).toMatchObject({ status: "pending_review", version: 2 });
    const loser = outcomes[0].status === "rejected" ? a : b;
    await asCaller(loser.id, (c) => approvePayout(c, { payoutId: payout.id, version: 2 }));
    expect((await payoutsOf(creator.id))[0]).toMatchObject({ status: "approved", version: 3 });
  });

  it("writes one payout debit when two reviewers mark the same payout paid", async () => {
    const [a, b] = [await createUser("staff"), await createUser("staff")];
    const { creator } = await createCreator();
    await addEntry(creator.id, 30_000, inPeriod("2016-03"));
    await asCaller(a.id, (c) => startPayoutRun(c, "2016-03"));
    const [payout] = await payoutsOf(creator.id);
    await asCaller(a.id, (c) => approvePayout(c, { payoutId: payout.id, version: 1 }));
    const outcomes = await Promise.allSettled(
      [a, b].map((r) => asCaller(r.id, (c) => markPayoutPaid(c, { payoutId: payout.id, version: 2, paymentReference: `PAY-${r.id}` }))),
    );
    expect(outcomes.map(code).sort()).toEqual(["ok", "payouts.errors.stale"]);
    const db = await getDb();
    const [n] = await rows<{ n: number }>(db, sql`select count(*)::int as n from ledger_entries where payout_id = ${payout.id}`);
    expect(n.n).toBe(1);
  });
});
