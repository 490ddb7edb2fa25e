import { describe, expect, it } from "vitest";
import { isSafeText, unsafeTextPaths } from "./safe-text";

describe("safe text", () => {
  it("refuses NUL and lone surrogates, keeps every real character (emoji included)", () => {
    expect(isSafeText("Café 😀 ✓")).toBe(true);
    for (const bad of ["a\u0000b", "\ud800", "x\udc00", "\ud83d", "😀".slice(1)]) expect(isSafeText(bad)).toBe(false);
  });

  it("names every field that holds one, nested ones by dotted path", () => {
    expect(unsafeTextPaths({ title: "ok", note: "n\u0000", "countries[]": ["FR", "\ud800"], milestones: [{ metric: "\udc00" }] })).toEqual([
      "note",
      "countries[]",
      "milestones.0.metric",
    ]);
  });
});
