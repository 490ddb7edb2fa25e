import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { storageState, type DemoRole } from "./fixtures";

// Every page, for every role that may see it, in both languages: no serious or critical
// accessibility violation (WCAG 2.1 A and AA rules).
const PAGES: Record<DemoRole | "anonymous", string[]> = {
  anonymous: ["/login"],
  creator: ["/creator", "/creator?range=12m", "/creator/challenges", "/creator/challenges/1", "/creator/challenges/4"],
  staff: ["/staff/payouts"],
  marketing: ["/marketing/challenges"],
  admin: ["/admin/users"],
};

for (const [role, paths] of Object.entries(PAGES) as [DemoRole | "anonymous", string[]][]) {
  for (const locale of ["en", "fr"] as const) {
    test.describe(`${role} in ${locale}`, () => {
      test.use({ locale, ...(role === "anonymous" ? {} : { storageState: storageState(role) }) });
      for (const path of paths) {
        test(`${path} has no serious accessibility violation`, async ({ page, context }) => {
          await context.addCookies([{ name: "locale", value: locale, url: test.info().project.use.baseURL! }]);
          await page.goto(path);
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
