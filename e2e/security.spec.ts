import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { storageState } from "./fixtures";

/** What every answer carries, pages, API and static files alike (HSTS: e2e runs production). */
function expectStaticHeaders(headers: Record<string, string>) {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["strict-transport-security"]).toContain("max-age=");
}

/** A fresh nonce on every request, and every script tag of the page carries this answer's. */
async function expectFreshNonce(request: APIRequestContext, path: string, response: APIResponse) {
  const csp = response.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  const again = (await request.get(path)).headers()["content-security-policy"];
  expect(again).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(again).not.toBe(csp);
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
}

test.describe("security headers", () => {
  test("pages carry a nonce CSP, frame-ancestors none, nosniff, referrer and permissions policies, HSTS; no X-Powered-By", async ({ request }) => {
    const response = await request.get("/login");
    const headers = response.headers();
    const csp = headers["content-security-policy"];
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expectStaticHeaders(headers);
    expect(headers["x-powered-by"]).toBeUndefined();
    await expectFreshNonce(request, "/login", response);
  });

  test("API answers carry the static headers and HSTS, no CSP and no X-Powered-By", async ({ request }) => {
    const headers = (await request.get("/api/health")).headers();
    expectStaticHeaders(headers);
    expect(headers["content-security-policy"]).toBeUndefined();
    expect(headers["x-powered-by"]).toBeUndefined();
  });

  test("the framework's static files carry the static headers and keep their cache policy, without a nonce", async ({ request }) => {
    const html = await (await request.get("/login")).text();
    const script = /\/_next\/static\/[^"]+\.js/.exec(html)![0];
    const response = await request.get(script);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expectStaticHeaders(headers);
    expect(headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(headers["content-security-policy"]).toBeUndefined();
  });

  test("a nonce the client sends is never the page's", async ({ request }) => {
    const response = await request.get("/login", { headers: { "content-security-policy": "script-src 'nonce-chosen'", "x-nonce": "chosen" } });
    expect(response.headers()["content-security-policy"]).not.toContain("chosen");
    expect(await response.text()).not.toContain('nonce="chosen"');
  });

  test("a server action body over 1 MiB gets a 413 with the form's message, before Next.js reads it", async ({ request }) => {
    const response = await request.post("/login", {
      headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
      data: "x".repeat(1_048_577),
    });
    expect(response.status()).toBe(413);
    expect(response.headers()["content-type"]).toBe("text/plain");
    expect(await response.text()).toBe("Request body over 1 MB: shorten the text and try again.");
    expectStaticHeaders(response.headers());
  });

  test("a form posted before the scripts load (no Next-Action header) is held to the same limit", async ({ request }) => {
    const response = await request.post("/login", { multipart: { $ACTION_ID_0: "", note: "x".repeat(1_048_577) } });
    expect(response.status()).toBe(413);
    expect(await response.text()).toBe("Request body over 1 MB: shorten the text and try again.");
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

test.describe("signed in", () => {
  test.use({ storageState: storageState("creator") });

  test("a role area's page carries the static headers and a fresh nonce that its scripts carry", async ({ request }) => {
    const response = await request.get("/creator");
    expect(response.status()).toBe(200);
    expect(new URL(response.url()).pathname).toBe("/creator"); // signed in: not sent to /login
    expectStaticHeaders(response.headers());
    await expectFreshNonce(request, "/creator", response);
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
