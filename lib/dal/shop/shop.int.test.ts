import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  createOwnProductAction,
  promoteAction,
  relinkOwnProductAction,
  unlinkOwnProductAction,
  updateOwnProductAction,
} from "@/app/creator/shop/actions";
import { getDb } from "@/db";
import { affiliateLinks, ownProducts } from "@/db/schema";
import { runAs } from "@/lib/auth/identity";
import { createCreator, createUser } from "@/test/factories";
import { createAffiliateLink, createShopProduct, paid, postOrders, refund } from "@/test/shop";
import { promoteShopProduct, recordAffiliateClick } from "./commands";
import { getMyOwnProduct, getPublicStorefront, listMyAffiliateLinks, listMyOwnProducts, listShopCatalog } from "./queries";
import { asCaller } from "@/test/caller";

const DAY = 86_400_000;

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};

const validProduct = { title: "Mug « Live »", price: "18,00", currency: "EUR", url: "https://shop.example/me/mug", imageUrl: "", sku: "MUG-01" };

async function addProduct(userId: number, values: Record<string, string> = validProduct) {
  const result = await runAs(userId, () => createOwnProductAction(null, form(values)));
  expect(result).toEqual({ ok: true, message: "shop.products.created" });
  const mine = await asCaller(userId, (c) => listMyOwnProducts(c));
  return mine.find((p) => p.title === values.title)!;
}


describe("own products", () => {
  it("adds a product from the form, in minor units, linked and on the public page", async () => {
    const { user, creator } = await createCreator();
    const product = await addProduct(user.id);
    expect(product).toMatchObject({ title: "Mug « Live »", priceMinor: 1800, currency: "EUR", url: "https://shop.example/me/mug", imageUrl: null, sku: "MUG-01", linked: true });
    const store = await getPublicStorefront(creator.handle);
    expect(store?.ownProducts.map((p) => p.title)).toEqual(["Mug « Live »"]);
  });

  it("answers a bad form with field errors as translation keys, and gives back what was typed", async () => {
    const { user } = await createCreator();
    const typed = { title: "  ", price: "12,345", currency: "EUR", url: "http://shop.example/x", imageUrl: "ftp://img", sku: "bad sku!" };
    const result = await runAs(user.id, () => createOwnProductAction(null, form(typed)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe("errors.invalid_input");
    expect(result.fieldErrors).toEqual({
      title: ["shop.validation.title_required"],
      price: ["shop.validation.price"],
      url: ["shop.validation.url"],
      imageUrl: ["shop.validation.image_url"],
      sku: ["shop.validation.sku"],
    });
    expect(result.input).toEqual(typed);
    expect(await asCaller(user.id, (c) => listMyOwnProducts(c))).toEqual([]);
  });

  it("refuses prices that are not money: words, negatives, empty, too high", async () => {
    const { user } = await createCreator();
    for (const [price, key] of [
      ["abc", "shop.validation.price"],
      ["-3", "shop.validation.price"],
      ["", "shop.validation.price_required"],
      ["2000000", "shop.validation.price_too_high"],
    ] as const) {
      const result = await runAs(user.id, () => createOwnProductAction(null, { ...validProduct, price }));
      expect(result.ok ? null : result.fieldErrors?.price).toEqual([key]);
    }
    const unknownCurrency = await runAs(user.id, () => createOwnProductAction(null, { ...validProduct, currency: "XXX" }));
    expect(unknownCurrency.ok ? null : unknownCurrency.fieldErrors?.currency).toEqual(["shop.validation.currency"]);
  });

  it("edits a product, and keeps the typed values when the edit is invalid", async () => {
    const { user } = await createCreator();
    const product = await addProduct(user.id);
    const saved = await runAs(user.id, () => updateOwnProductAction(null, form({ ...validProduct, id: String(product.id), title: "Grand mug", price: "21.5" })));
    expect(saved).toEqual({ ok: true, message: "shop.products.saved" });
    expect(await asCaller(user.id, (c) => getMyOwnProduct(c, product.id))).toMatchObject({ title: "Grand mug", priceMinor: 2150 });
    const bad = await runAs(user.id, () => updateOwnProductAction(null, form({ ...validProduct, id: String(product.id), url: "not a url" })));
    expect(bad.ok ? null : bad.input?.url).toBe("not a url");
  });

  it("unlinking hides a product from the public page; relinking shows it again", async () => {
    const { user, creator } = await createCreator();
    const product = await addProduct(user.id);
    expect(await runAs(user.id, () => unlinkOwnProductAction(null, { id: String(product.id) }))).toEqual({ ok: true, message: "shop.products.unlinkedOk" });
    expect((await getPublicStorefront(creator.handle))?.ownProducts).toEqual([]);
    expect((await asCaller(user.id, (c) => getMyOwnProduct(c, product.id)))?.linked).toBe(false);
    await runAs(user.id, () => relinkOwnProductAction(null, { id: String(product.id) }));
    expect((await getPublicStorefront(creator.handle))?.ownProducts.map((p) => p.id)).toEqual([product.id]);
  });

  it("a creator cannot read, edit, unlink or relink another creator's product: it is simply not found", async () => {
    const owner = await createCreator();
    const other = await createCreator();
    const product = await addProduct(owner.user.id);
    const notFound = { ok: false, message: "shop.errors.product_not_found" };
    expect(await runAs(other.user.id, () => updateOwnProductAction(null, { ...validProduct, id: String(product.id), title: "Stolen" }))).toMatchObject(notFound);
    expect(await runAs(other.user.id, () => unlinkOwnProductAction(null, { id: String(product.id) }))).toMatchObject(notFound);
    expect(await runAs(other.user.id, () => relinkOwnProductAction(null, { id: String(product.id) }))).toMatchObject(notFound);
    expect(await asCaller(other.user.id, (c) => getMyOwnProduct(c, product.id))).toBeNull();
    const db = await getDb();
    const [row] = await db.select().from(ownProducts).where(eq(ownProducts.id, product.id));
    expect(row).toMatchObject({ title: "Mug « Live »", linked: true, creatorId: owner.creator.id });
  });

  it("only creators may use the shop actions; signed-out callers are told to sign in", async () => {
    const staff = await createUser("staff");
    expect(await runAs(staff.id, () => createOwnProductAction(null, validProduct))).toMatchObject({ ok: false, message: "errors.forbidden" });
    expect(await runAs(null, () => promoteAction(null, { shopProductId: "1" }))).toMatchObject({ ok: false, message: "errors.unauthenticated" });
  });
});

describe("the public page", () => {
  it("shows linked own products and promoted shop products, never unlinked ones or another creator's", async () => {
    const a = await createCreator();
    const b = await createCreator();
    const shown = await addProduct(a.user.id, { ...validProduct, title: "Shown" });
    const hidden = await addProduct(a.user.id, { ...validProduct, title: "Hidden" });
    await addProduct(b.user.id, { ...validProduct, title: "Not mine" });
    await runAs(a.user.id, () => unlinkOwnProductAction(null, { id: String(hidden.id) }));
    const promotedProduct = await createShopProduct({ title: "Ring light", merchant: "StreamGear" });
    const link = await createAffiliateLink(a.creator.id, promotedProduct.id);
    const store = await getPublicStorefront(a.creator.handle);
    expect(store).toMatchObject({ handle: a.creator.handle, displayName: "Test Creator" });
    expect(store!.ownProducts.map((p) => p.id)).toEqual([shown.id]);
    expect(store!.promoted).toEqual([{ code: link.code, title: "Ring light", merchant: "StreamGear", priceMinor: 4999, currency: "EUR", imageUrl: null }]);
  });

  it("is null for an unknown or malformed handle", async () => {
    expect(await getPublicStorefront("no.such.handle")).toBeNull();
    expect(await getPublicStorefront("'; drop table creators; --")).toBeNull();
  });
});

describe("promoting shop products", () => {
  it("creates one affiliate link per creator and product with a unique short code, and gives it back on repeat", async () => {
    const a = await createCreator();
    const b = await createCreator();
    const product = await createShopProduct();
    const first = await runAs(a.user.id, () => promoteAction(null, { shopProductId: String(product.id) }));
    expect(first).toMatchObject({ ok: true, message: "shop.promote.created" });
    const code = first.ok ? first.data!.code : "";
    expect(code).toMatch(/^[a-z2-9]{8}$/);
    expect(await runAs(a.user.id, () => promoteAction(null, { shopProductId: String(product.id) }))).toEqual({ ok: true, message: "shop.promote.already", data: { code } });
    const other = await asCaller(b.user.id, (c) => promoteShopProduct(c, product.id));
    expect(other.code).not.toBe(code);
    const db = await getDb();
    expect(await db.select().from(affiliateLinks).where(eq(affiliateLinks.shopProductId, product.id))).toHaveLength(2);
  });

  it("refuses an unknown shop product", async () => {
    const { user } = await createCreator();
    expect(await runAs(user.id, () => promoteAction(null, { shopProductId: "999999" }))).toMatchObject({ ok: false, message: "shop.errors.shop_product_not_found" });
  });

  it("lists the creator's links with clicks, orders and commission so far (net of refunds, pending part)", async () => {
    const { user } = await createCreator();
    const product = await createShopProduct({ commissionBps: 1000, title: "Tripod" });
    const { code } = await asCaller(user.id, (c) => promoteShopProduct(c, product.id));
    await recordAffiliateClick(code);
    await recordAffiliateClick(code);
    const old = paid(code, 10_000, { occurredAt: new Date(Date.now() - 40 * DAY) });
    const recent = paid(code, 5000);
    await postOrders({ orders: [old, recent, refund(recent.id, 1000)] });
    const [link] = await asCaller(user.id, (c) => listMyAffiliateLinks(c));
    expect(link).toMatchObject({ code, clicks: 2, orders: 2, product: { title: "Tripod", commissionBps: 1000 } });
    // 10.00 available + (5.00 − 1.00) pending.
    expect(link.commission).toEqual([{ currency: "EUR", totalMinor: 1400, pendingMinor: 400 }]);
    const another = await createCreator();
    expect(await asCaller(another.user.id, (c) => listMyAffiliateLinks(c))).toEqual([]);
  });
});

describe("the shop catalog", () => {
  it("searches, filters by category and commission rate, and paginates in SQL", async () => {
    const { user } = await createCreator();
    const tag = `zq${Date.now().toString(36)}`;
    for (let i = 0; i < 14; i++) {
      await createShopProduct({ title: `${tag} lamp ${i}`, category: i % 2 ? "home" : "tech", commissionBps: 500 + i * 100 });
    }
    await createShopProduct({ title: `${tag} 100% cotton`, category: "fashion", commissionBps: 1200 });
    const page1 = await asCaller(user.id, (c) => listShopCatalog(c, { q: tag, category: "", minRate: 0, page: 1 }));
    expect(page1.total).toBe(15);
    expect(page1.pageCount).toBe(2);
    expect(page1.items).toHaveLength(12);
    expect(page1.items[0].commissionBps).toBe(1800); // best rate first
    const page2 = await asCaller(user.id, (c) => listShopCatalog(c, { q: tag, category: "", minRate: 0, page: 2 }));
    expect(page2.items).toHaveLength(3);
    const beyond = await asCaller(user.id, (c) => listShopCatalog(c, { q: tag, category: "", minRate: 0, page: 99 }));
    expect(beyond.page).toBe(2);
    const home = await asCaller(user.id, (c) => listShopCatalog(c, { q: tag, category: "home", minRate: 1500, page: 1 }));
    expect(home.items.map((i) => i.title).sort()).toEqual([`${tag} lamp 11`, `${tag} lamp 13`]);
    // "%" is searched for literally.
    const percent = await asCaller(user.id, (c) => listShopCatalog(c, { q: `${tag} 100%`, category: "", minRate: 0, page: 1 }));
    expect(percent.items.map((i) => i.title)).toEqual([`${tag} 100% cotton`]);
    expect(page1.categories).toEqual(expect.arrayContaining(["fashion", "home", "tech"]));
  });

  it("marks the products the creator already promotes with their code", async () => {
    const { user } = await createCreator();
    const product = await createShopProduct({ title: `marked ${Date.now()}` });
    const { code } = await asCaller(user.id, (c) => promoteShopProduct(c, product.id));
    const { items } = await asCaller(user.id, (c) => listShopCatalog(c, { q: product.title, category: "", minRate: 0, page: 1 }));
    expect(items[0].myCode).toBe(code);
  });
});
