import { handleSignedBatch } from "@/lib/api/signed-batch";
import { ingestOrders } from "@/lib/dal/ingest/orders";

export const dynamic = "force-dynamic";

/** Paid orders and refunds from the shop: signed batches of up to 1,000. See docs/ingest-api.md. */
export async function POST(request: Request) {
  return handleSignedBatch(request, "orders", ingestOrders);
}
