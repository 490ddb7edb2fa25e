import "server-only";
import { getMessages } from "next-intl/server";
import type { ClientMessages } from "./client";
import { AREA_CLIENT_NAMESPACES, COMMON_CLIENT_NAMESPACES, type Area } from "./client-namespaces";

/**
 * The part of the catalog a client provider sends to the browser. The whole catalog (~50 KB)
 * went into every page's payload; the root's provider sends the common namespaces, an area's
 * provider only its own (lib/i18n/client.tsx adds them to the root's, so nothing is sent twice).
 */
export async function clientMessages(area?: Area): Promise<ClientMessages> {
  const all = (await getMessages()) as ClientMessages;
  const wanted: readonly string[] = area ? AREA_CLIENT_NAMESPACES[area] : COMMON_CLIENT_NAMESPACES;
  return Object.fromEntries(wanted.filter((k) => k in all).map((k) => [k, all[k]]));
}
