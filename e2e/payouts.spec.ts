import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures";
import { PayoutQueuePage, PayoutReviewPage } from "./pages/payouts";

// One story across roles, in order: the demo data has a flagged payout waiting for review
// (a creator whose link keeps selling to the same buyer) and a payout of the demo creator
// above the four-eyes limit.
test.describe.configure({ mode: "serial" });

let largePayoutId = 0;
// As staff saw it: the demo data is anchored to the day it is loaded, so the amount is too.
let largePayoutAmount = "";

/** The amount shown on one page, as a pattern that finds it on another whatever the separators. */
function amountPattern(shown: string): RegExp {
  const digits = shown.replace(/\D/g, "");
  const groups = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, "|").split("|");
  return new RegExp(`(?<!\\d)${groups.join("[,.\\s\\u202f]?")}[.,]${digits.slice(-2)}`);
}

test("staff filters the queue, is refused approving a flagged payout without a note, then approves it with one", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("staff") });
  const page = await context.newPage();
  const queue = new PayoutQueuePage(page);
  await queue.goto();
  await queue.filter({ fraud: /^flagged only$/i, sort: /^largest amount \(in EUR\)$/i });
  await expect(page).toHaveURL(/fraud=flagged/);
  await expect(page).toHaveURL(/sort=amount_desc/);
  // Every row left has at least one fraud signal.
  const rows = queue.rows();
  await expect(rows.nth(1)).toBeVisible();
  const bodyRows = await rows.count();
  for (let i = 1; i < bodyRows; i++) await expect(rows.nth(i).getByRole("list", { name: /fraud signals/i })).toBeVisible();

  await queue.open(/repeat buyer/i);
  const review = new PayoutReviewPage(page);
  await expect(page.getByText(/ordered \d+ times through this creator's links/i)).toBeVisible();
  await review.approve("");
  await expect(review.refusal()).toContainText(/has fraud signals: write a note/i);
  await expect(review.status()).toContainText(/pending review/i);

  await review.approve("Buyer is a reseller we know; orders confirmed with the merchant.");
  await expect(review.status()).toContainText(/approved/i);
  await expect(review.status()).toContainText(/last decision: payout approved by sam reviewer/i);
  await expect(page.getByRole("heading", { name: /mark paid/i })).toBeVisible();
  await context.close();
});

test("a large payout needs two different approvers: staff approves once and cannot approve again", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("staff") });
  const page = await context.newPage();
  const queue = new PayoutQueuePage(page);
  await queue.goto("?sort=amount_desc");
  largePayoutId = await queue.open(/@demo\.creator/);
  largePayoutAmount = await page.getByTestId("payout-amount").innerText();
  expect(largePayoutAmount).toMatch(/\d[.,]\d\d/);
  const review = new PayoutReviewPage(page);
  await expect(review.status()).toContainText(/0 of 2 approvals/i);
  await review.approve("Keynote fee agreed with the partnerships team.");
  await expect(review.status()).toContainText(/1 of 2 approvals/i);
  await expect(review.status()).toContainText(/pending review/i);
  await expect(page.getByText(/a different reviewer must give the second approval/i)).toBeVisible();
  await expect(review.approveForm()).toHaveCount(0);
  await context.close();
});

test("a second staff member gives the second approval", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("staff2") });
  const page = await context.newPage();
  const review = new PayoutReviewPage(page);
  await review.goto(largePayoutId);
  await expect(review.approveForm()).toContainText(/give the second approval/i);
  await review.approve("Checked the keynote contract.");
  await expect(review.status()).toContainText(/approved/i);
  await expect(review.status()).toContainText(/2 of 2 approvals/i);
  await context.close();
});

test("the creator sees the payout approved", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("creator") });
  const page = await context.newPage();
  await page.goto("/creator/payouts");
  const list = page.getByRole("region", { name: /your payouts|vos paiements/i }).getByRole("listitem");
  const newest = list.first();
  await expect(newest).toContainText(/approved|approuvé/i);
  await expect(newest).toContainText(amountPattern(largePayoutAmount));
  await newest.getByRole("link", { name: /statement|relevé/i }).click();
  await expect(page.getByRole("heading", { level: 1, name: /payout statement|relevé de paiement/i })).toBeVisible();
  await expect(page.getByRole("button", { name: /print|imprimer/i })).toBeVisible();
  await context.close();
});
