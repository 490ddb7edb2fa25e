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

// The chart's first paint is a sketch (components/charts/sketch.tsx) until the reader's first
// input; it names its bars with the same labels as the chart's table alternative.
test("the earnings chart's first paint names its periods before any input", async ({ page }) => {
  await page.goto("/creator");
  const sketch = page.locator("[data-chart-sketch]").first();
  await expect(sketch).toBeVisible();
  const table = page.locator("details").filter({ has: page.locator("table") }).first();
  const periods = (await table.locator("tbody th").allTextContents()).map((t) => t.trim());
  expect(periods.length).toBeGreaterThan(1);
  // Each period under its bar where they fit (desktop, up to eight), else the first and the last.
  const named = (await sketch.locator("span:visible").allTextContents()).map((t) => t.trim());
  expect(named).toEqual(periods.length > 8 ? [periods[0], periods.at(-1)] : periods);
});

// The same for horizontal bars: each product's name beside its bar, as the chart's axis shows it.
test("the commission-by-product chart's first paint names its products before any input", async ({ page }) => {
  await page.goto("/creator/earnings");
  const card = page.locator("section").filter({ has: page.getByRole("heading", { name: "Commission by product" }) });
  const sketch = card.locator("[data-chart-sketch]");
  await expect(sketch).toBeVisible();
  // The table's rows name "product · merchant", then perhaps "other products", which has no bar.
  const titles = (await card.locator("details tbody th").allTextContents()).map((t) => t.split(" · ")[0].trim());
  const named = (await sketch.locator("span:visible").allTextContents()).map((t) => t.trim());
  expect(named.length).toBeGreaterThan(0);
  expect(named).toEqual(titles.slice(0, named.length).map((t) => (t.length > 22 ? `${t.slice(0, 21)}…` : t)));
});
