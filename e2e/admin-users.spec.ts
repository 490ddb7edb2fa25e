import { expect, test, type Page } from "@playwright/test";
import { storageState } from "./fixtures";

// A closed select shows only its chosen option: it must be wide enough for the longest one, in
// the longest language (French "Équipe paiements"), on a desktop and on a phone.
test.use({ storageState: storageState("admin") });

/** Each select on the page whose drawn width is less than its own content's (its max-content). */
function narrowSelects(page: Page) {
  return page.locator("main select").evaluateAll((selects) =>
    selects.flatMap((el) => {
      const select = el as HTMLSelectElement;
      const drawn = select.getBoundingClientRect().width;
      const width = select.style.width;
      const minWidth = select.style.minWidth;
      select.style.width = "max-content";
      select.style.minWidth = "0";
      const needed = select.getBoundingClientRect().width;
      select.style.width = width;
      select.style.minWidth = minWidth;
      return drawn + 0.5 < needed ? [`${select.id || select.name}: ${drawn} < ${needed}`] : [];
    }),
  );
}

for (const [device, viewport] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
  test(`every role select on /admin/users shows its whole role name in French on a ${device}`, async ({ page, context, baseURL }) => {
    await page.setViewportSize(viewport);
    await context.addCookies([{ name: "locale", value: "fr", url: baseURL! }]);
    await page.goto("/admin/users?role=staff");
    // A user's row, with "Équipe paiements" chosen: the longest role name.
    const select = page.getByRole("combobox", { name: /staff@example\.com/ });
    await expect(select).toBeVisible();
    await expect(select.locator("option:checked")).toHaveText("Équipe paiements");
    expect(await page.locator("main select").count()).toBeGreaterThan(2);
    expect(await narrowSelects(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
  });
}
