import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, storageState } from "./fixtures";

/** Presses Tab until the focused element's name (label, aria-label or text) matches; no mouse. */
async function tabTo(page: Page, name: RegExp, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return "";
      const labelled = (el as HTMLInputElement).labels?.[0]?.textContent ?? "";
      return (el.getAttribute("aria-label") || labelled || el.textContent || "").trim();
    });
    if (name.test(focused)) return;
  }
  throw new Error(`No focusable element named ${name} within ${limit} tabs`);
}

test("keyboard only: sign in, join a challenge, link a product", async ({ page, browser }) => {
  // Setup, not part of the journey: leave a seeded challenge so there is one to join whatever
  // the other specs joined before.
  const setup = await browser.newContext({ storageState: storageState("creator") });
  const setupPage = await setup.newPage();
  await setupPage.goto("/creator/challenges/2");
  await setupPage.getByRole("button", { name: "Leave this challenge" }).click();
  await expect(setupPage.getByRole("status").filter({ hasText: /you left the challenge/i })).toBeVisible();
  await setup.close();

  await page.goto("/login");
  await tabTo(page, /^E-?mail$/i);
  await page.keyboard.type(DEMO.creator);
  await tabTo(page, /^Password$/);
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/creator$/);

  await tabTo(page, /^Challenges$/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Challenges" })).toBeVisible();
  await tabTo(page, /^Join: /);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /you joined the challenge/i })).toBeVisible();

  await tabTo(page, /^Shop$/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await tabTo(page, /^Title/);
  await page.keyboard.type("Keyboard-made mug");
  await tabTo(page, /^Price/);
  await page.keyboard.type("15,00");
  await tabTo(page, /^Product page/);
  await page.keyboard.type("https://shop.example/demo.creator/mug");
  await tabTo(page, /^Add product$/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Product added" })).toBeVisible();
  await expect(page.getByText("Keyboard-made mug").first()).toBeVisible();
});
