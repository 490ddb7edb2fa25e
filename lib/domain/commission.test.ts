import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { refundReversal } from "./commission";
import { commissionMinor, convertMinor } from "./money";

describe("refundReversal", () => {
  it("reverses a full refund exactly, even when each part would round on its own", () => {
    // 3 cents at 50 %: the commission is 2 (1.5 rounds to even), each 1-cent refund 0.5 → 0.
    const parts = [1, 1, 1].map((refund, i) => refundReversal({ amountMinor: 3, refundedBeforeMinor: i, refundMinor: refund, rateBps: 5000, fxRateMicros: null }));
    expect(commissionMinor(3, 5000)).toBe(2);
    expect(parts.reduce((s, p) => s + p.originalMinor, 0)).toBe(2);
  });

  it("refuses a refund larger than what is left", () => {
    expect(() => refundReversal({ amountMinor: 100, refundedBeforeMinor: 60, refundMinor: 41, rateBps: 1000, fxRateMicros: null })).toThrow(RangeError);
  });

  it("converts at the order's rate, and a full refund of a converted commission nets to zero", () => {
    const r = refundReversal({ amountMinor: 4999, refundedBeforeMinor: 0, refundMinor: 4999, rateBps: 1250, fxRateMicros: 920_000 });
    expect(r.originalMinor).toBe(commissionMinor(4999, 1250));
    expect(r.convertedMinor).toBe(convertMinor(commissionMinor(4999, 1250), 920_000));
  });

  // Any order, any sequence of refunds that fit in it, any rate and exchange rate.
  const scenario = fc
    .record({
      amountMinor: fc.integer({ min: 1, max: 5_000_000 }),
      rateBps: fc.integer({ min: 0, max: 10_000 }),
      fxRateMicros: fc.option(fc.integer({ min: 1, max: 20_000_000 }), { nil: null }),
      shares: fc.array(fc.integer({ min: 1, max: 1000 }), { maxLength: 8 }),
    })
    .map(({ amountMinor, shares, ...rest }) => {
      // Turn shares into refunds that fit: each takes part of what is left (at least 1 cent).
      const refunds: number[] = [];
      let left = amountMinor;
      for (const share of shares) {
        if (left === 0) break;
        const refund = Math.max(1, Math.floor((left * share) / 1000));
        refunds.push(refund);
        left -= refund;
      }
      return { amountMinor, refunds, ...rest };
    });

  it("never takes an order's commission below zero and leaves exactly the commission on the net amount", () => {
    fc.assert(
      fc.property(scenario, ({ amountMinor, refunds, rateBps, fxRateMicros }) => {
        const convert = (m: number) => (fxRateMicros === null ? m : convertMinor(m, fxRateMicros));
        let balance = convert(commissionMinor(amountMinor, rateBps));
        let refunded = 0;
        for (const refund of refunds) {
          const r = refundReversal({ amountMinor, refundedBeforeMinor: refunded, refundMinor: refund, rateBps, fxRateMicros });
          expect(r.originalMinor).toBeGreaterThanOrEqual(0);
          // Each reversal is the commission on the refunded amount, give or take one cent.
          expect(Math.abs(r.originalMinor - commissionMinor(refund, rateBps))).toBeLessThanOrEqual(1);
          balance -= r.convertedMinor;
          refunded += refund;
          expect(balance).toBeGreaterThanOrEqual(0);
        }
        const net = amountMinor - refunded;
        expect(balance).toBe(convert(commissionMinor(net, rateBps)));
        if (fxRateMicros === null) {
          // rate × net amount, within half a cent of rounding.
          expect(Math.abs(balance * 10_000 - net * rateBps)).toBeLessThanOrEqual(5_000);
        }
        if (net === 0) expect(balance).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });
});
