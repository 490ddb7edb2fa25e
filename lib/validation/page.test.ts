import { describe, expect, it } from "vitest";
import { pageParam } from "./page";

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
