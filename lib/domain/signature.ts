// HMAC-SHA256 signatures of ingest requests: header `x-signature: t=<unix s>,v1=<hex>` over
// "<t>.<raw body>". Shared by the route handlers, the simulator and the tests.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-signature";
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function sign(body: string, secret: string, timestamp: number = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

export type SignatureCheck = { ok: true } | { ok: false; error: "missing_signature" | "malformed_signature" | "stale_timestamp" | "bad_signature" };

export function verifySignature(
  header: string | null,
  body: string,
  secret: string,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): SignatureCheck {
  if (!header) return { ok: false, error: "missing_signature" };
  const parts = Object.fromEntries(
    header.split(",").map((p) => {
      const i = p.indexOf("=");
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()];
    }),
  );
  const t = Number(parts.t);
  const v1 = parts.v1;
  if (!Number.isInteger(t) || typeof v1 !== "string" || !/^[0-9a-f]{64}$/i.test(v1)) return { ok: false, error: "malformed_signature" };
  if (Math.abs(nowSeconds - t) > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, error: "stale_timestamp" };
  const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest();
  const given = Buffer.from(v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected) ? { ok: true } : { ok: false, error: "bad_signature" };
}
