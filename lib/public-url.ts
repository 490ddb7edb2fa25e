import "server-only";
import { headers } from "next/headers";
import { configuredPublicOrigin } from "@/lib/env";

/** The app's public origin for links people copy: AUTH_URL when set, else the request's host. */
export async function publicOrigin(): Promise<string> {
  const configured = configuredPublicOrigin();
  if (configured) return configured;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const local = /^(localhost|127\.|\[::1\])/.test(host);
  const proto = h.get("x-forwarded-proto")?.split(",")[0].trim() ?? (local ? "http" : "https");
  return `${proto}://${host}`;
}
