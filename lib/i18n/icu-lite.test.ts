import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { catalogs } from "@/messages";
import { AREA_CLIENT_NAMESPACES, COMMON_CLIENT_NAMESPACES } from "./client-namespaces";
import { formatMessage } from "./icu-lite";

// The browser formats with icu-lite; the server with next-intl. Every message the browser may get
// must read the same from both, in both languages, for the values a component may pass.
type Tree = { [key: string]: string | Tree };
function leaves(tree: Tree, prefix: string): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}
// Argument names as they appear in the message, with a value for each trial.
const argNames = (message: string) => [...new Set([...message.matchAll(/\{\s*([a-zA-Z0-9_]+)\s*[,}]/g)].map((m) => m[1]))];
const TRIALS = [0, 1, 2, 5, 1234];

const namespaces = [...COMMON_CLIENT_NAMESPACES, ...Object.values(AREA_CLIENT_NAMESPACES).flat()];

describe("icu-lite formats like next-intl", () => {
  for (const [locale, catalog] of Object.entries(catalogs)) {
    it(`every message of the client namespaces (${locale})`, () => {
      const t = createTranslator({ locale, messages: catalog, timeZone: "UTC" });
      let checked = 0;
      for (const ns of namespaces) {
        // A namespace may be part of one ("payouts.run"): what the browser gets is that part.
        const sent = ns.split(".").reduce<Tree | string | undefined>((at, part) => (typeof at === "object" ? at[part] : undefined), catalog as unknown as Tree);
        expect(typeof sent, `${locale} ${ns}`).toBe("object");
        for (const [key, message] of leaves(sent as Tree, `${ns}.`)) {
          const names = argNames(message);
          for (const trial of TRIALS) {
            // Numbers for every argument, then words where a select or a simple argument wants them.
            for (const asText of [false, true]) {
              const values = Object.fromEntries(names.map((n) => [n, asText && !/\{\s*\w+\s*,\s*(plural|number)/.test(message.slice(message.indexOf(`{${n}`))) ? ["approved", "other", "en", "x"][trial % 4] : trial]));
              let expected: string;
              try {
                expected = t(key as never, values as never);
              } catch {
                continue;
              }
              expect(formatMessage(message, values, locale), `${locale} ${key} ${JSON.stringify(values)}`).toBe(expected);
              checked++;
            }
          }
        }
      }
      expect(checked).toBeGreaterThan(100);
    });
  }

  it("quotes with apostrophes as ICU does", () => {
    expect(formatMessage("l'équipe", {}, "fr")).toBe("l'équipe");
    expect(formatMessage("it''s '{'literal'}' {x}", { x: 1 }, "en")).toBe("it's {literal} 1");
    expect(formatMessage("{n, plural, =0 {none} one {# item} other {# items}}", { n: 1234 }, "en")).toBe("1,234 items");
    expect(formatMessage("{n, plural, =0 {none} one {# item} other {# items}}", { n: 0 }, "en")).toBe("none");
  });
});
