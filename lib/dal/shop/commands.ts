import "server-only";
import { randomInt } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { affiliateLinks, ownProducts, shopProducts } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import type { OwnProductInput } from "@/lib/validation/shop";
import { int4, parsedRows } from "../row";
import { allowCreator, type Caller } from "../session";
import { MAX_OWN_PRODUCTS } from "./queries";

const productNotFound = () => new DomainError("shop.errors.product_not_found");

/**
 * Links a new own product to the creator's profile (shown on their public page at once). The
 * form's one-time token makes it idempotent: five quick clicks, or a retry, make one product.
 */
export async function createMyOwnProduct(caller: Caller, input: OwnProductInput): Promise<{ id: number; created: boolean }> {
  const me = allowCreator(caller);
  const db = await getDb();
  const token = input.formToken ?? null;
  // The limit is checked in the same statement as the insert, so parallel submits cannot pass it.
  const [row] = await parsedRows(
    db,
    z.object({ id: int4 }),
    sql`insert into own_products (creator_id, title, price_minor, currency, url, image_url, sku, form_token)
        select ${me.creatorId}, ${input.title}, ${input.price}, ${input.currency}, ${input.url}, ${input.imageUrl}, ${input.sku}, ${token}
        where (select count(*) from own_products where creator_id = ${me.creatorId}) < ${MAX_OWN_PRODUCTS}
        on conflict (creator_id, form_token) do nothing
        returning id`,
  );
  if (row) return { id: row.id, created: true };
  if (token) {
    const [earlier] = await db
      .select({ id: ownProducts.id })
      .from(ownProducts)
      .where(and(eq(ownProducts.creatorId, me.creatorId), eq(ownProducts.formToken, token)));
    if (earlier) return { id: earlier.id, created: false };
  }
  throw new DomainError("shop.errors.too_many_products", { max: MAX_OWN_PRODUCTS });
}

/** Edits one of the creator's own products; another creator's product is simply "not found". */
export async function updateMyOwnProduct(caller: Caller, id: number, input: OwnProductInput): Promise<void> {
  const me = allowCreator(caller);
  const db = await getDb();
  const updated = await db
    .update(ownProducts)
    .set({
      title: input.title,
      priceMinor: input.price,
      currency: input.currency,
      url: input.url,
      imageUrl: input.imageUrl,
      sku: input.sku,
      updatedAt: sql`now()`,
    })
    .where(and(eq(ownProducts.id, id), eq(ownProducts.creatorId, me.creatorId)))
    .returning({ id: ownProducts.id });
  if (updated.length === 0) throw productNotFound();
}

/** Unlinks (hides from the public page) or relinks one of the creator's own products. */
export async function setMyOwnProductLinked(caller: Caller, id: number, linked: boolean): Promise<void> {
  const me = allowCreator(caller);
  const db = await getDb();
  const updated = await db
    .update(ownProducts)
    .set({ linked, updatedAt: sql`now()` })
    .where(and(eq(ownProducts.id, id), eq(ownProducts.creatorId, me.creatorId)))
    .returning({ id: ownProducts.id });
  if (updated.length === 0) throw productNotFound();
}

// Short codes people can read aloud: no 0/o, 1/l/i.
const CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const CODE_LENGTH = 8;

export function newAffiliateCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

/**
 * The creator's affiliate link for a shop product, created on first use: promoting twice gives
 * the same link back. Codes are random; the unique index settles the rare collision (we retry).
 */
export async function promoteShopProduct(caller: Caller, shopProductId: number): Promise<{ code: string; created: boolean }> {
  const me = allowCreator(caller);
  const db = await getDb();
  for (let attempt = 0; attempt < 5; attempt++) {
    const [inserted] = await parsedRows(
      db,
      z.object({ code: z.string() }),
      sql`insert into affiliate_links (creator_id, shop_product_id, code)
          select ${me.creatorId}, sp.id, ${newAffiliateCode()} from shop_products sp where sp.id = ${shopProductId}
          on conflict do nothing
          returning code`,
    );
    if (inserted) return { code: inserted.code, created: true };
    const [existing] = await db
      .select({ code: affiliateLinks.code, product: shopProducts.id })
      .from(shopProducts)
      .leftJoin(affiliateLinks, and(eq(affiliateLinks.shopProductId, shopProducts.id), eq(affiliateLinks.creatorId, me.creatorId)))
      .where(eq(shopProducts.id, shopProductId));
    if (!existing) throw new DomainError("shop.errors.shop_product_not_found");
    if (existing.code) return { code: existing.code, created: false };
    // Neither a product nor our link is missing: the random code was taken. Draw again.
  }
  throw new Error("could not draw an unused affiliate code in 5 attempts");
}

/**
 * Counts one click on an affiliate link (unless this browser's click was counted already) and
 * returns the shop product's address, tagged with the code so the shop can report the order back
 * with it; null for an unknown code. Public: it takes no caller, like /r/[code] itself, since
 * followers click these links without an account.
 */
export async function recordAffiliateClick(code: string, options: { alreadyCounted?: boolean } = {}): Promise<string | null> {
  if (!/^[a-z0-9]{4,32}$/.test(code)) return null;
  const db = await getDb();
  const [row] = await parsedRows(
    db,
    z.object({ url: z.string() }),
    options.alreadyCounted
      ? sql`select sp.url from affiliate_links al join shop_products sp on sp.id = al.shop_product_id where al.code = ${code}`
      : sql`update affiliate_links al set clicks = al.clicks + 1
            from shop_products sp
            where al.code = ${code} and sp.id = al.shop_product_id
            returning sp.url`,
  );
  if (!row) return null;
  const url = new URL(row.url);
  url.searchParams.set("aff", code);
  return url.toString();
}
