// Builds signed requests to the ingest route handlers exactly as the platform would send them.
import { sign } from "@/lib/domain/signature";
import { ingestSecret } from "@/lib/env";

export function signedRequest(path: string, body: unknown, options: { secret?: string; timestamp?: number; raw?: string } = {}) {
  const text = options.raw ?? JSON.stringify(body);
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-signature": sign(text, options.secret ?? ingestSecret(), options.timestamp) },
    body: text,
  });
}

export async function postSigned(handler: (r: Request) => Promise<Response>, path: string, body: unknown, options = {}) {
  const response = await handler(signedRequest(path, body, options));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
