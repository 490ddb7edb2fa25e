import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures";

test.describe("security headers", () => {
  test("pages carry a nonce CSP, frame-ancestors none, nosniff, referrer and permissions policies, HSTS; no X-Powered-By", async ({ request }) => {
    const response = await request.get("/login");
    const headers = response.headers();
    const csp = headers["content-security-policy"];
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["strict-transport-security"]).toContain("max-age=");
    expect(headers["x-powered-by"]).toBeUndefined();
    // A fresh nonce on every request, and the framework's scripts carry it.
    const again = (await request.get("/login")).headers()["content-security-policy"];
    expect(again).not.toBe(csp);
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(await response.text()).toContain(`nonce="${nonce}"`);
  });

  test("API answers carry nosniff and no X-Powered-By", async ({ request }) => {
    const headers = (await request.get("/api/health")).headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-powered-by"]).toBeUndefined();
  });

  test("the page runs under its CSP without violations", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto("/login");
    await page.getByRole("button", { name: "Français" }).click();
    await expect(page.getByRole("heading", { name: "Connexion" })).toBeVisible();
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    expect(violations).toEqual([]);
  });
});

test.describe("server actions", () => {
  test.use({ storageState: storageState("creator") });

  test("refuse a request from a foreign Origin", async ({ page }) => {
    await page.goto("/creator");
    const capture = async (name: string) => {
      const [request] = await Promise.all([
        page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
        page.getByRole("button", { name }).click(),
      ]);
      await expect(page.getByRole("button", { name })).toHaveAttribute("aria-pressed", "true");
      return request;
    };
    // Capture a real server action call (the language switch to French), then switch back.
    const toFrench = await capture("Français");
    await capture("English");

    const replay = (origin: string) => {
      const headers: Record<string, string> = { ...toFrench.headers(), origin };
      delete headers["content-length"];
      return page.request.fetch(toFrench.url(), { method: "POST", headers, data: toFrench.postData() ?? "" });
    };
    const pressed = async (name: string) => {
      await page.goto("/creator");
      return page.getByRole("button", { name }).getAttribute("aria-pressed");
    };

    const foreign = await replay("https://evil.example");
    expect(foreign.ok()).toBe(false);
    expect(await pressed("English")).toBe("true"); // nothing changed

    const sameSite = await replay(new URL(page.url()).origin);
    expect(sameSite.ok()).toBe(true);
    expect(await pressed("Français")).toBe("true"); // the same call from our own origin works
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
  });
});
