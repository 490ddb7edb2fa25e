import type { Page } from "@playwright/test";

/** The preview at /marketing/challenges/[id]/preview (English UI). */
export class ChallengePreviewPage {
  constructor(private readonly page: Page) {}

  private get profileForm() {
    return this.page.getByRole("form", { name: "A creator profile" });
  }

  async previewProfile(p: { followers: string; country: string; language: "English" | "Français" }) {
    await this.profileForm.getByLabel("Followers").fill(p.followers);
    await this.profileForm.getByLabel("Country").selectOption({ label: p.country });
    await this.profileForm.getByLabel("Language").selectOption({ label: p.language });
    await this.profileForm.getByRole("button", { name: "Preview this profile" }).click();
  }

  /** The preview banner (role="status") with the eligibility verdict. */
  banner() {
    return this.page.getByRole("status").filter({ hasText: /preview/i });
  }
}
