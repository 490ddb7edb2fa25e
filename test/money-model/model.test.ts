// The reference model on small logs worked out by hand, so the property test compares the app
// with something that is itself checked.
import { describe, expect, it } from "vitest";
import { halfEven, runModel, type ModelLog, type ModelWorld } from "./model";

const DAY = 86_400_000;
const T = Date.UTC(2026, 8, 1); // 1 September 2026, 00:00 UTC

const world = (over: Partial<ModelWorld> = {}): ModelWorld => ({
  creators: [{ key: "ana", currency: "BRL" }],
  challenges: [
    {
      key: "ch",
      currency: "EUR",
      startsAt: T,
      endsAt: T + 10 * DAY,
      budgetMinor: null,
      milestones: [{ position: 1, metric: "stars_received", threshold: 100, rewardMinor: 2500 }],
    },
  ],
  enrollments: [{ challenge: "ch", creator: "ana", enrolledAt: T, withdrawnAt: null }],
  products: [{ key: "p", commissionBps: 1500, returnWindowDays: 30 }],
  links: [{ code: "k", creator: "ana", product: "p" }],
  rates: [
    { day: "2026-09-01", base: "EUR", quote: "BRL", rateMicros: 6_000_000 },
    { day: "2026-09-03", base: "EUR", quote: "BRL", rateMicros: 6_100_000 },
  ],
  ...over,
});
const ev = (id: string, amount: number, at: number, creator = "ana", metric = "stars_received") => ({ id, creator, metric, amount, occurredAt: at });
const empty: ModelLog = { events: [], orders: [], refunds: [] };

describe("halfEven", () => {
  it("rounds halves to the even neighbour, both signs", () => {
    expect([5n, 7n, 3n, -5n, -7n, 25n].map((n) => halfEven(n, 2n))).toEqual([2n, 4n, 2n, -2n, -4n, 12n]);
    expect(halfEven(1234n, 10n)).toBe(123n);
    expect(halfEven(1236n, 10n)).toBe(124n);
  });
});

describe("milestones", () => {
  it("dates the award at the crossing event in event-time order, at that day's rate, whatever the arrival order", () => {
    // Arrival order: the 4 September event first. Event time: 60 (1 Sep) + 50 (3 Sep) crosses 100.
    const events = [ev("e3", 70, T + 3 * DAY), ev("e2", 50, T + DAY + 5), ev("e1", 60, T + 1)];
    const { awards, entries } = runModel(world(), { ...empty, events });
    expect(awards).toMatchObject([{ key: "ch/1/ana", reachedAt: T + DAY + 5, crossingEventId: "e2", status: "paid" }]);
    // 2 September has no rate: 1 September's applies. 25.00 EUR × 6.0 = 150.00 BRL.
    expect(entries).toEqual([
      expect.objectContaining({ kind: "milestone_award", amountMinor: 15_000, currency: "BRL", originalAmountMinor: 2500, fxRateMicros: 6_000_000, occurredAt: T + DAY + 5 }),
    ]);
  });

  it("breaks a tie of event times by id, and counts an id once (the first payload)", () => {
    const events = [ev("b", 100, T + 3 * DAY), ev("a", 100, T + 3 * DAY), ev("a", 5, T + DAY)];
    const { awards } = runModel(world(), { ...empty, events });
    expect(awards.map((a) => [a.crossingEventId, a.reachedAt])).toEqual([["a", T + 3 * DAY]]);
  });

  it("counts only inside [start, end), from enrolling, before withdrawing", () => {
    const w = world({ enrollments: [{ challenge: "ch", creator: "ana", enrolledAt: T + DAY, withdrawnAt: T + 5 * DAY }] });
    const events = [ev("before", 99, T + DAY - 1), ev("at-enrol", 40, T + DAY), ev("at-withdraw", 60, T + 5 * DAY), ev("other-metric", 60, T + 2 * DAY, "ana", "live_sessions")];
    expect(runModel(w, { ...empty, events }).awards).toEqual([]);
    const inside = [...events, ev("in", 60, T + 5 * DAY - 1)];
    expect(runModel(w, { ...empty, events: inside }).awards.map((a) => a.crossingEventId)).toEqual(["in"]);
    const atEnd = [ev("end", 100, T + 10 * DAY)];
    expect(runModel(world(), { ...empty, events: atEnd }).awards).toEqual([]);
  });

  it("counts live_days as distinct UTC days with a live session, whatever the number of sessions", () => {
    const w = world({ challenges: [{ ...world().challenges[0], milestones: [{ position: 1, metric: "live_days", threshold: 3, rewardMinor: 1000 }] }] });
    const sessions = Array.from({ length: 105 }, (_, i) => ev(`s${String(i).padStart(3, "0")}`, 1, T + DAY + i, "ana", "live_sessions"));
    expect(runModel(w, { ...empty, events: sessions }).awards).toEqual([]);
    const threeDays = [...sessions, ev("d2", 1, T + 3 * DAY - 1, "ana", "live_sessions"), ev("d3", 1, T + 4 * DAY + 7, "ana", "live_sessions")];
    expect(runModel(w, { ...empty, events: threeDays }).awards.map((a) => [a.crossingEventId, a.reachedAt])).toEqual([["d3", T + 4 * DAY + 7]]);
  });

  it("pays awards from the budget in the order they were reached; one that does not fit is unpaid", () => {
    const w = world({
      creators: [{ key: "ana", currency: "EUR" }, { key: "bo", currency: "EUR" }],
      challenges: [{ ...world().challenges[0], budgetMinor: 4000 }],
      enrollments: [
        { challenge: "ch", creator: "ana", enrolledAt: T, withdrawnAt: null },
        { challenge: "ch", creator: "bo", enrolledAt: T, withdrawnAt: null },
      ],
    });
    const { awards, balances } = runModel(w, { ...empty, events: [ev("late", 100, T + 2 * DAY), ev("early", 100, T + DAY, "bo")] });
    expect(awards.map((a) => [a.creator, a.status])).toEqual([["bo", "paid"], ["ana", "unpaid_budget"]]);
    expect(balances).toEqual([{ creator: "bo", currency: "EUR", totalMinor: 2500, availableMinor: 2500 }]);
  });
});

describe("orders and refunds", () => {
  const order = { id: "o", code: "k", amount: 10_000, currency: "EUR", occurredAt: T + 2 * DAY };

  it("computes the commission in the order's currency, then converts once at the order day's rate", () => {
    // 15 % of 100.00 EUR = 15.00 EUR; at 6.1 (3 Sep) = 91.50 BRL; pending for 30 days.
    const { entries, balances } = runModel(world(), { ...empty, orders: [{ ...order, occurredAt: T + 3 * DAY }] }, T + 4 * DAY);
    expect(entries).toEqual([
      expect.objectContaining({ kind: "commission", amountMinor: 9150, currency: "BRL", originalAmountMinor: 1500, fxRateMicros: 6_100_000, availableAt: T + 33 * DAY }),
    ]);
    expect(balances).toEqual([{ creator: "ana", currency: "BRL", totalMinor: 9150, availableMinor: 0 }]);
  });

  it("nets a full refund to exactly zero in both currencies, however it is split", () => {
    const w = world({ rates: [{ day: "2026-09-01", base: "EUR", quote: "BRL", rateMicros: 6_123_457 }] });
    const o = { ...order, amount: 10_001 };
    const refunds = [3333, 3334, 3334].map((amount, i) => ({ id: `r${i}`, orderId: "o", amount, occurredAt: T + 3 * DAY }));
    const { entries, balances, acceptedRefunds } = runModel(w, { ...empty, orders: [o], refunds });
    expect(acceptedRefunds).toEqual(["r0", "r1", "r2"]);
    expect(entries.reduce((n, e) => n + e.amountMinor, 0)).toBe(0);
    expect(entries.reduce((n, e) => n + (e.originalAmountMinor ?? 0), 0)).toBe(0);
    expect(balances).toEqual([{ creator: "ana", currency: "BRL", totalMinor: 0, availableMinor: 0 }]);
  });

  it("refuses a refund beyond what is left, before its order, or of an unknown order", () => {
    const refunds = [
      { id: "a", orderId: "o", amount: 6000, occurredAt: T + 3 * DAY },
      { id: "b", orderId: "o", amount: 4001, occurredAt: T + 3 * DAY },
      { id: "c", orderId: "o", amount: 10, occurredAt: T + DAY },
      { id: "d", orderId: "x", amount: 10, occurredAt: T + 3 * DAY },
    ];
    const { acceptedRefunds, rejectedRefunds } = runModel(world(), { ...empty, orders: [order], refunds });
    expect(acceptedRefunds).toEqual(["a"]);
    expect(rejectedRefunds.map((r) => r.id)).toEqual(["b", "c", "d"]);
  });

  it("keeps an amount that converts to 0, and one without a rate, in its own currency", () => {
    const w = world({ creators: [{ key: "ana", currency: "EUR" }], rates: [{ day: "2026-09-01", base: "BRL", quote: "EUR", rateMicros: 160_000 }] });
    const orders = [
      { id: "tiny", code: "k", amount: 20, currency: "BRL", occurredAt: T + DAY }, // 3 centavos → 0.48 cent → 0
      { id: "gbp", code: "k", amount: 1000, currency: "GBP", occurredAt: T + DAY },
    ];
    const { entries } = runModel(w, { ...empty, orders });
    expect(entries.map((e) => [e.source, e.amountMinor, e.currency, e.fxRateMicros])).toEqual([
      ["tiny", 3, "BRL", null],
      ["gbp", 150, "GBP", null],
    ]);
  });
});
