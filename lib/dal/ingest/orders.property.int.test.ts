// Property test on the real database: whatever sequence of orders and refunds the shop sends
// (replays, over-refunds and refunds before their order included), every order's commission
// balance stays >= 0 and equals rate × net amount within rounding.
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rows } from "@/db";
import { commissionMinor } from "@/lib/domain/money";
import { createCreator } from "@/test/factories";
import { expectLedgerInvariant } from "@/test/ledger-invariant";
import { createAffiliateLink, createShopProduct, paid, postOrders, refund } from "@/test/shop";

type Step =
  | { type: "paid"; order: number; amount: number }
  | { type: "refund"; order: number; amount: number }
  | { type: "replay"; step: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ type: fc.constant("paid" as const), order: fc.integer({ min: 0, max: 2 }), amount: fc.integer({ min: 1, max: 20_000 }) }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant("refund" as const), order: fc.integer({ min: 0, max: 2 }), amount: fc.integer({ min: 1, max: 12_000 }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("replay" as const), step: fc.nat() }) },
);

describe("orders and refunds, any sequence", () => {
  it("keeps each order's commission >= 0 and equal to rate × net amount within rounding", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 10_000 }), fc.array(step, { minLength: 1, maxLength: 14 }), async (rateBps, steps) => {
        run++;
        const { creator } = await createCreator();
        const product = await createShopProduct({ commissionBps: rateBps });
        const link = await createAffiliateLink(creator.id, product.id);
        const ids = [0, 1, 2].map((i) => `ord_prop_${run}_${creator.id}_${i}`);
        const sent: unknown[] = [];
        for (const s of steps) {
          const item =
            s.type === "paid"
              ? paid(link.code, s.amount, { id: ids[s.order] })
              : s.type === "refund"
                ? refund(ids[s.order], s.amount)
                : sent[s.step % Math.max(1, sent.length)];
          if (!item) continue;
          sent.push(item);
          await postOrders({ orders: [item] });
        }
        const db = await getDb();
        const found = await rows<{ id: string; amount: number; refunded: number; net: number; reversals: number }>(
          db,
          sql`select o.id, o.amount_minor::int as amount, o.refunded_minor::int as refunded,
                     coalesce(sum(le.amount_minor), 0)::int as net, count(le.id) filter (where le.kind = 'refund')::int as reversals
              from orders o left join ledger_entries le on le.order_id = o.id
              where o.creator_id = ${creator.id} group by o.id`,
        );
        for (const o of found) {
          const netAmount = o.amount - o.refunded;
          expect(o.refunded).toBeLessThanOrEqual(o.amount);
          expect(o.net).toBeGreaterThanOrEqual(0);
          expect(o.net).toBe(commissionMinor(netAmount, rateBps));
          // rate × net amount, within one cent per refund (in fact within half a cent).
          const exact = (netAmount * rateBps) / 10_000;
          expect(Math.abs(o.net - exact)).toBeLessThanOrEqual(Math.max(1, o.reversals));
        }
      }),
      { numRuns: 25 },
    );
    await expectLedgerInvariant();
  }, 120_000);
});
