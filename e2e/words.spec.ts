import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures";

test.describe("the language switch", () => {
  test.use({ storageState: storageState("creator") });

  test("each button's accessible name starts with the text it shows (WCAG 2.5.3)", async ({ page }) => {
    await page.goto("/creator/challenges");
    const form = page.getByRole("form", { name: /language/i });
    for (const [shown, name] of [["en", "English"], ["fr", "Français"]] as const) {
      const button = form.getByRole("button", { name: new RegExp(`^${shown}\\b.*${name}`) });
      await expect(button).toBeVisible();
      expect((await button.innerText()).trim().toLowerCase()).toBe(shown);
    }
    const results = await new AxeBuilder({ page }).withRules(["label-content-name-mismatch"]).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});

test.describe("the 403 page", () => {
  test.use({ storageState: storageState("admin") });

  test("does not tell an admin to ask an administrator", async ({ page }) => {
    const response = await page.goto("/creator");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/don't have access/i);
    await expect(page.getByRole("main")).not.toContainText(/ask an admin/i);
    await expect(page.getByRole("main")).toContainText(/as an admin you can use every other area/i);
  });
});

test.describe("plurals", () => {
  test.use({ storageState: storageState("staff") });

  test("the French payout queue counts approvals with ICU plurals, never “(s)” (the wording itself is checked in messages.test.ts)", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "locale", value: "fr", url: baseURL! }]);
    await page.goto("/staff/payouts?sort=amount_desc");
    const main = page.getByRole("main");
    await expect(main.getByRole("table")).toBeVisible();
    await expect(main).not.toContainText("(s)");
  });
});
