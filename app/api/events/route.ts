import { handleSignedBatch } from "@/lib/api/signed-batch";
import { ingestActivityEvents } from "@/lib/dal/ingest/activity";

export const dynamic = "force-dynamic";

/** Activity from the platform: signed batches of up to 1,000 events. See docs/ingest-api.md. */
export async function POST(request: Request) {
  return handleSignedBatch(request, "events", ingestActivityEvents);
}
