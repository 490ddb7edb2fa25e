import { expect, test } from "@playwright/test";
import { storageState, type DemoRole } from "./fixtures";

// At phone width every item of the main navigation is on screen: the items wrap, nothing hides
// behind a scroll the reader cannot see.
const PHONE = { width: 390, height: 844 };

for (const role of ["creator", "admin"] as DemoRole[]) {
  for (const locale of ["en", "fr"] as const) {
    test(`${role} in ${locale}: every navigation item is fully visible at 390 px`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ storageState: storageState(role), viewport: PHONE, locale });
      await context.addCookies([{ name: "locale", value: locale, url: baseURL! }]);
      const page = await context.newPage();
      await page.goto(role === "creator" ? "/creator" : "/admin/users");
      const nav = page.getByRole("navigation", { name: /main navigation|navigation principale/i });
      const links = nav.getByRole("link");
      expect(await links.count()).toBeGreaterThanOrEqual(5);
      for (const link of await links.all()) {
        await expect(link).toBeInViewport({ ratio: 1 });
        const box = (await link.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      }
      // Nothing scrolls sideways, in the nav or the page.
      expect(await nav.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await context.close();
    });
  }
}
