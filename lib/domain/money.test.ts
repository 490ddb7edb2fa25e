import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commissionMinor, convertMinor, divideHalfEven, formatMajorInput, formatMoney, parseMajor, toMajorString } from "./money";

describe("money", () => {
  it("rounds half to even at the half cent", () => {
    expect(commissionMinor(4999, 1000)).toBe(500); // 499.9 → 500
    expect(commissionMinor(25, 1000)).toBe(2); // 2.5 → 2 (even)
    expect(commissionMinor(35, 1000)).toBe(4); // 3.5 → 4 (even)
    expect(commissionMinor(15, 5000)).toBe(8); // 7.5 → 8
    expect(commissionMinor(5, 5000)).toBe(2); // 2.5 → 2
    expect(divideHalfEven(-5n, 2n)).toBe(-2n);
    expect(divideHalfEven(-7n, 2n)).toBe(-4n);
  });

  it("rounds to the nearest integer and differs from exact by at most one half", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        const q = Number(divideHalfEven(BigInt(n), BigInt(d)));
        expect(Math.abs(q * d - n) * 2).toBeLessThanOrEqual(d);
      }),
    );
  });

  it("converts with a rate in millionths", () => {
    expect(convertMinor(10_000, 1_082_500)).toBe(10_825);
    expect(convertMinor(1, 1_500_000)).toBe(2); // 1.5 → 2
    expect(convertMinor(3, 500_000)).toBe(2); // 1.5 → 2
  });

  it("parses and prints major units without floats", () => {
    expect(parseMajor("12,5")).toBe(1250);
    expect(parseMajor(" 1 234.56 ")).toBe(123456);
    expect(parseMajor("12.345")).toBeNull();
    // Each language's own format, as the placeholders show it.
    expect(parseMajor("50\u202f000,00")).toBe(5_000_000);
    expect(parseMajor("50 000,00")).toBe(5_000_000);
    expect(parseMajor("50,000.00")).toBe(5_000_000);
    expect(parseMajor("50.000,00")).toBe(5_000_000);
    expect(parseMajor("1,234,567.8")).toBe(123_456_780);
    expect(parseMajor("1,2.3")).toBeNull();
    expect(parseMajor(formatMajorInput(5_000_000, "fr"))).toBe(5_000_000);
    expect(parseMajor(formatMajorInput(5_000_000, "en"))).toBe(5_000_000);
    expect(formatMajorInput(2500, "fr")).toBe("25,00");
    expect(formatMajorInput(2500, "en")).toBe("25.00");
    expect(formatMajorInput(5_000_000, "en")).toBe("50,000.00");
    expect(parseMajor("abc")).toBeNull();
    expect(toMajorString(-1205)).toBe("-12.05");
    expect(toMajorString(7)).toBe("0.07");
  });

  it("formats in the reader's locale", () => {
    expect(formatMoney(123456, "EUR", "en")).toBe("€1,234.56");
    expect(formatMoney(123456, "EUR", "fr").replace(/\s/g, " ")).toBe("1 234,56 €");
  });

  it("keeps each currency and locale apart when it reuses formatters", () => {
    // Interleaved on purpose: a formatter kept for one currency or locale must never format another.
    const seen = ["EUR", "USD", "BRL", "EUR", "GBP", "USD"].flatMap((currency) =>
      (["en", "fr", "en"] as const).map((locale) => formatMoney(-250, currency, locale).replace(/\s/g, " ")),
    );
    expect(seen).toEqual([
      "-€2.50", "-2,50 €", "-€2.50",
      "-$2.50", "-2,50 $US", "-$2.50",
      "-R$2.50", "-2,50 R$", "-R$2.50",
      "-€2.50", "-2,50 €", "-€2.50",
      "-£2.50", "-2,50 £GB", "-£2.50",
      "-$2.50", "-2,50 $US", "-$2.50",
    ]);
  });
});
