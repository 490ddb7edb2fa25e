import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures";
import { LoginPage } from "./pages/login-page";

// Issue 16 item 9: an admin invites a marketing user; the invitee opens the one-time link,
// sets a password, and signs in to the marketing area. The link then no longer works.
test("an admin invites a marketing user who sets a password and signs in", async ({ browser }) => {
  const email = `invited-${Date.now()}@example.com`;
  const password = "invited user password";

  const adminContext = await browser.newContext({ storageState: storageState("admin") });
  const admin = await adminContext.newPage();
  await admin.goto("/admin/users");
  await admin.getByLabel(/^(email to invite|e-mail à inviter)$/i).fill(email);
  await admin.getByLabel(/^(role to give|rôle à donner)$/i).selectOption("marketing");
  await admin.getByRole("button", { name: /^(invite|inviter)$/i }).click();
  await expect(admin.getByRole("status").filter({ hasText: email })).toBeVisible();
  const link = await admin.getByTestId("invite-link").getAttribute("href");
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(admin.getByText(email).first()).toBeVisible();
  await adminContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link!);
  await expect(page.getByRole("heading", { name: /set up your account|créer votre compte/i })).toBeVisible();
  await page.getByLabel(/^(your name|votre nom)$/i).fill("Invited Marketer");
  await page.getByLabel(/^(password|mot de passe)$/i).fill(password);
  await page.getByRole("button", { name: /create my account|créer mon compte/i }).click();
  await expect(page).toHaveURL(/\/login\?invited=1$/);
  await expect(page.getByRole("status").filter({ hasText: /account is ready|compte est prêt/i })).toBeVisible();

  await new LoginPage(page).signIn(email, password);
  await expect(page).toHaveURL(/\/marketing\/challenges$/);
  await expect(page.getByRole("navigation", { name: /main navigation|navigation principale/i })).toBeVisible();

  // One-time: the same link now shows a clear page, not the form and not a 500.
  const again = await page.goto(link!);
  expect(again?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: /already used|déjà servi/i })).toBeVisible();
  const unknown = await page.goto("/invite/not-a-real-token");
  expect(unknown?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: /not valid|pas valide/i })).toBeVisible();
  await context.close();
});
