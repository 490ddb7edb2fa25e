import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures";

// A scheduled challenge is announced to the creators who will be able to join it, on a phone too.
test.use({ storageState: storageState("creator"), viewport: { width: 390, height: 844 } });

test("the creator sees upcoming challenges they qualify for: start, rewards, why, when to join", async ({ page }) => {
  await page.goto("/creator/challenges");
  const upcoming = page.getByRole("region", { name: /coming soon/i });
  await expect(upcoming).toBeVisible();
  const card = upcoming.getByRole("listitem").filter({ hasText: "Stars Challenge: winter marathon" });
  await expect(card).toBeVisible();
  await expect(card).toContainText(/Starts \w+ \d+, \d{4} · ends/);
  await expect(card).toContainText(/Up to €230\.00 in bonuses · 3 milestones/);
  await expect(card).toContainText("Open to you: for Facebook creators with 10,000 to 1,000,000 followers, in every country.");
  await expect(card).toContainText(/You can join from the start, /);
  // No join button before the start: enrollment opens when the challenge goes live.
  await expect(card.getByRole("button")).toHaveCount(0);
  // The Instagram one is not for this Facebook creator.
  await expect(upcoming).not.toContainText("holiday edition");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await card.getByRole("link", { name: /view: stars challenge: winter marathon/i }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Stars Challenge: winter marathon" })).toBeVisible();
});

test("in French, the same section speaks French", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "locale", value: "fr", url: baseURL! }]);
  await page.goto("/creator/challenges");
  const upcoming = page.getByRole("region", { name: /bientôt/i });
  await expect(upcoming.getByRole("listitem").filter({ hasText: "marathon d’hiver" })).toContainText(
    /Ouvert à vous\s: pour les créateurs Facebook ayant de 10\s000 à 1\s000\s000 abonnés, dans tous les pays\./,
  );
});
