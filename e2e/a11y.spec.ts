import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import type { Role } from "../db/schema";
import { PAGES, ROLES, allows } from "../lib/authz/matrix";
import { storageState } from "./fixtures";
import { urlFor } from "./matrix-urls";

// Every page of the authorization matrix, for every role that may see it (anonymous for public
// pages), in both languages: no serious or critical accessibility violation (WCAG 2.1 A, AA, and
// axe's experimental rules such as label-content-name-mismatch).
// A few filtered states are checked too, because filters change what is on the page.
const EXTRA: Record<string, string[]> = {
  "/creator": ["/creator?range=12m"],
  "/creator/shop": ["/creator/shop?category=tech&minRate=500&page=2"],
  "/creator/earnings": ["/creator/earnings?kind=refund"],
  "/staff/payouts": ["/staff/payouts?status=held"],
};

for (const [route, entry] of Object.entries(PAGES)) {
  if (route === "/") continue; // only redirects
  const identities: (Role | "anonymous")[] = entry.access === "public" ? ["anonymous"] : ROLES.filter((r) => allows(entry.access, r));
  for (const identity of identities) {
    for (const locale of ["en", "fr"] as const) {
      test.describe(`${identity} in ${locale}`, () => {
        test.use({ locale, ...(identity === "anonymous" ? {} : { storageState: storageState(identity) }) });
        test(`${route} has no serious accessibility violation`, async ({ page, context, baseURL }) => {
          await context.addCookies([{ name: "locale", value: locale, url: baseURL! }]);
          for (const path of [await urlFor(entry, baseURL!), ...(EXTRA[route] ?? [])]) {
            const response = await page.goto(path);
            expect(response?.status(), path).toBe(200);
            await expect(page.locator("html")).toHaveAttribute("lang", locale);
            const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "experimental"]).analyze();
            const serious = results.violations
              .filter((v) => v.impact === "serious" || v.impact === "critical")
              .map((v) => `${path}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
            expect(serious).toEqual([]);
          }
        });
      });
    }
  }
}
