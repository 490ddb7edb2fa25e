import { expect, type Page } from "@playwright/test";

/** The challenge form at /marketing/challenges/new and /marketing/challenges/[id]/edit (English UI). */
export class ChallengeFormPage {
  constructor(private readonly page: Page) {}

  async gotoNew() {
    await this.page.goto("/marketing/challenges");
    await this.page.getByRole("link", { name: "New challenge" }).first().click();
    await expect(this.page.getByRole("heading", { level: 1, name: "New challenge" })).toBeVisible();
  }

  async fillText(c: { titleEn: string; titleFr: string; descriptionEn: string; descriptionFr: string }) {
    await this.page.getByLabel("Title (English)").fill(c.titleEn);
    await this.page.getByLabel("Title (French)").fill(c.titleFr);
    await this.page.getByLabel("Description (English)").fill(c.descriptionEn);
    await this.page.getByLabel("Description (French)").fill(c.descriptionFr);
  }

  /** Datetime-local values, in UTC: "2026-12-01T10:00". */
  async fillWindow(startsAt: string, endsAt: string) {
    await this.page.getByLabel("Starts (UTC)").fill(startsAt);
    await this.page.getByLabel("Ends (UTC)").fill(endsAt);
  }

  milestone(n: number) {
    return this.page.getByRole("group", { name: `Milestone ${n}` });
  }

  async fillMilestone(n: number, m: { metric?: string; threshold: string; reward: string }) {
    if (n > 1 && (await this.milestone(n).count()) === 0) await this.page.getByRole("button", { name: "Add a milestone" }).click();
    const row = this.milestone(n);
    if (m.metric) await row.getByLabel("Metric").selectOption({ label: m.metric });
    await row.getByLabel("Threshold").fill(m.threshold);
    await row.getByLabel(/^Reward/).fill(m.reward);
  }

  async useMiddleClassPreset() {
    await this.page.getByRole("button", { name: /creator middle class/i }).click();
  }

  async checkCountry(label: string) {
    await this.page.getByRole("group", { name: "Countries" }).getByLabel(label).check();
  }

  async fillBudget(major: string) {
    await this.page.getByLabel(/^Budget/).fill(major);
  }

  async save(name = "Save draft") {
    await this.page.getByRole("button", { name }).click();
  }
}
