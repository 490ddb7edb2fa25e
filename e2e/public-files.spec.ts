import { expect, test } from "@playwright/test";

// The static files in public/: robots.txt keeps the role areas out of search engines, the web
// app manifest names the app and its icon, and products without a picture get a placeholder.
test("robots.txt keeps the role areas and the API out", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  const text = await response.text();
  for (const area of ["/creator", "/staff", "/marketing", "/admin", "/api/"]) expect(text).toContain(`Disallow: ${area}`);
  expect(text).not.toMatch(/^Disallow: \/$/m);
});

test("every page links the web app manifest, whose icon loads", async ({ page, request }) => {
  await page.goto("/login");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/manifest.webmanifest");
  const manifest = await (await request.get(href!)).json();
  expect(manifest).toMatchObject({ name: "Creator Rewards", start_url: "/", display: "standalone" });
  expect(manifest.icons.length).toBeGreaterThan(0);
  const icon = await request.get(manifest.icons[0].src);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", /\/icon\.svg/);
});

test("a product without a picture shows the placeholder image, on a phone too", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto("/c/demo.creator");
  const placeholder = page.locator('img[data-placeholder="none"]').first();
  await expect(placeholder).toBeVisible();
  await expect(placeholder).toHaveAttribute("src", "/products/placeholder.svg");
  await expect(placeholder).toHaveAttribute("alt", "");
  await expect.poll(() => placeholder.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await context.close();
});
