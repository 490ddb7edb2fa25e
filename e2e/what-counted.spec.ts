import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures";
import { postSigned } from "./ingest";

const PHONE = { width: 390, height: 844 };
const CHALLENGE = "Stars Challenge: stream and shine";

test.use({ storageState: storageState("creator"), viewport: PHONE });

test("'What counted' on a phone: only the challenge's measure, totals equal to the progress, cards, pages, no sideways scroll", async ({ page, request }) => {
  // Other metrics' events must not be listed; 25 Stars events make at least two pages.
  const stamp = Date.now();
  const at = new Date(stamp - 60_000).toISOString();
  const result = await postSigned(request, "/api/events", {
    events: [
      ...Array.from({ length: 25 }, (_, i) => ({ id: `evt_wc_${stamp}_${i}`, creator: "demo.creator", metric: "stars_received", amount: 3, occurredAt: at })),
      { id: `evt_wc_${stamp}_m`, creator: "demo.creator", metric: "minutes_streamed", amount: 45, occurredAt: at },
    ],
  });
  expect(result.status).toBe(200);

  await page.goto("/creator/challenges");
  await page.getByRole("link", { name: CHALLENGE }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: CHALLENGE })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What counted" })).toBeVisible();

  // The total per measure is the progress bar's value.
  const current = await page.getByRole("progressbar", { name: /milestone 1/i }).getAttribute("aria-valuenow");
  const totals = page.locator("p", { hasText: /counted so far/i });
  await expect(totals).toContainText("Stars received");
  const shown = Number((await totals.innerText()).replace(/^[^:]*:/, "").replace(/\D/g, ""));
  expect(shown).toBe(Number(current));

  const table = page.getByRole("table", { name: /your events of this challenge's measures/i });
  const rows = table.getByRole("rowgroup").nth(1).getByRole("row");
  await expect(rows).toHaveCount(20);
  await expect(table.getByText("Minutes streamed")).toHaveCount(0);
  await expect(rows.first()).toContainText("Stars received");
  await expect(rows.first()).toContainText("Counted");
  // A card, not a table row: the column headers are for screen readers only, the row fits.
  expect((await table.getByRole("columnheader").first().boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
  const verdict = rows.first().getByRole("cell").last();
  const box = await verdict.boundingBox();
  expect(box!.width).toBeGreaterThan(150); // the verdict is not wrapped one word per line
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  await page.getByRole("navigation", { name: /pages of your activity/i }).getByRole("link", { name: /older/i }).click();
  await expect(page).toHaveURL(/activity=2/);
  await expect(page.getByRole("navigation", { name: /pages of your activity/i })).toContainText(/page 2 of/i);
  await expect(table.getByRole("rowgroup").nth(1).getByRole("row").first()).toContainText("Stars received");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
});
