import { describe, expect, it } from "vitest";
import { filterParam, pageParam } from "./page";

describe("pageParam: one rule for every list's ?page=", () => {
  it("reads a whole page number, the first when the parameter is repeated", () => {
    expect(pageParam("3")).toBe(3);
    expect(pageParam(["7", "2"])).toBe(7);
    expect(pageParam("100000")).toBe(100_000);
  });

  it("falls back to page 1 for anything else: absent, empty, zero, negative, fractional, not a number, huge", () => {
    for (const raw of [undefined, "", "0", "-2", "1.5", "abc", "1e3x", "100001", "9007199254740993", []]) expect(pageParam(raw)).toBe(1);
  });
});

describe("filterParam: one rule for a filter's text in the URL", () => {
  it("takes the first value, trimmed", () => {
    expect(filterParam("  FR ")).toBe("FR");
    expect(filterParam(["a", "b"])).toBe("a");
  });

  it("treats empty, blank and text PostgreSQL would refuse as absent", () => {
    for (const raw of [undefined, "", "   ", [], "a\u0000b", "\ud800"]) expect(filterParam(raw)).toBeUndefined();
  });
});
