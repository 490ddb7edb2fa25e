import { describe, expect, it } from "vitest";
import { isFuturePeriod, isPeriod, periodBounds, periodOf, previousPeriod } from "./period";

describe("payout periods", () => {
  it("accepts YYYY-MM months only", () => {
    expect(isPeriod("2026-11")).toBe(true);
    expect(isPeriod("2026-1")).toBe(false);
    expect(isPeriod("2026-13")).toBe(false);
    expect(isPeriod("2026-00")).toBe(false);
    expect(isPeriod("26-11")).toBe(false);
    expect(isPeriod("0000-01")).toBe(false); // Date.UTC would read it as 1900
    expect(isPeriod("2026-11-01")).toBe(false);
  });

  it("bounds a month in UTC, end exclusive, across a year end", () => {
    expect(periodBounds("2026-12")).toEqual({ start: new Date("2026-12-01T00:00:00Z"), end: new Date("2027-01-01T00:00:00Z") });
    expect(periodBounds("2024-02").end).toEqual(new Date("2024-03-01T00:00:00Z"));
    expect(() => periodBounds("2024-2")).toThrow(RangeError);
  });

  it("defaults to last month, January included", () => {
    expect(previousPeriod(new Date("2026-11-25T10:00:00Z"))).toBe("2026-10");
    expect(previousPeriod(new Date("2027-01-01T00:00:00Z"))).toBe("2026-12");
    expect(periodOf(new Date("2026-03-31T23:59:59Z"))).toBe("2026-03");
  });

  it("knows a period that has not started", () => {
    const now = new Date("2026-11-25T10:00:00Z");
    expect(isFuturePeriod("2026-11", now)).toBe(false);
    expect(isFuturePeriod("2026-12", now)).toBe(true);
  });
});
