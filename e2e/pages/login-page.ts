import type { Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../fixtures";

export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(next?: string) {
    await this.page.goto(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  }

  async signIn(email: string, password = DEMO_PASSWORD) {
    await this.page.getByLabel(/^e-?mail$/i).fill(email);
    await this.page.getByLabel(/^(password|mot de passe)$/i).fill(password);
    await this.page.getByRole("button", { name: /^(sign in|se connecter)$/i }).click();
  }
}
