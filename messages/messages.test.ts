import { describe, expect, it } from "vitest";
import { catalogs } from "./index";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("UI text", () => {
  it("has every key in both French and English", () => {
    expect(keys(catalogs.fr).sort()).toEqual(keys(catalogs.en).sort());
  });

  it("has no empty text", () => {
    for (const catalog of Object.values(catalogs)) {
      const empty = keys(catalog).filter((k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], catalog) === "");
      expect(empty).toEqual([]);
    }
  });
});
