// The demo data set is made by the app's own money code (lib/demo/seed-data.ts): this checks the
// seeded database against the money rules, recomputed here from the raw tables.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, rows } from "@/db";
import { commissionMinor, convertMinor } from "@/lib/domain/money";
import { expectLedgerInvariant } from "@/test/ledger-invariant";
import { seedDemoData } from "./seed-data";

type RefundRow = {
  order_id: string;
  refund_id: string;
  order_amount: number;
  commission_bps: number;
  refund_amount: number;
  /** The order's commission entry: its rate is the rate every reversal of the order uses. */
  fx_rate_micros: number | null;
  entry_amount: number | null;
  entry_original: number | null;
  entry_rate: number | null;
};

beforeAll(async () => {
  await seedDemoData(await getDb());
}, 600_000);

describe("the seeded demo database", () => {
  it("passes the ledger invariant", async () => {
    await expectLedgerInvariant();
  });

  it("has every state the demo shows: awards paid and unpaid, orders, refunds, payouts in every status", async () => {
    const db = await getDb();
    const [counts] = await rows<Record<string, number>>(
      db,
      sql`select
        (select count(*)::int from milestone_awards where status = 'paid') as paid_awards,
        (select count(*)::int from milestone_awards where status = 'unpaid_budget') as unpaid_awards,
        (select count(*)::int from orders) as orders,
        (select count(*)::int from orders where refunded_minor = amount_minor) as fully_refunded,
        (select count(*)::int from orders where refunded_minor between 1 and amount_minor - 1) as partly_refunded,
        (select count(distinct status)::int from payouts) as payout_statuses,
        (select count(*)::int from payouts where approvals_required = 2) as four_eyes`,
    );
    expect(counts.paid_awards).toBeGreaterThan(100);
    expect(counts.unpaid_awards).toBeGreaterThan(0);
    expect(counts.orders).toBe(3000);
    expect(counts.fully_refunded).toBeGreaterThan(0);
    expect(counts.partly_refunded).toBeGreaterThan(0);
    expect(counts.payout_statuses).toBe(5);
    expect(counts.four_eyes).toBeGreaterThan(0);
  });

  it("reverses every refund by the app's rule: commission before minus after, at the order's stored rate", async () => {
    const db = await getDb();
    // Refunds of an order in the order ingest applied them (ids follow time in the seed).
    const found = await rows<RefundRow>(
      db,
      sql`select r.order_id, r.id as refund_id, o.amount_minor::float8 as order_amount, o.commission_bps,
                 r.amount_minor::float8 as refund_amount, c.fx_rate_micros::float8 as fx_rate_micros,
                 e.amount_minor::float8 as entry_amount, e.original_amount_minor::float8 as entry_original,
                 e.fx_rate_micros::float8 as entry_rate
          from refunds r
          join orders o on o.id = r.order_id
          left join ledger_entries c on c.order_id = o.id and c.kind = 'commission'
          left join ledger_entries e on e.refund_id = r.id and e.kind = 'refund'
          order by r.order_id, r.occurred_at, r.id`,
    );
    expect(found.length).toBeGreaterThan(100);
    const convert = (minor: number, rate: number | null) => (rate === null ? minor : convertMinor(minor, rate));
    const wrong: unknown[] = [];
    let refundedBefore = 0;
    let previousOrder = "";
    for (const r of found) {
      if (r.order_id !== previousOrder) refundedBefore = 0;
      previousOrder = r.order_id;
      const rate = r.fx_rate_micros === null ? null : Number(r.fx_rate_micros);
      const leftBefore = Number(r.order_amount) - refundedBefore;
      const leftAfter = leftBefore - Number(r.refund_amount);
      refundedBefore += Number(r.refund_amount);
      const before = commissionMinor(leftBefore, r.commission_bps);
      const after = commissionMinor(leftAfter, r.commission_bps);
      const expected = convert(before, rate) - convert(after, rate);
      // No entry when nothing is taken back (a commission that rounded to zero wrote none either).
      const actual = r.entry_amount === null ? 0 : -Number(r.entry_amount);
      const original = r.entry_original === null ? null : -Number(r.entry_original);
      const rateMatches = r.entry_amount === null || (r.entry_rate === null ? rate === null : Number(r.entry_rate) === rate);
      if (actual !== expected || (rate !== null && actual > 0 && original !== before - after) || !rateMatches) {
        wrong.push({ refund: r.refund_id, expected, actual, expectedOriginal: before - after, original, rate, entryRate: r.entry_rate });
      }
    }
    expect(wrong).toEqual([]);
  });

  it("nets every fully refunded order's commission to exactly zero, in both currencies", async () => {
    const db = await getDb();
    const found = await rows<{ id: string; net: number; net_original: number | null }>(
      db,
      sql`select o.id, sum(e.amount_minor)::float8 as net, sum(e.original_amount_minor)::float8 as net_original
          from orders o join ledger_entries e on e.order_id = o.id and e.kind in ('commission', 'refund')
          where o.refunded_minor = o.amount_minor
          group by o.id
          having sum(e.amount_minor) <> 0 or coalesce(sum(e.original_amount_minor), 0) <> 0`,
    );
    expect(found).toEqual([]);
  });
});
