import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures";

test.use({ storageState: storageState("creator") });

// Rendering /creator must not mark awards seen: sign-in already rendered it once, and a refresh
// renders it again. The banner goes only when the creator dismisses it.
test("the new-milestones banner survives a second render and goes when dismissed", async ({ page }) => {
  const banner = page.getByRole("status").filter({ has: page.getByRole("heading", { name: "New milestones reached" }) });
  await page.goto("/creator");
  await expect(banner).toBeVisible();
  await expect(banner.getByRole("listitem").first()).toContainText(/you reached milestone \d+ of/i);

  await page.reload();
  await expect(banner).toBeVisible();

  await banner.getByRole("button", { name: "Dismiss" }).click();
  await expect(banner).toBeHidden();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(banner).toBeHidden();
});
