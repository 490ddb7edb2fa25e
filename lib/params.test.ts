import { describe, expect, it } from "vitest";
import { parseId } from "./params";

describe("parseId", () => {
  it("reads a positive integer id", () => {
    expect(parseId("1")).toBe(1);
    expect(parseId("2147483647")).toBe(2147483647);
  });

  it("refuses anything else", () => {
    for (const bad of ["", "0", "-1", "01", "1.5", "1e3", "0x10", " 1", "abc", "2147483648", "99999999999"]) expect(parseId(bad)).toBeNull();
  });
});
