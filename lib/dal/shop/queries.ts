import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { affiliateLinks, creators, ownProducts, shopProducts } from "@/db/schema";
import { CATALOG_PAGE_SIZE, type CatalogQuery } from "@/lib/validation/shop";
import { int4, int8, parsedRows, timestamp } from "../row";
import { allowCreator, type Caller } from "../session";

/** A creator may link this many own products; a guard against runaway scripts, not a plan limit. */
export const MAX_OWN_PRODUCTS = 200;

export type OwnProduct = {
  id: number;
  title: string;
  priceMinor: number;
  currency: string;
  url: string;
  imageUrl: string | null;
  sku: string | null;
  linked: boolean;
};

const ownProductColumns = {
  id: ownProducts.id,
  title: ownProducts.title,
  priceMinor: ownProducts.priceMinor,
  currency: ownProducts.currency,
  url: ownProducts.url,
  imageUrl: ownProducts.imageUrl,
  sku: ownProducts.sku,
  linked: ownProducts.linked,
};

/** The creator's own products, linked ones first. */
export async function listMyOwnProducts(caller: Caller): Promise<OwnProduct[]> {
  const me = allowCreator(caller);
  const db = await getDb();
  return db
    .select(ownProductColumns)
    .from(ownProducts)
    .where(eq(ownProducts.creatorId, me.creatorId))
    .orderBy(desc(ownProducts.linked), desc(ownProducts.updatedAt), desc(ownProducts.id));
}

/** One of the creator's own products; null when it does not exist or belongs to someone else. */
export async function getMyOwnProduct(caller: Caller, id: number): Promise<OwnProduct | null> {
  const me = allowCreator(caller);
  const db = await getDb();
  const [row] = await db
    .select(ownProductColumns)
    .from(ownProducts)
    .where(and(eq(ownProducts.id, id), eq(ownProducts.creatorId, me.creatorId)));
  return row ?? null;
}

export type CatalogItem = {
  id: number;
  title: string;
  merchant: string;
  category: string;
  priceMinor: number;
  currency: string;
  imageUrl: string | null;
  commissionBps: number;
  returnWindowDays: number;
  /** The creator's affiliate code for this product, when they already promote it. */
  myCode: string | null;
};

export type CatalogPage = { items: CatalogItem[]; total: number; page: number; pageCount: number; categories: string[] };

/** `%` and `_` typed in the search box are searched for literally. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The shop catalog, filtered and paginated in SQL, with the creator's own link on each product. */
export async function listShopCatalog(caller: Caller, query: CatalogQuery): Promise<CatalogPage> {
  const me = allowCreator(caller);
  const db = await getDb();
  const filters = [sql`sp.commission_bps >= ${query.minRate}`];
  if (query.q) filters.push(sql`(sp.title ilike ${likePattern(query.q)} or sp.merchant ilike ${likePattern(query.q)})`);
  if (query.category) filters.push(sql`sp.category = ${query.category}`);
  const where = sql.join(filters, sql` and `);
  const [[{ total }], categories] = await Promise.all([
    parsedRows(db, z.object({ total: int4 }), sql`select count(*)::int as total from shop_products sp where ${where}`),
    db.selectDistinct({ category: shopProducts.category }).from(shopProducts).orderBy(shopProducts.category),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / CATALOG_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const found = await parsedRows(
    db,
    z.object({
      id: int4,
      title: z.string(),
      merchant: z.string(),
      category: z.string(),
      price_minor: int8,
      currency: z.string(),
      image_url: z.string().nullable(),
      commission_bps: int4,
      return_window_days: int4,
      my_code: z.string().nullable(),
    }),
    sql`select sp.id, sp.title, sp.merchant, sp.category, sp.price_minor::bigint as price_minor, sp.currency as currency,
               sp.image_url, sp.commission_bps, sp.return_window_days, al.code as my_code
        from shop_products sp
        left join affiliate_links al on al.shop_product_id = sp.id and al.creator_id = ${me.creatorId}
        where ${where}
        order by sp.commission_bps desc, sp.title, sp.id
        limit ${CATALOG_PAGE_SIZE} offset ${(page - 1) * CATALOG_PAGE_SIZE}`,
  );
  return {
    items: found.map((r) => ({
      id: r.id,
      title: r.title,
      merchant: r.merchant,
      category: r.category,
      priceMinor: r.price_minor,
      currency: r.currency,
      imageUrl: r.image_url,
      commissionBps: r.commission_bps,
      returnWindowDays: r.return_window_days,
      myCode: r.my_code,
    })),
    total,
    page,
    pageCount,
    categories: categories.map((c) => c.category),
  };
}

export type AffiliateLinkSummary = {
  id: number;
  code: string;
  clicks: number;
  orders: number;
  createdAt: Date;
  product: { id: number; title: string; merchant: string; commissionBps: number };
  /** Net commission (commissions minus refunds) per currency, with the part still pending. */
  commission: { currency: string; totalMinor: number; pendingMinor: number }[];
};

/** The creator's affiliate links with clicks, orders and commission so far, aggregated in SQL. */
export async function listMyAffiliateLinks(caller: Caller): Promise<AffiliateLinkSummary[]> {
  const me = allowCreator(caller);
  const db = await getDb();
  const found = await parsedRows(
    db,
    z.object({
      id: int4,
      code: z.string(),
      clicks: int8,
      created_at: timestamp,
      product_id: int4,
      title: z.string(),
      merchant: z.string(),
      commission_bps: int4,
      orders: int4,
      currency: z.string().nullable(),
      total: int8.nullable(),
      pending: int8.nullable(),
    }),
    sql`with mine as (
          select al.id, al.code, al.clicks, al.created_at, al.shop_product_id
          from affiliate_links al where al.creator_id = ${me.creatorId}
        ), order_counts as (
          select o.affiliate_link_id, count(*)::int as orders
          from orders o join mine on mine.id = o.affiliate_link_id group by 1
        ), sums as (
          select o.affiliate_link_id, le.currency as currency, sum(le.amount_minor)::bigint as total,
                 coalesce(sum(le.amount_minor) filter (where le.available_at > now()), 0)::bigint as pending
          from orders o
          join mine on mine.id = o.affiliate_link_id
          join ledger_entries le on le.order_id = o.id and le.kind in ('commission', 'refund')
          where le.creator_id = ${me.creatorId}
          group by 1, 2
        )
        select mine.id, mine.code, mine.clicks::bigint as clicks, mine.created_at,
               sp.id as product_id, sp.title, sp.merchant, sp.commission_bps,
               coalesce(oc.orders, 0) as orders, s.currency, s.total, s.pending
        from mine
        join shop_products sp on sp.id = mine.shop_product_id
        left join order_counts oc on oc.affiliate_link_id = mine.id
        left join sums s on s.affiliate_link_id = mine.id
        order by mine.created_at desc, mine.id desc, s.currency`,
  );
  const links = new Map<number, AffiliateLinkSummary>();
  for (const r of found) {
    let link = links.get(r.id);
    if (!link) {
      link = {
        id: r.id,
        code: r.code,
        clicks: r.clicks,
        orders: r.orders,
        createdAt: r.created_at,
        product: { id: r.product_id, title: r.title, merchant: r.merchant, commissionBps: r.commission_bps },
        commission: [],
      };
      links.set(r.id, link);
    }
    if (r.currency !== null) link.commission.push({ currency: r.currency, totalMinor: r.total ?? 0, pendingMinor: r.pending ?? 0 });
  }
  return [...links.values()];
}

export type Storefront = {
  handle: string;
  displayName: string;
  platform: string;
  ownProducts: { id: number; title: string; priceMinor: number; currency: string; url: string; imageUrl: string | null }[];
  promoted: { code: string; title: string; merchant: string; priceMinor: number; currency: string; imageUrl: string | null }[];
};

/**
 * A creator's public page (/c/[handle]) as their followers see it. Public: it takes no caller, on
 * purpose (there is no signed-in visitor to check): the page is a storefront linked from the creator's social
 * profile, so anyone may open it. It returns only what the creator chose to show — name,
 * platform, *linked* own products and the shop products they promote (with the affiliate code
 * that earns them the commission) — and nothing private (no email, followers, money, orders).
 */
export async function getPublicStorefront(handle: string): Promise<Storefront | null> {
  if (!/^[a-z0-9._]{2,40}$/.test(handle)) return null;
  const db = await getDb();
  const [creator] = await db
    .select({ id: creators.id, handle: creators.handle, displayName: creators.displayName, platform: creators.platform })
    .from(creators)
    .where(eq(creators.handle, handle));
  if (!creator) return null;
  const [own, promoted] = await Promise.all([
    db
      .select({
        id: ownProducts.id,
        title: ownProducts.title,
        priceMinor: ownProducts.priceMinor,
        currency: ownProducts.currency,
        url: ownProducts.url,
        imageUrl: ownProducts.imageUrl,
      })
      .from(ownProducts)
      .where(and(eq(ownProducts.creatorId, creator.id), eq(ownProducts.linked, true)))
      .orderBy(asc(ownProducts.createdAt), asc(ownProducts.id))
      .limit(MAX_OWN_PRODUCTS),
    db
      .select({
        code: affiliateLinks.code,
        title: shopProducts.title,
        merchant: shopProducts.merchant,
        priceMinor: shopProducts.priceMinor,
        currency: shopProducts.currency,
        imageUrl: shopProducts.imageUrl,
      })
      .from(affiliateLinks)
      .innerJoin(shopProducts, eq(shopProducts.id, affiliateLinks.shopProductId))
      .where(eq(affiliateLinks.creatorId, creator.id))
      .orderBy(desc(affiliateLinks.createdAt), desc(affiliateLinks.id))
      .limit(200),
  ]);
  return {
    handle: creator.handle,
    displayName: creator.displayName,
    platform: creator.platform,
    ownProducts: own,
    promoted,
  };
}
