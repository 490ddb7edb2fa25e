// The shared front door of the signed ingest endpoints (/api/events, /api/orders): size cap
// before parsing, HMAC signature and freshness, JSON, and the 1,000-item cap. The ingest caller
// is minted here and only here, once the signature verified: the platform and the shop are the
// only principals of these endpoints, and the ingest functions refuse any other caller.
import { ingestSecret } from "@/lib/env";
import { SIGNATURE_HEADER, verifySignature } from "@/lib/domain/signature";
import { isDatabaseUnavailable } from "@/lib/errors";
import type { BatchResult } from "@/lib/dal/ingest/batch";
import type { SystemCaller } from "@/lib/dal/session";
import { systemCaller } from "@/lib/dal/system-caller";
import { MAX_BATCH_ITEMS, MAX_BODY_BYTES } from "@/lib/validation/ingest";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

async function readLimited(request: Request): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Runs `process` on the items of a verified batch under `key` ("events" or "orders"), as the
 * ingest caller, and answers with the shared response shape. The handler only ever sees signed,
 * parsed input, and only a signed request gets a caller.
 */
export async function handleSignedBatch(
  request: Request,
  key: "events" | "orders",
  process: (caller: SystemCaller, items: unknown[]) => Promise<BatchResult>,
): Promise<Response> {
  const body = await readLimited(request);
  if (body === null) return json({ error: `body larger than ${MAX_BODY_BYTES} bytes` }, 413);
  const check = verifySignature(request.headers.get(SIGNATURE_HEADER), body, ingestSecret());
  if (!check.ok) return json({ error: check.error }, 401);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return json({ error: "malformed JSON" }, 400);
  }
  const items = (parsed as Record<string, unknown> | null)?.[key];
  if (typeof parsed !== "object" || parsed === null || !Array.isArray(items)) {
    return json({ error: `body must be an object with an array "${key}"` }, 400);
  }
  if (items.length > MAX_BATCH_ITEMS) return json({ error: `at most ${MAX_BATCH_ITEMS} ${key} per request` }, 413);
  try {
    return json(await process(systemCaller("ingest"), items));
  } catch (error) {
    if (isDatabaseUnavailable(error)) return json({ error: "database unavailable, retry later" }, 503);
    throw error;
  }
}
