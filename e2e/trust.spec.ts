import { expect, test } from "@playwright/test";
import { DEMO, storageState } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { ShopPage } from "./pages/shop-page";

test.describe("sessions", () => {
  test("a session cookie copied before sign-out no longer opens anything afterwards", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await new LoginPage(page).goto();
    await new LoginPage(page).signIn(DEMO.marketing);
    await expect(page).toHaveURL(/\/marketing\/challenges$/);
    const copied = await context.cookies();
    await page.getByRole("button", { name: /^(sign out|se déconnecter)$/i }).click();
    await expect(page).toHaveURL(/\/login/);
    await context.close();

    // Someone replays the cookie they copied: the server has ended that session.
    const thief = await browser.newContext();
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await stolen.goto("/marketing/challenges");
    await expect(stolen).toHaveURL(/\/login/);
    await thief.close();

    // Sign-out ended every marketing session, the saved one too: save a fresh one for later specs.
    const again = await browser.newContext();
    const fresh = await again.newPage();
    await new LoginPage(fresh).goto();
    await new LoginPage(fresh).signIn(DEMO.marketing);
    await expect(fresh).toHaveURL(/\/marketing\/challenges$/);
    await again.storageState({ path: storageState("marketing") });
    await again.close();
  });
  test("Auth.js's own POST /api/auth/signout ends the session on every device too", async ({ browser }) => {
    const device = async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await new LoginPage(page).goto();
      await new LoginPage(page).signIn(DEMO.staff2);
      await expect(page).toHaveURL(/\/staff\/payouts$/);
      return { context, page };
    };
    const laptop = await device();
    const phone = await device();

    // The laptop signs out through Auth.js's route (its CSRF token first), not the app's button.
    const { csrfToken } = (await (await laptop.context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const signedOut = await laptop.context.request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
    expect(signedOut.status()).toBe(302);
    await laptop.page.goto("/staff/payouts");
    await expect(laptop.page).toHaveURL(/\/login/);
    // The phone, still holding its own cookie, is signed out as well.
    await phone.page.goto("/staff/payouts");
    await expect(phone.page).toHaveURL(/\/login/);
    await laptop.context.close();

    // Save a fresh staff2 session for later specs.
    await new LoginPage(phone.page).signIn(DEMO.staff2);
    await expect(phone.page).toHaveURL(/\/staff\/payouts$/);
    await phone.context.storageState({ path: storageState("staff2") });
    await phone.context.close();
  });
});

test.describe("sign-in throttling", () => {
  test("a forged X-Forwarded-For does not make a new client: the 11th failure from this connection is refused", async ({ request }) => {
    const email = `nobody-${Date.now()}@example.com`;
    const attempt = async (i: number) => {
      const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const response = await request.post("/api/auth/callback/credentials", {
        form: { email, password: `wrong-${i}`, csrfToken },
        headers: { "x-forwarded-for": `198.51.100.${i}` },
        maxRedirects: 0,
      });
      return response.headers()["location"] ?? "";
    };
    for (let i = 0; i < 10; i++) expect(await attempt(i)).toContain("code=credentials");
    expect(await attempt(10)).toContain("code=throttled");
  });
});

test.describe("large server action bodies", () => {
  test.use({ storageState: storageState("creator") });

  test("a form body over 1 MB gets a message in the form, not the error page", async ({ page }) => {
    const shop = new ShopPage(page);
    await shop.goto();
    // 1.2 MB in the title, past the field's own maxlength (as a script could send it).
    await shop.titleField().evaluate((input: HTMLInputElement) => {
      input.removeAttribute("maxlength");
      input.value = "x".repeat(1_200_000);
    });
    await shop.priceField().fill("10");
    await page.getByLabel("Product page", { exact: true }).fill("https://shop.example/big");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/creator/shop")),
      page.getByRole("button", { name: "Add product" }).click(),
    ]);
    expect(response.status()).toBe(413);
    await expect(page.getByRole("alert").filter({ hasText: /too large|trop volumineux/i })).toBeVisible();
    await expect(shop.titleField()).toBeVisible();
  });
});

test.describe("large server action bodies, every form", () => {
  test.use({ storageState: storageState("admin") });

  test("the admin's invite form shows the same message for a body over 1 MB", async ({ page }) => {
    await page.goto("/admin/users");
    await page.getByLabel(/^email to invite$/i).evaluate((input: HTMLInputElement) => {
      input.value = `${"x".repeat(1_200_000)}@example.com`;
    });
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/admin/users")),
      page.getByRole("button", { name: /^invite$/i }).click(),
    ]);
    expect(response.status()).toBe(413);
    await expect(page.getByRole("alert").filter({ hasText: /too large|trop volumineux/i })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
});
