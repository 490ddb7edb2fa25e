import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import glossary from "./glossary.json";
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

  it("counts with ICU plurals, never “(s)” or a bare number before a plural noun", () => {
    const all = (catalog: unknown) => keys(catalog).map((k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], catalog) as string);
    for (const catalog of Object.values(catalogs)) expect(all(catalog).filter((text) => text.includes("(s)"))).toEqual([]);
    const fr = createTranslator({ locale: "fr", messages: catalogs.fr });
    const en = createTranslator({ locale: "en", messages: catalogs.en });
    expect(fr("payouts.queue.approvals", { count: 0, required: 2 })).toBe("0 approbation sur 2");
    expect(fr("payouts.queue.approvals", { count: 2, required: 2 })).toBe("2 approbations sur 2");
    expect(fr("marketing.overview.joinedInAll", { count: 1, left: 1 })).toBe("1 inscription au total, 1 départ");
    expect(fr("marketing.overview.joinedInAll", { count: 3, left: 0 })).toBe("3 inscriptions au total, aucun départ");
    expect(en("marketing.overview.joinedInAll", { count: 3, left: 2 })).toBe("3 joined in all, 2 left");
    expect(fr("marketing.status.endEarlyHint", { days: 1 })).toContain("au moins 1 jour à l");
    expect(en("marketing.errors.ends_within_notice", { days: 1 })).toContain("notice period of 1 day:");
    expect(fr("marketing.followUp.unpaid", { count: 1 })).toBe("1 non payé, budget épuisé");
  });

  it("uses one term per concept, as messages/glossary.json lists them", () => {
    const texts = (catalog: unknown) => keys(catalog).map((k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], catalog) as string);
    for (const locale of ["en", "fr"] as const) {
      const avoided = glossary.terms.flatMap((term) => term.avoid[locale]);
      const offending = texts(catalogs[locale]).filter((text) => avoided.some((word) => new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, "iu").test(text)));
      expect(offending, `${locale}: words the glossary avoids`).toEqual([]);
    }
  });

  it("names every audited action in both languages (the audit log and its export show the name, not the code)", () => {
    const dal = path.join(import.meta.dirname, "../lib/dal");
    const actions = new Set(
      readdirSync(dal, { recursive: true, encoding: "utf8" })
        .filter((file) => file.endsWith(".ts") && !file.includes(".test."))
        .flatMap((file) => [...readFileSync(path.join(dal, file), "utf8").matchAll(/action: "([a-z_]+)\.([a-z_]+)"/g)].map((m) => `${m[1]}.${m[2]}`)),
    );
    expect(actions.size).toBeGreaterThan(10);
    for (const locale of ["en", "fr"] as const) {
      const named = catalogs[locale].audit.actions as Record<string, Record<string, string>>;
      expect([...actions].filter((a) => !named[a.split(".")[0]]?.[a.split(".")[1]]), locale).toEqual([]);
    }
  });
});
