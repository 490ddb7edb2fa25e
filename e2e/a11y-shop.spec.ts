import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { storageState, type DemoRole } from "./fixtures";

// The shop, earnings, public page and exchange rates pages, for each role that may see them,
// in both languages: no serious or critical accessibility violation (WCAG 2.1 A and AA).
const PAGES: Partial<Record<DemoRole | "anonymous", string[]>> = {
  anonymous: ["/c/demo.creator"],
  creator: ["/creator/shop", "/creator/shop?category=tech&minRate=500&page=2", "/creator/shop/products/1", "/creator/earnings", "/creator/earnings?kind=refund", "/c/demo.creator"],
  staff: ["/staff/rates"],
  admin: ["/staff/rates"],
};

for (const [role, paths] of Object.entries(PAGES) as [DemoRole | "anonymous", string[]][]) {
  for (const locale of ["en", "fr"] as const) {
    test.describe(`${role} in ${locale}`, () => {
      test.use({ locale, ...(role === "anonymous" ? {} : { storageState: storageState(role) }) });
      for (const path of paths) {
        test(`${path} has no serious accessibility violation`, async ({ page, context }) => {
          await context.addCookies([{ name: "locale", value: locale, url: test.info().project.use.baseURL! }]);
          const response = await page.goto(path);
          expect(response?.status()).toBe(200);
          await expect(page.locator("html")).toHaveAttribute("lang", locale);
          const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
          const serious = results.violations
            .filter((v) => v.impact === "serious" || v.impact === "critical")
            .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
          expect(serious).toEqual([]);
        });
      }
    });
  }
}
