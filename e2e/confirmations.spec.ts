import { expect, test, type Page } from "@playwright/test";
import { storageState } from "./fixtures";
import { PayoutQueuePage } from "./pages/payouts";

// Destructive steps take a second look: a modal dialog that says what will happen, usable with
// the keyboard (focus on Cancel, Escape closes, focus back on the button) and named for screen
// readers. Forms refuse what they cannot do instead of correcting it silently.

async function openFirstLiveChallenge(page: Page, title: string) {
  await page.goto("/marketing/challenges?status=live");
  await page.getByRole("link", { name: title, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

test.describe("marketing", () => {
  test.use({ storageState: storageState("marketing"), locale: "en-GB" });

  test("ending a challenge early inside the notice period is refused with the earliest allowed date; a valid end asks first", async ({ page }) => {
    const title = "Live badges bonus";
    await openFirstLiveChallenge(page, title);
    const form = page.locator("form").filter({ has: page.getByRole("heading", { name: "End early" }) });
    const field = form.getByLabel("New end (UTC)");
    const suggested = await field.inputValue();

    // Two days from now: inside the 14-day notice.
    const tooSoon = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 16);
    await field.fill(tooSoon);
    await form.getByRole("button", { name: "End early" }).click();
    const dialog = page.getByRole("dialog", { name: `End “${title}” early?` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await dialog.getByRole("button", { name: "End early" }).click();
    await expect(field).toHaveAccessibleDescription(/too soon: creators get 14 days of notice\. the earliest allowed end is .*\d{4}/i);
    // What was typed stays; nothing was moved.
    await expect(field).toHaveValue(tooSoon);
    await expect(page.getByText(/ending early on/i)).toHaveCount(0);

    // The suggested end is allowed; the dialog names it before anything happens. Escape backs out.
    await field.fill(suggested);
    await form.getByRole("button", { name: "End early" }).click();
    await expect(dialog).toContainText(/will end .* instead of .*activity after the new end does not count/i);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(form.getByRole("button", { name: "End early" })).toBeFocused();
    await expect(page.getByText(/ending early on/i)).toHaveCount(0);
  });

  test("amount placeholders follow the reader's language", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "locale", value: "fr", url: baseURL! }]);
    await page.goto("/marketing/challenges/new");
    await expect(page.getByLabel("Budget")).toHaveAttribute("placeholder", /^50\s000,00$/);
    await expect(page.getByRole("textbox", { name: /récompense/i }).first()).toHaveAttribute("placeholder", "25,00");
  });
});

test.describe("staff", () => {
  test.use({ storageState: storageState("staff"), viewport: { width: 390, height: 844 } });

  test("rejecting a payout asks first, says what will happen, and Cancel changes nothing", async ({ page }) => {
    const queue = new PayoutQueuePage(page);
    await queue.goto("?status=pending_review");
    await queue.open(/@/);
    await page.getByRole("button", { name: "Reject payout" }).click();
    const dialog = page.getByRole("dialog", { name: "Reject this payout?" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(/no money will be sent: its entries go back to the creator's available balance/i);
    await expect(dialog).toContainText(/€|EUR|\d[.,]\d\d/);
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Reject payout" })).toBeFocused();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/pending review/i).first()).toBeVisible();
  });
});
