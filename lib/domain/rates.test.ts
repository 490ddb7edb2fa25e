import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRateMicros, rateToDecimalString } from "./rates";

describe("exchange rate parsing", () => {
  it("reads dot and comma decimals into exact millionths", () => {
    expect(parseRateMicros("1.0825")).toBe(1_082_500);
    expect(parseRateMicros("0,92")).toBe(920_000);
    expect(parseRateMicros(" 5.5 ")).toBe(5_500_000);
    expect(parseRateMicros("1.1")).toBe(1_100_000);
    expect(parseRateMicros("0.000001")).toBe(1);
    expect(parseRateMicros("12")).toBe(12_000_000);
  });

  it("refuses zero, negatives, too many decimals and words", () => {
    for (const bad of ["0", "0.0", "-1.2", "1.0000001", "1e3", "abc", "", "1.2.3", "1 000 000.5"]) expect(parseRateMicros(bad)).toBeNull();
  });

  it("round-trips any rate", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 999_999_999_999 }), (micros) => {
        expect(parseRateMicros(rateToDecimalString(micros))).toBe(micros);
      }),
    );
    expect(rateToDecimalString(1_082_500)).toBe("1.0825");
    expect(rateToDecimalString(2_000_000)).toBe("2");
  });
});
