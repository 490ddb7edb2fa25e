// Shop rows and signed orders for integration tests, written through the real database and the
// real route handler.
import { POST } from "@/app/api/orders/route";
import { getDb } from "@/db";
import { affiliateLinks, shopProducts } from "@/db/schema";
import { postSigned } from "./signed-request";

let seq = 0;
const unique = () => `${Date.now().toString(36)}${process.pid.toString(36)}${(seq++).toString(36)}`;

export async function createShopProduct(
  overrides: Partial<{ title: string; merchant: string; category: string; priceMinor: number; currency: string; commissionBps: number; returnWindowDays: number; imageUrl: string | null }> = {},
) {
  const db = await getDb();
  const id = unique();
  const [product] = await db
    .insert(shopProducts)
    .values({
      merchant: overrides.merchant ?? "Test Merchant",
      title: overrides.title ?? `Product ${id}`,
      category: overrides.category ?? "tech",
      priceMinor: overrides.priceMinor ?? 4999,
      currency: overrides.currency ?? "EUR",
      url: `https://shop.example/p/test/${id}`,
      imageUrl: overrides.imageUrl ?? null,
      commissionBps: overrides.commissionBps ?? 1000,
      returnWindowDays: overrides.returnWindowDays ?? 30,
    })
    .returning();
  return product;
}

export async function createAffiliateLink(creatorId: number, shopProductId: number, code = `t${unique()}`.slice(0, 32).toLowerCase()) {
  const db = await getDb();
  const [link] = await db.insert(affiliateLinks).values({ creatorId, shopProductId, code }).returning();
  return link;
}

export const orderId = () => `ord_t_${unique()}`;
export const refundId = () => `ref_t_${unique()}`;

export const paid = (affiliateCode: string, amount: number, options: Partial<{ id: string; currency: string; occurredAt: Date; buyer: string }> = {}) => ({
  id: options.id ?? orderId(),
  type: "paid" as const,
  affiliateCode,
  amount,
  currency: options.currency ?? "EUR",
  occurredAt: (options.occurredAt ?? new Date(Date.now() - 60_000)).toISOString(),
  ...(options.buyer ? { buyer: options.buyer } : {}),
});

export const refund = (order: string, amount: number, options: Partial<{ id: string; occurredAt: Date }> = {}) => ({
  id: options.id ?? refundId(),
  type: "refund" as const,
  orderId: order,
  amount,
  occurredAt: (options.occurredAt ?? new Date(Date.now() - 30_000)).toISOString(),
});

export const postOrders = (body: unknown, options = {}) => postSigned(POST, "/api/orders", body, options);
