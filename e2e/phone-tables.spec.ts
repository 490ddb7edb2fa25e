import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { storageState, type DemoRole } from "./fixtures";
import { PayoutQueuePage } from "./pages/payouts";

// The list views are one table each: on a phone every row is a card restyled by CSS, and it must
// still show the row's key fields, keep the table's semantics and fit the screen.
const PHONE = { width: 390, height: 844 };

async function phonePage(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState(role), viewport: PHONE });
  return context.newPage();
}

/** The name a cell shows before its value on a phone (its ::before content), or "none". */
function phoneLabel(cell: Locator): Promise<string> {
  return cell.evaluate((el) => getComputedStyle(el, "::before").content);
}

async function expectFitsTheScreen(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

/** The column headers are read by screen readers but not drawn. */
async function expectHeadersOnlyForScreenReaders(table: Locator) {
  const header = table.getByRole("columnheader").first();
  await expect(header).toBeAttached();
  expect((await header.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
}

test("the payout queue on a phone: each card shows the creator, the amount and the status", async ({ browser }) => {
  const page = await phonePage(browser, "staff");
  const queue = new PayoutQueuePage(page);
  await queue.goto();
  const table = page.getByRole("table", { name: /payouts matching the filters/i });
  await expectHeadersOnlyForScreenReaders(table);
  const row = queue.rows().nth(1);
  const creator = row.getByRole("rowheader").getByRole("link");
  const amount = row.getByRole("cell").nth(1);
  const status = row.getByRole("cell").nth(2);
  await expect(creator).toBeVisible();
  await expect(creator).toHaveText(/\w/);
  await expect(amount).toBeVisible();
  await expect(amount).toHaveText(/\d[.,]\d\d/);
  await expect(status).toBeVisible();
  await expect(status).toContainText(/pending review/i);
  expect(await phoneLabel(status)).toContain("Status");
  expect(await phoneLabel(amount)).toBe("none");
  // The amount is in the card's top line, beside the creator.
  const [creatorBox, amountBox, statusBox] = await Promise.all([creator.boundingBox(), amount.boundingBox(), status.boundingBox()]);
  expect(amountBox!.x).toBeGreaterThan(creatorBox!.x + creatorBox!.width);
  expect(amountBox!.y).toBeLessThan(statusBox!.y);
  await expectFitsTheScreen(page);

  await queue.open(await creator.innerText());
  await page.context().close();
});

test("the other list views on a phone show each row's key fields and fit the screen", async ({ browser }) => {
  const creator = await phonePage(browser, "creator");
  await creator.goto("/creator/earnings");
  const entry = creator.getByRole("table", { name: "All entries" }).getByRole("row").nth(1);
  await expect(entry.getByRole("rowheader")).toHaveText(/\d{4}/); // the date
  await expect(entry.getByRole("cell").first()).toHaveText(/commission|refund|bonus|adjustment/i);
  await expect(entry.getByRole("cell").last()).toHaveText(/\d[.,]\d\d/);
  await expect(entry.getByRole("cell").nth(2)).toHaveText(/pending|available|in a payout|paid/i);
  await expectFitsTheScreen(creator);

  await creator.goto("/creator/shop");
  const links = creator.getByRole("table", { name: "My affiliate links" });
  await expectHeadersOnlyForScreenReaders(links);
  const link = links.getByRole("row").nth(1);
  await expect(link.getByRole("rowheader")).toBeVisible();
  await expect(link.getByRole("textbox", { name: /your affiliate link for/i })).toBeVisible();
  const clicks = link.getByRole("cell").nth(1);
  await expect(clicks).toBeVisible();
  expect(await phoneLabel(clicks)).toContain("Clicks");
  await expectFitsTheScreen(creator);

  // A statement: its lines, then the final amount.
  await creator.goto("/creator/payouts");
  await creator.getByRole("region", { name: /your payouts/i }).getByRole("link", { name: /statement/i }).first().click();
  const lines = creator.getByRole("table", { name: "Entries" });
  await expect(lines.getByRole("row").nth(1).getByRole("cell").last()).toHaveText(/\d[.,]\d\d/);
  await expect(lines.getByRole("rowheader", { name: "Final amount" })).toBeVisible();
  await expectFitsTheScreen(creator);
  // Paper gets the full table, whatever the screen it is printed from.
  await creator.emulateMedia({ media: "print" });
  expect((await lines.getByRole("columnheader", { name: "Date" }).boundingBox())!.width).toBeGreaterThan(20);
  await creator.context().close();

  const staff = await phonePage(browser, "staff");
  await staff.goto("/staff/audit");
  const audit = staff.getByRole("table", { name: "Audit entries" }).getByRole("row").nth(1);
  await expect(audit.getByRole("rowheader")).toBeVisible(); // the action
  await expect(audit.getByRole("cell").nth(2)).toHaveText(/#\S+/); // the entity
  await expectFitsTheScreen(staff);
  await staff.context().close();

  const marketing = await phonePage(browser, "marketing");
  await marketing.goto("/marketing/challenges");
  const challenge = marketing.getByRole("table", { name: /^challenges:/i }).getByRole("row").nth(1);
  await expect(challenge.getByRole("rowheader").getByRole("link")).toBeVisible();
  await expect(challenge.getByRole("cell").first()).toHaveText(/draft|scheduled|live|ended|archived/i);
  await expect(challenge.getByRole("link", { name: /^preview:/i })).toBeVisible();
  await expectFitsTheScreen(marketing);
  await marketing.context().close();
});

test("the list views on a phone have no serious accessibility violation", async ({ browser }) => {
  const views: [DemoRole, string][] = [
    ["creator", "/creator/earnings"],
    ["creator", "/creator/shop"],
    ["staff", "/staff/payouts"],
    ["staff", "/staff/audit"],
    ["staff", "/staff/payouts/1/statement"],
    ["marketing", "/marketing/challenges"],
  ];
  for (const [role, path] of views) {
    const page = await phonePage(browser, role);
    await page.goto(path);
    await expect(page.getByRole("table").first()).toBeAttached();
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${path}: ${v.id} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
    expect(serious).toEqual([]);
    await page.context().close();
  }
});
