import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO, storageState } from "./fixtures";
import { LoginPage } from "./pages/login-page";

test.describe("signed out", () => {
  test("a wrong password shows an error and keeps the email", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(DEMO.staff, "not-the-password");
    await expect(page.getByRole("alert").filter({ hasText: /./ })).toContainText(/wrong email or password|e-mail ou mot de passe incorrect/i);
    await expect(page.getByLabel(/^e-?mail$/i)).toHaveValue(DEMO.staff);
    await expect(page).toHaveURL(/\/login/);
  });

  test("/creator sends a signed-out visitor to /login", async ({ page }) => {
    await page.goto("/creator");
    await expect(page).toHaveURL(/\/login\?next=%2Fcreator/);
    await expect(page.getByRole("heading", { name: /^(sign in|connexion)$/i })).toBeVisible();
  });

  test("a signed-out visitor's deep link comes back as ?next=, query included", async ({ request }) => {
    const response = await request.get("/staff/payouts?status=held", { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers()["location"]).toBe("/login?next=%2Fstaff%2Fpayouts%3Fstatus%3Dheld");
  });

  test("signing in from that redirect comes back to the deep link", async ({ page }) => {
    await page.goto("/creator/earnings?status=pending");
    await expect(page).toHaveURL(/\/login\?next=%2Fcreator%2Fearnings%3Fstatus%3Dpending$/);
    await new LoginPage(page).signIn(DEMO.creator);
    await expect(page).toHaveURL(/\/creator\/earnings\?status=pending$/);
  });

  test("an unknown route gets the not-found page", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: /page not found|page introuvable/i })).toBeVisible();
  });

  test("health answers ok", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});

// Before hydration (a slow phone, a script that failed to load) a form still posts: every form
// holds its server action until the page has hydrated. Proven here with scripts off altogether.
test.describe("signed out, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("signing in posts the form and lands on the deep link", async ({ page }) => {
    await new LoginPage(page).goto("/creator/earnings");
    await new LoginPage(page).signIn(DEMO.creator);
    await expect(page).toHaveURL(/\/creator\/earnings$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("a wrong password comes back as the form's error, email kept", async ({ page }) => {
    await new LoginPage(page).goto();
    await new LoginPage(page).signIn(DEMO.staff, "not-the-password");
    await expect(page.getByRole("alert").filter({ hasText: /./ })).toContainText(/wrong email or password|e-mail ou mot de passe incorrect/i);
    await expect(page.getByLabel(/^e-?mail$/i)).toHaveValue(DEMO.staff);
  });
});

test.describe("creator", () => {
  test.use({ storageState: storageState("creator") });

  test("opening a staff page gets the 403 page", async ({ page }) => {
    const response = await page.goto("/staff/payouts");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: /don't have access|pas accès/i })).toBeVisible();
  });

  // Auth.js splits a session cookie too large for one into name.0, name.1, …: such a visitor is
  // signed in, so the proxy must not send them to /login (and /login straight back, forever).
  test("a session cookie split in chunks still opens a deep link", async ({ playwright, baseURL }) => {
    const saved = JSON.parse(readFileSync(storageState("creator"), "utf8")) as { cookies: { name: string; value: string }[] };
    const token = saved.cookies.find((c) => c.name === "authjs.session-token")?.value ?? "";
    expect(token.length).toBeGreaterThan(20);
    const half = Math.ceil(token.length / 2);
    const chunked = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `authjs.session-token.0=${token.slice(0, half)}; authjs.session-token.1=${token.slice(half)}` } });
    const response = await chunked.get("/creator/earnings?status=pending", { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    // The creator's own navigation, which only a signed-in creator's page carries.
    expect(await response.text()).toContain('href="/creator/payouts"');
    await chunked.dispose();
  });

  test("switches the interface to French and back", async ({ page }) => {
    await page.goto("/creator");
    await page.getByRole("button", { name: "Français" }).click();
    const nav = (name: RegExp) => page.getByRole("navigation", { name });
    await expect(nav(/navigation principale/i).getByRole("link", { name: "Défis", exact: true })).toBeVisible();
    await page.getByRole("button", { name: "English" }).click();
    await expect(nav(/main navigation/i).getByRole("link", { name: "Challenges", exact: true })).toBeVisible();
  });
});
