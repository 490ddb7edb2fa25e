import type { APIRequestContext } from "@playwright/test";
import { sign } from "../lib/domain/signature";

// The e2e server runs with this secret (playwright.config.ts).
export const E2E_INGEST_SECRET = "e2e-ingest-secret";

/** Posts a signed batch, as the platform would, to /api/events or /api/orders. */
export async function postSigned(request: APIRequestContext, path: "/api/events" | "/api/orders", payload: unknown) {
  const body = JSON.stringify(payload);
  const response = await request.post(path, {
    data: body,
    headers: { "content-type": "application/json", "x-signature": sign(body, E2E_INGEST_SECRET) },
  });
  return { status: response.status(), body: await response.json() };
}
