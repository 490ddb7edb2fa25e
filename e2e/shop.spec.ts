import { expect, test } from "@playwright/test";
import { storageState } from "./fixtures";
import { postSigned } from "./ingest";
import { ShopPage } from "./pages/shop-page";

test.use({ storageState: storageState("creator") });

const PRODUCT = "Poster A3 dédicacé";
// A shop product the demo creator does not promote in the seed.
const SHOP_PRODUCT = "Vitamin C serum";

test("the demo creator links an own product after fixing a bad price, and it shows on the public page", async ({ page }) => {
  const shop = new ShopPage(page);
  await shop.goto();
  await shop.addProduct({ title: PRODUCT, price: "12,345", url: "https://shop.example/demo.creator/poster" });
  await expect(page.getByText("Enter a price like 19.90 (digits, with at most two decimals).")).toBeVisible();
  await expect(shop.priceField()).toHaveAttribute("aria-invalid", "true");
  await expect(shop.priceField()).toBeFocused();
  // Nothing typed is lost.
  await expect(shop.titleField()).toHaveValue(PRODUCT);
  await expect(shop.priceField()).toHaveValue("12,345");

  await shop.priceField().fill("12,50");
  await page.getByRole("button", { name: "Add product" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Product added" })).toBeVisible();
  await expect(shop.myProducts().getByText(PRODUCT)).toBeVisible();
  await expect(shop.myProducts().getByText("€12.50")).toBeVisible();

  await page.goto("/c/demo.creator");
  await expect(page.getByRole("heading", { name: "Camille Martin", level: 1 })).toBeVisible();
  const own = page.getByRole("region", { name: "Products by Camille Martin" });
  await expect(own.getByRole("link", { name: new RegExp(PRODUCT) })).toHaveAttribute("href", "https://shop.example/demo.creator/poster");
  // The seed's unlinked tote bag stays hidden.
  await expect(page.getByText("Tote bag Camille")).toHaveCount(0);
});

test("the demo creator promotes a shop product; an order through the link shows as pending commission", async ({ page, request }) => {
  const shop = new ShopPage(page);
  await shop.goto();
  await shop.searchCatalog(SHOP_PRODUCT);
  const card = shop.catalogCard(SHOP_PRODUCT);
  const rateText = await card.getByRole("definition").nth(1).innerText(); // "23.5%"
  const rateBps = Math.round(Number(rateText.replace("%", "")) * 100);
  await shop.promoteButton(SHOP_PRODUCT).click();
  await expect(page.getByRole("status").filter({ hasText: "Your affiliate link is ready" })).toBeVisible();
  const link = await shop.linkField(SHOP_PRODUCT).first().inputValue();
  const code = /\/r\/([a-z0-9]+)$/.exec(link)?.[1];
  expect(code).toBeTruthy();

  // Followers' clicks are counted and sent to the shop (302); an unknown code is a 404 page.
  const redirect = await request.get(`/r/${code}`, { maxRedirects: 0 });
  expect(redirect.status()).toBe(302);
  expect(redirect.headers()["location"]).toContain(`aff=${code}`);
  const unknown = await request.get("/r/nosuchcode1", { maxRedirects: 0 });
  expect(unknown.status()).toBe(404);
  expect(await unknown.text()).toContain("This link does not exist");

  // The shop reports a paid order for that code, signed like the platform does.
  const orderId = `ord_e2e_${Date.now()}`;
  const amount = 10_000;
  const result = await postSigned(request, "/api/orders", {
    orders: [{ id: orderId, type: "paid", affiliateCode: code, amount, currency: "EUR", occurredAt: new Date().toISOString(), buyer: "buyer_e2e" }],
  });
  expect(result).toEqual({ status: 200, body: { accepted: 1, duplicates: 0, rejected: [] } });

  await page.goto("/creator/earnings?status=pending&kind=commission");
  const row = page.getByRole("row", { name: new RegExp(orderId) });
  await expect(row).toContainText(SHOP_PRODUCT);
  await expect(row).toContainText("Pending");
  const expected = (Math.round((amount * rateBps) / 10_000) / 100).toFixed(2);
  await expect(row).toContainText(`€${expected}`);

  // The order is on the link's line in the shop, with its click.
  await shop.goto();
  const linkRow = page.getByRole("row", { name: new RegExp(SHOP_PRODUCT) });
  await expect(linkRow.getByRole("cell").nth(1)).toHaveText("1");
  await expect(linkRow.getByRole("cell").nth(2)).toHaveText("1");
});
