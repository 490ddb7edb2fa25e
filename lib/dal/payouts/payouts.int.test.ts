import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb, rows } from "@/db";
import { asCaller } from "@/test/caller";
import { DomainError, ForbiddenError } from "@/lib/errors";
import { addEntry, addOrder, createLink, inPeriod, payoutsOf } from "@/test/ledger";
import { expectLedgerInvariant } from "@/test/ledger-invariant";
import { createCreator, createUser } from "@/test/factories";
import { nextPeriod, payoutFor, staff } from "@/test/payouts";
import { listAuditEntries } from "../audit/queries";
import { getMyEarningsSummary } from "../creator-home/queries";
import { callerForUser, systemCaller } from "../system-caller";
import { startPayoutRun } from "./run";
import { getMyPayoutStatement, listMyPayouts } from "../statements/queries";
import { getPayoutReview, listPayoutQueue } from "./queries";
import { approvePayout, holdPayout, markPayoutPaid, rejectPayout } from "./commands";

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => "no error",
    (e: unknown) => (e instanceof DomainError ? e.code : e instanceof ForbiddenError ? "forbidden" : String(e)),
  );

afterEach(async () => {
  await expectLedgerInvariant();
});

describe("payout runs", () => {
  it("makes one payout per creator and currency that reaches the minimum; smaller balances roll over", async () => {
    const reviewer = await staff();
    const p1 = nextPeriod();
    const p2 = nextPeriod();
    const a = await createCreator();
    const b = await createCreator();
    const big = await createCreator();
    await addEntry(a.creator.id, 6_000, inPeriod(p1));
    await addEntry(a.creator.id, 5_000, inPeriod(p1));
    await addEntry(a.creator.id, 2_000, inPeriod(p2)); // available after p1 ends: not in p1
    await addEntry(a.creator.id, 7_000, new Date(Date.now() + 86_400_000)); // still pending
    await addEntry(a.creator.id, 20_000, inPeriod(p1), { currency: "USD" }); // its own payout
    await addEntry(b.creator.id, 8_000, inPeriod(p1));
    await addEntry(big.creator.id, 150_000, inPeriod(p1));
    // The run compares every payout in EUR at its rate (without one, two approvals are needed).
    await (await getDb()).execute(sql`insert into exchange_rates (day, base, quote, rate_micros) values ('2019-01-01', 'USD', 'EUR', 900000)`);

    const run = await asCaller(reviewer.id, (c) => startPayoutRun(c, p1));
    expect(run.period).toBe(p1);
    expect((await payoutsOf(a.creator.id)).map((p) => [p.currency, p.amount_minor, p.approvals_required]).sort()).toEqual([
      ["EUR", 11_000, 1],
      ["USD", 20_000, 1],
    ]);
    expect(await payoutsOf(b.creator.id)).toEqual([]); // 80.00 < 100.00 rolls over
    expect((await payoutsOf(big.creator.id)).map((p) => [p.amount_minor, p.approvals_required, p.status])).toEqual([[150_000, 2, "pending_review"]]);

    await addEntry(b.creator.id, 3_000, inPeriod(p2));
    await asCaller(reviewer.id, (c) => startPayoutRun(c, p2));
    expect((await payoutsOf(b.creator.id)).map((p) => [p.period, p.amount_minor])).toEqual([[p2, 11_000]]);
    // a's p2 entry (20.00) alone is below the minimum; the pending one waits.
    expect((await payoutsOf(a.creator.id)).filter((p) => p.period === p2)).toEqual([]);
  });

  it("runs a period once: a second run is refused and creates nothing", async () => {
    const reviewer = await staff();
    const period = nextPeriod();
    const c = await createCreator();
    await addEntry(c.creator.id, 12_000, inPeriod(period));
    await asCaller(reviewer.id, (c) => startPayoutRun(c, period));
    expect(await failure(asCaller(reviewer.id, (c) => startPayoutRun(c, period)))).toBe("payouts.run.errors.already_run");
    expect(await failure(startPayoutRun(systemCaller("cli"), period))).toBe("payouts.run.errors.already_run");
    expect(await payoutsOf(c.creator.id)).toHaveLength(1);
    const db = await getDb();
    const [n] = await rows<{ n: number }>(db, sql`select count(*)::int as n from payout_runs where period = ${period}`);
    expect(n.n).toBe(1);
  });

  it("refuses a month that has not started", async () => {
    const reviewer = await staff();
    expect(await failure(asCaller(reviewer.id, (c) => startPayoutRun(c, "2999-01")))).toBe("payouts.run.errors.future");
  });

  it("runs from the command line as a named staff account, never as a creator", async () => {
    // scripts/payouts-run.ts: callerForUser(id of --as), else systemCaller("cli"); one checked function.
    const reviewer = await staff();
    const { user: creatorUser } = await createCreator();
    const period = nextPeriod();
    expect(await failure(startPayoutRun(await callerForUser(creatorUser.id), period))).toBe("forbidden");
    expect(await failure(callerForUser(999_999_999))).toBe("UnauthenticatedError: unauthenticated");
    // Ingest's caller runs nothing; a staff member cannot pass the seed's transaction or time.
    expect(await failure(startPayoutRun(systemCaller("ingest"), period))).toBe("forbidden");
    expect(await failure(startPayoutRun(await callerForUser(reviewer.id), period, { at: new Date() }))).toBe("forbidden");
    const run = await startPayoutRun(await callerForUser(reviewer.id), period);
    const db = await getDb();
    const [r] = await rows<{ started_by: number }>(db, sql`select started_by from payout_runs where id = ${run.runId}`);
    expect(r.started_by).toBe(reviewer.id);
    const system = await startPayoutRun(systemCaller("cli"), nextPeriod());
    const [s] = await rows<{ started_by: number | null }>(db, sql`select started_by from payout_runs where id = ${system.runId}`);
    expect(s.started_by).toBeNull();
  });

  it("refuses creators and marketing", async () => {
    const marketing = await createUser("marketing");
    const { user } = await createCreator();
    expect(await failure(asCaller(marketing.id, (c) => startPayoutRun(c, nextPeriod())))).toBe("forbidden");
    expect(await failure(asCaller(user.id, (c) => startPayoutRun(c, nextPeriod())))).toBe("forbidden");
  });
});


describe("decisions", () => {
  it("rejecting releases the entries; a later run pays them again", async () => {
    const { creator, reviewer, payout } = await payoutFor(25_000);
    const result = await asCaller(reviewer.id, (c) => rejectPayout(c, { payoutId: payout.id, version: payout.version, reason: "Bank account shared" }));
    expect(result.releasedEntries).toBe(1);
    expect((await payoutsOf(creator.id))[0]).toMatchObject({ status: "rejected", version: 2 });
    await asCaller(reviewer.id, (c) => startPayoutRun(c, nextPeriod()));
    const [rejected, again] = await payoutsOf(creator.id);
    expect(rejected.status).toBe("rejected");
    expect(again).toMatchObject({ status: "pending_review", amount_minor: 25_000 });
  });

  it("four-eyes: above the limit the same reviewer cannot approve twice; a second reviewer approves", async () => {
    const { payout, reviewer, creator } = await payoutFor(150_000);
    const second = await staff();
    expect(payout.approvals_required).toBe(2);
    const first = await asCaller(reviewer.id, (c) => approvePayout(c, { payoutId: payout.id, version: 1 }));
    expect(first).toEqual({ status: "pending_review", approvals: 1, approvalsRequired: 2 });
    expect(await failure(asCaller(reviewer.id, (c) => approvePayout(c, { payoutId: payout.id, version: 2 })))).toBe("payouts.errors.already_approved_by_you");
    const done = await asCaller(second.id, (c) => approvePayout(c, { payoutId: payout.id, version: 2, note: "Checked" }));
    expect(done).toEqual({ status: "approved", approvals: 2, approvalsRequired: 2 });
    expect((await payoutsOf(creator.id))[0]).toMatchObject({ status: "approved", version: 3 });
  });

  it("below the limit one approval approves; a held payout can be approved", async () => {
    const { payout, reviewer, user } = await payoutFor(30_000);
    await asCaller(reviewer.id, (c) =>
      holdPayout(c, { payoutId: payout.id, version: 1, reasonCode: "tax_form", note: "Tax form missing", fix: "Send your tax form", decideBy: "2999-01-31" }),
    );
    const mine = await asCaller(user.id, (c) => listMyPayouts(c));
    expect(mine.payouts[0]).toMatchObject({
      status: "held",
      hold: { code: "tax_form", note: "Tax form missing", fix: "Send your tax form", decideBy: "2999-01-31" },
    });
    expect(await asCaller(reviewer.id, (c) => approvePayout(c, { payoutId: payout.id, version: 2 }))).toMatchObject({ status: "approved", approvals: 1 });
  });

  it("marks paid only after approval, with one negative payout entry; the creator's paid total matches", async () => {
    const { payout, reviewer, user, creator } = await payoutFor(42_000);
    expect(await failure(asCaller(reviewer.id, (c) => markPayoutPaid(c, { payoutId: payout.id, version: 1, paymentReference: "PAY-1" })))).toBe("payouts.errors.not_approved");
    await asCaller(reviewer.id, (c) => approvePayout(c, { payoutId: payout.id, version: 1 }));
    await asCaller(reviewer.id, (c) => markPayoutPaid(c, { payoutId: payout.id, version: 2, paymentReference: "PAY-2026-42" }));
    const db = await getDb();
    const debits = await rows<{ amount_minor: number; payout_id: number; kind: string }>(
      db,
      sql`select amount_minor::float8 as amount_minor, payout_id, kind from ledger_entries where creator_id = ${creator.id} and kind = 'payout'`,
    );
    expect(debits).toEqual([{ amount_minor: -42_000, payout_id: payout.id, kind: "payout" }]);
    // Paid is final: nothing else applies, and paying twice is refused.
    expect(await failure(asCaller(reviewer.id, (c) => markPayoutPaid(c, { payoutId: payout.id, version: 3, paymentReference: "again" })))).toBe("payouts.errors.not_approved");
    expect(await failure(asCaller(reviewer.id, (c) => rejectPayout(c, { payoutId: payout.id, version: 3, reason: "late" })))).toBe("payouts.errors.already_decided");

    const summary = await asCaller(user.id, (c) => getMyEarningsSummary(c));
    const paid = summary.totals.bonus.paid + summary.totals.commission.paid + summary.totals.other.paid;
    expect(paid).toBe(42_000);
    const mine = await asCaller(user.id, (c) => listMyPayouts(c));
    expect(mine.totals[0]).toMatchObject({ currency: "EUR", paidMinor: 42_000 });
    expect(mine.payouts[0]).toMatchObject({ status: "paid", paymentReference: "PAY-2026-42" });
    // A paid payout's entries never go into another run.
    await asCaller(reviewer.id, (c) => startPayoutRun(c, nextPeriod()));
    expect(await payoutsOf(creator.id)).toHaveLength(1);
  });

  it("refuses a decision made on a stale version with a clear message", async () => {
    const { payout, reviewer } = await payoutFor(30_000);
    const other = await staff();
    await asCaller(other.id, (c) =>
      holdPayout(c, { payoutId: payout.id, version: 1, reasonCode: "kyc_missing", note: "ID missing", fix: "Upload ID", decideBy: "2999-01-01" }),
    );
    expect(await failure(asCaller(reviewer.id, (c) => approvePayout(c, { payoutId: payout.id, version: 1 })))).toBe("payouts.errors.stale");
    expect(await failure(asCaller(reviewer.id, (c) => rejectPayout(c, { payoutId: payout.id, version: 1, reason: "x" })))).toBe("payouts.errors.stale");
    expect(await failure(asCaller(reviewer.id, (c) => approvePayout(c, { payoutId: 999_999, version: 1 })))).toBe("payouts.errors.not_found");
  });

  it("lets an admin decide like staff", async () => {
    const admin = await createUser("admin");
    const { payout } = await payoutFor(30_000);
    expect(await asCaller(admin.id, (c) => approvePayout(c, { payoutId: payout.id, version: 1 }))).toMatchObject({ status: "approved" });
  });
});

describe("fraud signals", () => {
  it("refuses to approve a flagged payout without a note; the queue's fraud filter finds it", async () => {
    const reviewer = await staff();
    const { creator } = await createCreator({ country: "BE" });
    const link = await createLink(creator.id);
    const period = nextPeriod();
    // The same buyer, five times in a week of the payout's period, through this creator's link.
    for (let i = 0; i < 5; i++) {
      await addOrder(creator.id, link, { amountMinor: 30_000, buyerRef: "buyer_same", occurredAt: new Date(inPeriod(period).getTime() - i * 86_400_000), availableAt: inPeriod(period) });
    }
    await asCaller(reviewer.id, (c) => startPayoutRun(c, period));
    const [payout] = await payoutsOf(creator.id);
    expect(payout.amount_minor).toBe(15_000);

    const review = await asCaller(reviewer.id, (c) => getPayoutReview(c, payout.id));
    expect(review?.signals).toEqual([{ code: "repeat_buyer", buyerRef: "buyer_same", orders: 5 }]);

    const flagged = await asCaller(reviewer.id, (c) => listPayoutQueue(c, { status: "pending_review", fraud: "flagged", country: "BE", sort: "oldest", page: 1 }));
    expect(flagged.rows.map((r) => r.id)).toContain(payout.id);
    const clear = await asCaller(reviewer.id, (c) => listPayoutQueue(c, { status: "all", fraud: "clear", country: "BE", sort: "oldest", page: 1 }));
    expect(clear.rows.map((r) => r.id)).not.toContain(payout.id);

    expect(await failure(asCaller(reviewer.id, (c) => approvePayout(c, { payoutId: payout.id, version: 1, note: "   " })))).toBe("payouts.errors.note_required");
    const ok = await asCaller(reviewer.id, (c) => approvePayout(c, { payoutId: payout.id, version: 1, note: "Buyer is the creator's shop: confirmed by phone." }));
    expect(ok.status).toBe("approved");
    const trail = await asCaller(reviewer.id, (c) => listAuditEntries(c, { entityType: "payout", entityId: String(payout.id), page: 1 }));
    expect(trail.entries[0]).toMatchObject({ action: "payout.approve", after: { flagged: true, note: "Buyer is the creator's shop: confirmed by phone." } });
  });

  it("flags an activity spike, a high refund rate and an unusually large payout", async () => {
    const reviewer = await staff();
    const { creator } = await createCreator();
    const link = await createLink(creator.id);
    const p1 = nextPeriod();
    await addEntry(creator.id, 10_000, inPeriod(p1));
    await asCaller(reviewer.id, (c) => startPayoutRun(c, p1));
    // In the second payout's period: a spike of stars, and 2 of 4 orders fully refunded = 50 %.
    const p2 = nextPeriod();
    const spikeDay = `${p2}-20`;
    const db = await getDb();
    for (let d = 10; d <= 20; d++) {
      await db.execute(sql`insert into creator_daily_metrics (creator_id, metric, day, total) values (${creator.id}, 'stars_received', ${`${p2}-${d}`}, ${d === 20 ? 5_000 : 100})`);
    }
    for (let i = 0; i < 4; i++) {
      await addOrder(creator.id, link, { amountMinor: 1_000, occurredAt: inPeriod(p2), availableAt: inPeriod(p2), refundMinor: i < 2 ? 1_000 : 0 });
    }
    await addEntry(creator.id, 50_000, inPeriod(p2));
    await asCaller(reviewer.id, (c) => startPayoutRun(c, p2));
    const [, second] = await payoutsOf(creator.id);
    const review = await asCaller(reviewer.id, (c) => getPayoutReview(c, second.id));
    expect(review?.signals.map((s) => s.code)).toEqual(["activity_spike", "refund_rate", "unusual_amount"]);
    expect(review?.signals).toContainEqual({ code: "activity_spike", day: spikeDay, stars: 5_000, median: 100 });
    expect(review?.signals).toContainEqual({ code: "refund_rate", ratePercent: 50, orders: 4 });
    expect(review?.signals).toContainEqual({ code: "unusual_amount", medianMinor: 10_000, previousCount: 1 });
  });
});

describe("what creators see", () => {
  it("lists only their own payouts; another creator's statement is not found", async () => {
    const mine = await payoutFor(20_000);
    const theirs = await payoutFor(30_000);
    const list = await asCaller(mine.user.id, (c) => listMyPayouts(c));
    expect(list.payouts.map((p) => p.id)).toEqual([mine.payout.id]);
    expect(await asCaller(mine.user.id, (c) => getMyPayoutStatement(c, mine.payout.id))).not.toBeNull();
    expect(await asCaller(mine.user.id, (c) => getMyPayoutStatement(c, theirs.payout.id))).toBeNull();
    expect(await failure(asCaller(mine.reviewer.id, (c) => listMyPayouts(c)))).toBe("forbidden");
  });

  it("shows every entry on the statement, refunds after an earlier payout as clawbacks, conversions with their rate", async () => {
    const reviewer = await staff();
    const { creator, user } = await createCreator();
    const link = await createLink(creator.id);
    const p1 = nextPeriod();
    const order = await addOrder(creator.id, link, { amountMinor: 200_000, occurredAt: inPeriod(p1), availableAt: inPeriod(p1) });
    await asCaller(reviewer.id, (c) => startPayoutRun(c, p1));
    const [first] = await payoutsOf(creator.id);
    expect(first.amount_minor).toBe(20_000);
    await asCaller(reviewer.id, (c) => approvePayout(c, { payoutId: first.id, version: first.version }));
    await asCaller(reviewer.id, (c) => markPayoutPaid(c, { payoutId: first.id, version: first.version + 1, paymentReference: "SEPA-CLAW-1" }));

    // The order is refunded after it was paid out: the clawback lands in the next payout.
    const db = await getDb();
    const p2 = nextPeriod();
    await db.execute(sql`insert into refunds (id, order_id, amount_minor, occurred_at) values ('ref_claw_' || ${order.orderId}, ${order.orderId}, 50000, ${inPeriod(p2).toISOString()})`);
    await db.execute(sql`insert into ledger_entries (creator_id, kind, amount_minor, currency, order_id, refund_id, occurred_at, available_at)
      values (${creator.id}, 'refund', -5000, 'EUR', ${order.orderId}, 'ref_claw_' || ${order.orderId}, ${inPeriod(p2).toISOString()}, ${inPeriod(p2).toISOString()})`);
    await db.execute(sql`insert into ledger_entries (creator_id, kind, amount_minor, currency, note, original_amount_minor, original_currency, fx_rate_micros, occurred_at, available_at)
      values (${creator.id}, 'adjustment', 18410, 'EUR', 'Creator week fee', 20000, 'USD', 920500, ${inPeriod(p2).toISOString()}, ${inPeriod(p2).toISOString()})`);
    await asCaller(reviewer.id, (c) => startPayoutRun(c, p2));
    const [, second] = await payoutsOf(creator.id);
    expect(second.amount_minor).toBe(13_410);

    const statement = await asCaller(user.id, (c) => getMyPayoutStatement(c, second.id));
    expect(statement?.lines.map((l) => [l.kind, l.amountMinor, l.fxRateMicros])).toEqual([
      ["clawback", -5_000, null],
      ["adjustment", 18_410, 920_500],
    ]);
    expect(statement?.lines[0]).toMatchObject({ clawbackOfPayoutId: first.id });
    expect(statement?.lines[1]).toMatchObject({ originalAmountMinor: 20_000, originalCurrency: "USD", note: "Creator week fee" });
    expect(statement?.subtotals).toEqual([
      { kind: "clawback", entries: 1, amountMinor: -5_000 },
      { kind: "adjustment", entries: 1, amountMinor: 18_410 },
    ]);
    expect(statement?.amountMinor).toBe(13_410);
    const firstStatement = await asCaller(user.id, (c) => getMyPayoutStatement(c, first.id));
    expect(firstStatement?.lines.map((l) => [l.kind, l.orderId])).toEqual([["commission", order.orderId]]);
  });
});

describe("audit", () => {
  it("records runs and decisions with who, before and after; the log refuses edits", async () => {
    const { payout, reviewer } = await payoutFor(30_000);
    await asCaller(reviewer.id, (c) => holdPayout(c, { payoutId: payout.id, version: 1, reasonCode: "bank_details", note: "Name mismatch", fix: "Fix bank details", decideBy: "2999-02-01" }));
    await asCaller(reviewer.id, (c) => rejectPayout(c, { payoutId: payout.id, version: 2, reason: "Closed account" }));
    const trail = await asCaller(reviewer.id, (c) => listAuditEntries(c, { entityType: "payout", entityId: String(payout.id), page: 1 }));
    expect(trail.entries.map((e) => [e.action, e.actorId, e.before?.status, e.after?.status])).toEqual([
      ["payout.reject", reviewer.id, "held", "rejected"],
      ["payout.hold", reviewer.id, "pending_review", "held"],
    ]);
    const runs = await asCaller(reviewer.id, (c) => listAuditEntries(c, { action: "payout_run.create", actor: reviewer.id, page: 1 }));
    expect(runs.entries[0]).toMatchObject({ entityType: "payout_run", actorName: expect.any(String) });
    expect(runs.entries[0].after).toMatchObject({ payoutCount: expect.any(Number), minimumMinor: 10_000 });

    const db = await getDb();
    await expect(db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
    // Audit reading is for staff and admins.
    const { user } = await createCreator();
    expect(await failure(asCaller(user.id, (c) => listAuditEntries(c, { page: 1 })))).toBe("forbidden");
  });

  it("writes nothing, audit included, when a decision is refused", async () => {
    const { payout, reviewer } = await payoutFor(30_000);
    const db = await getDb();
    const count = async () => (await rows<{ n: number }>(db, sql`select count(*)::int as n from audit_log where entity_id = ${String(payout.id)} and entity_type = 'payout'`))[0].n;
    expect(await failure(asCaller(reviewer.id, (c) => markPayoutPaid(c, { payoutId: payout.id, version: 1, paymentReference: "X" })))).toBe("payouts.errors.not_approved");
    expect(await count()).toBe(0);
  });
});

describe("the creator's earnings summary", () => {
  type Totals = Awaited<ReturnType<typeof getMyEarningsSummary>>["totals"];

  // The statuses derived entry by entry, the long way (ledger-sql.ts): the summary reads payouts'
  // totals by group instead, and must always agree with this.
  async function statusesEntryByEntry(creatorId: number): Promise<Totals> {
    const db = await getDb();
    const found = await rows<{ grp: keyof Totals; status: keyof Totals["bonus"]; total: number }>(
      db,
      sql`select (case when le.kind = 'milestone_award' then 'bonus' when le.kind in ('commission', 'refund') then 'commission' else 'other' end) as grp,
                 (case when p.status = 'paid' then 'paid' when pi.payout_id is not null then 'in_payout'
                       when le.available_at <= now() then 'available' else 'pending' end) as status,
                 sum(le.amount_minor)::float8 as total
          from ledger_entries le
          left join payout_items pi on pi.ledger_entry_id = le.id and pi.released_at is null
          left join payouts p on p.id = pi.payout_id
          where le.creator_id = ${creatorId} and le.kind <> 'payout'
          group by 1, 2`,
    );
    const totals: Totals = {
      bonus: { pending: 0, available: 0, in_payout: 0, paid: 0 },
      commission: { pending: 0, available: 0, in_payout: 0, paid: 0 },
      other: { pending: 0, available: 0, in_payout: 0, paid: 0 },
    };
    for (const r of found) totals[r.grp][r.status] = Number(r.total);
    return totals;
  }

  it("follows the entries through a run, a rejection, a second run and a payment", async () => {
    const reviewer = await staff();
    const { user, creator } = await createCreator();
    const [p1, p2, p3] = [nextPeriod(), nextPeriod(), nextPeriod()];
    const link = await createLink(creator.id);
    // 30,000 commission less a 5,000 refund, a 20,000 adjustment, and 7,000 still pending.
    await addOrder(creator.id, link, { amountMinor: 300_000, occurredAt: inPeriod(p1), refundMinor: 50_000, refundAt: inPeriod(p1) });
    await addEntry(creator.id, 20_000, inPeriod(p1));
    await addEntry(creator.id, 7_000, new Date(Date.now() + 86_400_000));
    const summary = async () => (await asCaller(user.id, (c) => getMyEarningsSummary(c))).totals;
    const expectTotals = async (commission: Partial<Totals["commission"]>, other: Partial<Totals["other"]>) => {
      const zero = { pending: 0, available: 0, in_payout: 0, paid: 0 };
      const expected = { bonus: zero, commission: { ...zero, ...commission }, other: { ...zero, ...other } };
      expect(await summary()).toEqual(expected);
      expect(await statusesEntryByEntry(creator.id)).toEqual(expected);
    };

    await expectTotals({ available: 25_000 }, { available: 20_000, pending: 7_000 });

    await asCaller(reviewer.id, (c) => startPayoutRun(c, p1));
    const [first] = await payoutsOf(creator.id);
    expect(first.amount_minor).toBe(45_000);
    await expectTotals({ in_payout: 25_000 }, { in_payout: 20_000, pending: 7_000 });

    await asCaller(reviewer.id, (c) => rejectPayout(c, { payoutId: first.id, version: 1, reason: "documents missing" }));
    await expectTotals({ available: 25_000 }, { available: 20_000, pending: 7_000 });

    await addEntry(creator.id, -2_000, inPeriod(p2), { note: "correction" });
    await asCaller(reviewer.id, (c) => startPayoutRun(c, p2));
    const second = (await payoutsOf(creator.id))[1];
    expect(second.amount_minor).toBe(43_000);
    await expectTotals({ in_payout: 25_000 }, { in_payout: 18_000, pending: 7_000 });

    await asCaller(reviewer.id, (c) => approvePayout(c, { payoutId: second.id, version: 1 }));
    await asCaller(reviewer.id, (c) => markPayoutPaid(c, { payoutId: second.id, version: 2, paymentReference: "PAY-SUMMARY-1" }));
    await addEntry(creator.id, 1_500, inPeriod(p3));
    await expectTotals({ paid: 25_000 }, { paid: 18_000, available: 1_500, pending: 7_000 });
  });

  it("is all zeros, in the creator's currency, for a creator with no entries", async () => {
    const { user } = await createCreator({ currency: "USD" });
    const result = await asCaller(user.id, (c) => getMyEarningsSummary(c));
    expect(result.currency).toBe("USD");
    expect(Object.values(result.totals).flatMap((s) => Object.values(s))).toEqual(Array(12).fill(0));
  });
});
