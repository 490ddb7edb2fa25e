import { describe, expect, it } from "vitest";
import { convertMoney, crossingOf, utcDay } from "./money-rules";

describe("crossingOf", () => {
  const ev = (id: string, occurredAt: string, amount = 1) => ({ id, occurredAt, amount });

  it("is the first event, in (time, id) order, whose running total reaches the threshold, whatever the input order", () => {
    const events = [ev("c", "2026-11-03T00:00:00Z", 5), ev("a", "2026-11-01T00:00:00Z", 4), ev("b", "2026-11-01T00:00:00Z", 3)];
    expect(crossingOf(events, 7)?.id).toBe("b");
    expect(crossingOf([...events].reverse(), 7)?.id).toBe("b");
    expect(crossingOf(events, 8)?.id).toBe("c");
    expect(crossingOf(events, 13)).toBeNull();
  });

  it("orders by microseconds, not milliseconds", () => {
    const events = [ev("a", "2026-11-01 10:00:00.123456+00", 1), ev("b", "2026-11-01 10:00:00.123001+00", 1)];
    expect(crossingOf(events, 1)?.id).toBe("b");
  });

  it("counts distinct UTC days for distinct_days", () => {
    const events = [ev("a", "2026-11-01T23:59:59Z"), ev("b", "2026-11-01T01:00:00Z"), ev("c", "2026-11-02T00:00:00Z")];
    expect(crossingOf(events, 2, "distinct_days")?.id).toBe("c");
    expect(crossingOf(events, 3, "distinct_days")).toBeNull();
  });
});

describe("convertMoney", () => {
  it("rounds half to even and keeps the original currency without a rate", () => {
    expect(convertMoney(1, "EUR", "BRL", 2_500_000).amountMinor).toBe(2); // 2.5 → 2
    expect(convertMoney(3, "EUR", "BRL", 2_500_000).amountMinor).toBe(8); // 7.5 → 8
    expect(convertMoney(100, "EUR", "BRL", null)).toMatchObject({ amountMinor: 100, currency: "EUR", fxRateMicros: null });
    expect(utcDay("2026-11-01T23:30:00-02:00")).toBe("2026-11-02");
  });
});
