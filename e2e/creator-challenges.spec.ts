import { expect, test, type Page } from "@playwright/test";
import { storageState } from "./fixtures";
import { postSigned } from "./ingest";

test.use({ storageState: storageState("creator") });

const CHALLENGE = "Go Live together";

/** This week's bonus total in the chart's table alternative, in cents. */
async function bonusThisPeriod(page: Page): Promise<number> {
  await page.goto("/creator?range=30d");
  await page.getByText(/show the figures as a table/i).click();
  const lastRow = page.getByRole("table", { name: /earnings over time/i }).getByRole("row").last();
  const cell = await lastRow.getByRole("cell").first().innerText();
  return Number(cell.replace(/[^\d]/g, ""));
}

test("the demo creator joins a challenge, activity moves the progress bar, and the bonus shows in the chart", async ({ page, request }) => {
  const before = await bonusThisPeriod(page);

  await page.goto("/creator/challenges");
  await page.getByRole("button", { name: `Join: ${CHALLENGE}` }).click();
  // Joining opens the challenge page with the confirmation.
  await expect(page.getByRole("status").filter({ hasText: /you joined the challenge/i })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: CHALLENGE })).toBeVisible();
  const first = page.getByRole("progressbar", { name: /milestone 1/i });
  await expect(first).toHaveAttribute("aria-valuenow", "0");
  await expect(first).toHaveAttribute("aria-valuemax", "2");

  const now = new Date().toISOString();
  const result = await postSigned(request, "/api/events", {
    events: [
      { id: `evt_e2e_${Date.now()}_1`, creator: "demo.creator", metric: "live_with_guest", amount: 1, occurredAt: now },
      { id: `evt_e2e_${Date.now()}_2`, creator: "demo.creator", metric: "live_with_guest", amount: 2, occurredAt: now },
    ],
  });
  expect(result).toEqual({ status: 200, body: { accepted: 2, duplicates: 0, rejected: [] } });

  await page.reload();
  await expect(page.getByRole("progressbar", { name: /milestone 1/i })).toHaveAttribute("aria-valuenow", "3");
  await expect(page.getByText(/reached on/i).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "Counted" }).first()).toBeVisible();

  // Milestone 1 of this challenge rewards 25.00 EUR.
  expect(await bonusThisPeriod(page)).toBe(before + 2500);
  await expect(page.getByRole("status").filter({ hasText: /you reached milestone 1 of “go live together”/i })).toBeVisible();
});

test("a section of the challenges opens on its own page, with a link back to all of them", async ({ page }) => {
  await page.goto("/creator/challenges");
  const ended = page.getByRole("region", { name: /^ended/i });
  const count = Number((await ended.getByRole("heading", { level: 2 }).innerText()).replace(/\D/g, ""));
  expect(count).toBeGreaterThan(0);

  await page.goto("/creator/challenges?show=ended");
  await expect(page.getByRole("heading", { level: 1, name: `Ended (${count})` })).toBeVisible();
  await expect(page.getByRole("listitem").getByRole("link", { name: /^view: /i })).toHaveCount(Math.min(count, 24));
  await page.getByRole("link", { name: /all challenges/i }).click();
  await expect(page).toHaveURL(/\/creator\/challenges$/);
  await expect(page.getByRole("heading", { level: 1, name: "Challenges" })).toBeVisible();
});
