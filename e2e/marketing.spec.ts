import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures";
import { ChallengeFormPage } from "./pages/challenge-form-page";
import { ChallengePreviewPage } from "./pages/challenge-preview-page";

test.use({ storageState: storageState("marketing"), locale: "en-GB" });

const DAY = 86_400_000;
const utc = (ms: number) => new Date(ms).toISOString().slice(0, 16);

test("marketing writes a draft, sees its audience, previews it as two creators, publishes it, and the demo creator joins", async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  const titleEn = `Spring Stars ${stamp}`;
  const titleFr = `Étoiles de printemps ${stamp}`;

  // A draft with the middle-class preset.
  const form = new ChallengeFormPage(page);
  await form.gotoNew();
  await form.fillText({
    titleEn,
    titleFr,
    descriptionEn: "Receive Stars during your Facebook Lives.",
    descriptionFr: "Recevez des Stars pendant vos Lives Facebook.",
  });
  await form.fillWindow(utc(Date.now() + DAY), utc(Date.now() + 30 * DAY));
  await form.fillMilestone(1, { threshold: "500", reward: "25.00" });
  await form.fillMilestone(2, { threshold: "1,500", reward: "75" });
  await form.useMiddleClassPreset();
  await expect(page.getByLabel("Minimum followers")).toHaveValue("10000");
  await expect(page.getByLabel("Maximum followers")).toHaveValue("1000000");
  await form.checkCountry("France (FR)");
  await form.fillBudget("5000.00");
  await form.save();

  // Saved: on its edit page, with the audience estimate from the saved rules.
  await expect(page).toHaveURL(/\/marketing\/challenges\/\d+\/edit/);
  await expect(page.getByRole("status").filter({ hasText: /draft created/i })).toBeVisible();
  const id = Number(/challenges\/(\d+)\/edit/.exec(page.url())![1]);
  await expect(page.getByRole("heading", { name: "Audience estimate" })).toBeVisible();
  await expect(page.getByText(/creators? match(es)? the saved rules/)).toBeVisible();
  const total = Number((await page.getByTestId("audience-total").innerText()).replace(/\D/g, ""));
  expect(total).toBeGreaterThan(0);
  await expect(page.getByRole("table", { name: "By follower tier" }).getByRole("row", { name: /^Nano/ })).toContainText("0");

  // Preview as a 50k-follower French creator, in French: eligible.
  await page.getByRole("link", { name: "Preview as a creator" }).click();
  const preview = new ChallengePreviewPage(page);
  await preview.previewProfile({ followers: "50000", country: "France (FR)", language: "Français" });
  await expect(preview.banner()).toContainText("Eligible: this creator could join.");
  await expect(page.getByRole("heading", { level: 1, name: titleFr })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Paliers et récompenses" })).toBeVisible();
  // Nothing can be joined from a preview.
  await expect(page.getByRole("button", { name: /join|rejoindre|participer/i })).toHaveCount(0);

  // And as a 5M-follower one: not eligible, with the reason.
  await preview.previewProfile({ followers: "5000000", country: "France (FR)", language: "English" });
  await expect(preview.banner()).toContainText("Not eligible");
  await expect(preview.banner()).toContainText("at most 1,000,000 followers");
  await expect(page.getByRole("heading", { level: 1, name: titleEn })).toBeVisible();

  // Publish it now.
  await page.goto(`/marketing/challenges/${id}`);
  await page.getByRole("button", { name: "Publish now" }).click();
  // A second look first: the dialog says what publishing does; Escape backs out, nothing changes.
  const confirm = page.getByRole("dialog", { name: `Publish “${titleEn}” now?` });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(/goes live at once.*cannot go back to draft/);
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("button", { name: "Publish now" })).toBeFocused();
  await page.getByRole("button", { name: "Publish now" }).click();
  await confirm.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByRole("status").filter({ hasText: /published: the challenge is live/i })).toBeVisible();
  await expect(page.getByText("Live", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Published" })).toBeVisible();

  // The demo creator sees it and joins.
  const creator = await browser.newContext({ storageState: storageState("creator"), locale: "en-GB" });
  const creatorPage = await creator.newPage();
  await creatorPage.goto("/creator/challenges");
  await creatorPage.getByRole("button", { name: `Join: ${titleEn}` }).click();
  await expect(creatorPage.getByRole("status").filter({ hasText: /you joined the challenge/i })).toBeVisible();
  await expect(creatorPage.getByRole("heading", { level: 1, name: titleEn })).toBeVisible();
  await creator.close();

  // Marketing's list counts the enrollment.
  await page.goto("/marketing/challenges?status=live");
  const row = page.getByRole("row", { name: new RegExp(titleEn) });
  await expect(row.getByRole("cell").nth(2)).toHaveText("1");
});

test("the form shows errors next to the fields and keeps what was typed", async ({ page }) => {
  const form = new ChallengeFormPage(page);
  await form.gotoNew();
  await page.getByLabel("Title (English)").fill("Broken rows");
  await form.fillMilestone(1, { threshold: "500", reward: "25" });
  await form.fillMilestone(2, { threshold: "400", reward: "-3" });
  await page.getByLabel("Maximum followers").fill("lots");
  await form.save();
  await expect(page.getByRole("alert").first()).toContainText("Some fields need your attention.");
  const second = form.milestone(2);
  await expect(second.getByLabel("Threshold")).toHaveAccessibleDescription("Must be higher than the previous milestone on the same metric.");
  await expect(second.getByLabel(/^Reward/)).toHaveAccessibleDescription("Enter a reward above zero, like 25 or 25.50.");
  await expect(page.getByLabel("Maximum followers")).toHaveAccessibleDescription("Enter a whole number of followers, 0 or more.");
  await expect(second.getByLabel("Threshold")).toHaveValue("400");
  await expect(page.getByLabel("Title (English)")).toHaveValue("Broken rows");
  await expect(page).toHaveURL(/\/marketing\/challenges\/new$/);
});

test("marketing pages have no serious accessibility problems", async ({ page }) => {
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  for (const path of ["/marketing/challenges", "/marketing/challenges/new", "/marketing/challenges/1", "/marketing/challenges/1/edit", "/marketing/challenges/1/preview?followers=5000000&locale=fr"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${path}: ${v.id} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`)).toEqual([]);
  }
});
