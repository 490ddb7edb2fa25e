// Money for payout tests: ledger entries, orders and activity written straight into the
// database, the way ingest would have left them, with the dates a test needs.
import { sql } from "drizzle-orm";
import { getDb, rows } from "@/db";
import { affiliateLinks, ledgerEntries, orders, refunds, shopProducts } from "@/db/schema";

const DAY = 86_400_000;
let seq = 0;
const uid = () => `${Date.now().toString(36)}_${process.pid}_${seq++}`;

/** An adjustment (the one kind with no source row), available at `availableAt`. */
export async function addEntry(creatorId: number, amountMinor: number, availableAt: Date, options: { currency?: string; note?: string } = {}) {
  const db = await getDb();
  const [entry] = await db
    .insert(ledgerEntries)
    .values({
      creatorId,
      kind: "adjustment",
      amountMinor,
      currency: options.currency ?? "EUR",
      note: options.note ?? "test adjustment",
      occurredAt: availableAt,
      availableAt,
    })
    .returning({ id: ledgerEntries.id });
  return entry.id;
}

/** A month as "YYYY-MM", `monthsAgo` months before the current one. */
export function monthsAgo(n: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 1)).toISOString().slice(0, 7);
}

/** The middle of a period: a date safely inside it. */
export function inPeriod(period: string): Date {
  return new Date(`${period}-15T12:00:00Z`);
}

/** A shop product and the creator's affiliate link to it. */
export async function createLink(creatorId: number, options: { commissionBps?: number; currency?: string } = {}) {
  const db = await getDb();
  const [product] = await db
    .insert(shopProducts)
    .values({
      merchant: "Test merchant",
      title: `Product ${uid()}`,
      category: "test",
      priceMinor: 5000,
      currency: options.currency ?? "EUR",
      url: "https://shop.example/p",
      commissionBps: options.commissionBps ?? 1000,
    })
    .returning({ id: shopProducts.id });
  const [link] = await db.insert(affiliateLinks).values({ creatorId, shopProductId: product.id, code: `t${uid()}` }).returning({ id: affiliateLinks.id });
  return { productId: product.id, linkId: link.id };
}

/** An order through the link with its commission entry (10 % by default); refunds reverse it. */
export async function addOrder(
  creatorId: number,
  link: { productId: number; linkId: number },
  options: { amountMinor?: number; buyerRef?: string; occurredAt?: Date; availableAt?: Date; refundMinor?: number; refundAt?: Date } = {},
) {
  const db = await getDb();
  const id = `ord_${uid()}`;
  const amountMinor = options.amountMinor ?? 5000;
  const occurredAt = options.occurredAt ?? new Date(Date.now() - 2 * DAY);
  await db.insert(orders).values({
    id,
    affiliateLinkId: link.linkId,
    creatorId,
    shopProductId: link.productId,
    amountMinor,
    currency: "EUR",
    refundedMinor: options.refundMinor ?? 0,
    commissionBps: 1000, // the 10 % written below
    buyerRef: options.buyerRef ?? `buyer_${uid()}`,
    occurredAt,
  });
  const commission = Math.round(amountMinor / 10);
  const [entry] = await db
    .insert(ledgerEntries)
    .values({ creatorId, kind: "commission", amountMinor: commission, currency: "EUR", orderId: id, occurredAt, availableAt: options.availableAt ?? occurredAt })
    .returning({ id: ledgerEntries.id });
  let refundEntryId: number | null = null;
  if (options.refundMinor) {
    const refundId = `ref_${uid()}`;
    const at = options.refundAt ?? new Date(occurredAt.getTime() + DAY);
    await db.insert(refunds).values({ id: refundId, orderId: id, amountMinor: options.refundMinor, occurredAt: at });
    const [r] = await db
      .insert(ledgerEntries)
      .values({ creatorId, kind: "refund", amountMinor: -Math.round(options.refundMinor / 10), currency: "EUR", orderId: id, refundId, occurredAt: at, availableAt: at })
      .returning({ id: ledgerEntries.id });
    refundEntryId = r.id;
  }
  return { orderId: id, entryId: entry.id, refundEntryId };
}

/** Stars received per day, as the ingest rollup would have them. */
export async function addDailyStars(creatorId: number, days: { daysAgo: number; stars: number }[]) {
  const db = await getDb();
  for (const d of days) {
    const day = new Date(Date.now() - d.daysAgo * DAY).toISOString().slice(0, 10);
    await db.execute(sql`insert into creator_daily_metrics (creator_id, metric, day, total) values (${creatorId}, 'stars_received', ${day}, ${d.stars})
      on conflict (creator_id, metric, day) do update set total = excluded.total`);
  }
}

/** The payouts of one creator, oldest first. */
export async function payoutsOf(creatorId: number) {
  const db = await getDb();
  return rows<{ id: number; status: string; amount_minor: number; approvals_required: number; version: number; currency: string; period: string }>(
    db,
    sql`select p.id, p.status, p.amount_minor::float8 as amount_minor, p.approvals_required, p.version, p.currency::text as currency, r.period
        from payouts p join payout_runs r on r.id = p.run_id where p.creator_id = ${creatorId} order by p.id`,
  );
}
