// Issue 14 defect 5 / issue 16 item 4: only money already paid can be clawed back. A refund of a
// commission whose payout is pending review, held or approved but not paid is a reversal; once
// that payout is paid, it is a clawback of payout #N, named so on the earnings page, the
// statement and both CSV files.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as earningsCsv } from "@/app/api/export/earnings.csv/route";
import { GET as statementCsv } from "@/app/creator/payouts/[id]/statement.csv/route";
import { getDb } from "@/db";
import { runAs } from "@/lib/auth/identity";
import { parseEarningsQuery } from "@/lib/validation/shop";
import { addOrder, createLink, inPeriod, payoutsOf } from "@/test/ledger";
import { createCreator, createUser } from "@/test/factories";
import { listMyEntries } from "./earnings/queries";
import { startPayoutRun } from "./payouts/run";
import { getMyPayoutStatement } from "./statements/queries";
import { approvePayout, holdPayout, markPayoutPaid } from "./payouts/commands";
import { asCaller } from "@/test/caller";

process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

let month = 0;
const nextPeriod = () => new Date(Date.UTC(2018, month++, 1)).toISOString().slice(0, 7);
const text = async (r: Response) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await r.arrayBuffer());

type CommissionPayoutState = "pending_review" | "held" | "approved" | "paid";

/** A commission paid out in a first run (left in `state`), then refunded into a second payout. */
async function refundAfterPayout(state: CommissionPayoutState, options: { roundsAway?: boolean } = {}) {
  const staff = await createUser("staff");
  const { creator, user } = await createCreator();
  const link = await createLink(creator.id);
  const p1 = nextPeriod();
  const p2 = nextPeriod();
  const order = await addOrder(creator.id, link, { amountMinor: 200_000, occurredAt: inPeriod(p1), availableAt: inPeriod(p1) });
  await asCaller(staff.id, (c) => startPayoutRun(c, p1));
  const [first] = await payoutsOf(creator.id);
  const decide = { payoutId: first.id, version: first.version };
  if (state === "held") {
    const decideBy = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await asCaller(staff.id, (c) => holdPayout(c, { ...decide, reasonCode: "kyc_missing", note: "Check", fix: "Send ID", decideBy }));
  }
  if (state === "approved" || state === "paid") await asCaller(staff.id, (c) => approvePayout(c, decide));
  if (state === "paid") await asCaller(staff.id, (c) => markPayoutPaid(c, { payoutId: first.id, version: first.version + 1, paymentReference: "SEPA-1" }));

  const db = await getDb();
  const refundId = `ref_lbl_${order.orderId}`;
  await db.execute(sql`insert into refunds (id, order_id, amount_minor, occurred_at) values (${refundId}, ${order.orderId}, 50000, ${inPeriod(p2).toISOString()})`);
  if (options.roundsAway)
    // A share in the order's currency that rounds to 0.00 EUR (docs/ingest-api.md): nothing is taken back.
    await db.execute(sql`insert into ledger_entries (creator_id, kind, amount_minor, currency, order_id, refund_id, original_amount_minor, original_currency, fx_rate_micros, occurred_at, available_at)
      values (${creator.id}, 'refund', 0, 'EUR', ${order.orderId}, ${refundId}, -1, 'BRL', 170000, ${inPeriod(p2).toISOString()}, ${inPeriod(p2).toISOString()})`);
  else
    await db.execute(sql`insert into ledger_entries (creator_id, kind, amount_minor, currency, order_id, refund_id, occurred_at, available_at)
      values (${creator.id}, 'refund', -5000, 'EUR', ${order.orderId}, ${refundId}, ${inPeriod(p2).toISOString()}, ${inPeriod(p2).toISOString()})`);
  // The earnings page before the refund is in a payout.
  const before = await asCaller(user.id, (c) => listMyEntries(c, parseEarningsQuery({ kind: "refund" })));
  const csvBefore = await text(await runAs(user.id, () => earningsCsv(new Request("http://localhost/api/export/earnings.csv?kind=refund", { headers: { cookie: "locale=en" } }))));
  // A balance for the second run to reach the minimum.
  await addOrder(creator.id, link, { amountMinor: 200_000, occurredAt: inPeriod(p2), availableAt: inPeriod(p2) });
  await asCaller(staff.id, (c) => startPayoutRun(c, p2));
  const second = (await payoutsOf(creator.id)).find((p) => p.period === p2)!;
  const statement = await asCaller(user.id, (c) => getMyPayoutStatement(c, second.id));
  const statementText = await text(
    await runAs(user.id, () => statementCsv(new Request("http://localhost/x", { headers: { cookie: "locale=en" } }), { params: Promise.resolve({ id: String(second.id) }) })),
  );
  const after = await asCaller(user.id, (c) => listMyEntries(c, parseEarningsQuery({ kind: "refund" })));
  return { first, second, before: before.entries[0], after: after.entries[0], csvBefore, statement, statementText };
}

describe("reversal or clawback", () => {
  for (const state of ["pending_review", "held", "approved"] as const) {
    it(`calls a refund of commission in a ${state} payout a reversal, everywhere`, async () => {
      const r = await refundAfterPayout(state);
      expect(r.before.source).toMatchObject({ type: "refund", label: { kind: "reversal" } });
      expect(r.csvBefore).toMatch(/,Reversal,Refund ref_lbl_\w+ of order \w+: Product [^,]+,-50\.00,EUR,/);
      const line = r.statement!.lines.find((l) => l.amountMinor === -5_000)!;
      expect(line).toMatchObject({ kind: "reversal", clawbackOfPayoutId: null });
      expect(r.statement!.subtotals.map((s) => s.kind)).toEqual(["commission", "reversal"]);
      expect(r.statementText).toMatch(/,Reversal,Refund of order \w+ · Product [^,]+,,,,-50\.00,EUR\r\n/);
      expect(r.statementText).not.toContain("Clawback");
    });
  }

  it("calls a refund of commission paid in payout #N a clawback of #N that comes out of the next payout", async () => {
    const r = await refundAfterPayout("paid");
    expect(r.before.source).toMatchObject({ type: "refund", label: { kind: "clawback", paidInPayoutId: r.first.id }, inPayoutId: null });
    expect(r.after.source).toMatchObject({ label: { kind: "clawback", paidInPayoutId: r.first.id }, inPayoutId: r.second.id });
    expect(r.csvBefore).toContain(`,Clawback,`);
    expect(r.csvBefore).toContain(`(takes back commission paid in payout #${r.first.id})`);
    const line = r.statement!.lines.find((l) => l.amountMinor === -5_000)!;
    expect(line).toMatchObject({ kind: "clawback", clawbackOfPayoutId: r.first.id });
    expect(r.statement!.subtotals).toEqual([
      { kind: "commission", entries: 1, amountMinor: 20_000 },
      { kind: "clawback", entries: 1, amountMinor: -5_000 },
    ]);
    expect(r.statementText).toContain(`,Clawback,Refund of order `);
    expect(r.statementText).toContain(`takes back commission already paid in payout #${r.first.id},,,,-50.00,EUR`);
  });
  it("never calls a refund that takes back 0.00 a clawback, even of a paid commission", async () => {
    const r = await refundAfterPayout("paid", { roundsAway: true });
    expect(r.before.source).toMatchObject({ type: "refund", label: { kind: "reversal" } });
    expect(r.csvBefore).not.toContain("Clawback");
    const line = r.statement!.lines.find((l) => l.kind !== "commission")!;
    expect(line).toMatchObject({ amountMinor: 0, kind: "reversal", clawbackOfPayoutId: null });
    expect(r.statement!.subtotals.map((s) => s.kind)).not.toContain("clawback");
    expect(r.statementText).not.toContain("Clawback");
  });
});
