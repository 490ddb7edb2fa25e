import "server-only";
import type { AbstractIntlMessages } from "next-intl";
import { getMessages } from "next-intl/server";
import { AREA_CLIENT_NAMESPACES, COMMON_CLIENT_NAMESPACES, type Area } from "./client-namespaces";

/**
 * The part of the catalog a client provider sends to the browser. The whole catalog (~50 KB)
 * went into every page's payload; the root sends the common namespaces, an area its own too.
 */
export async function clientMessages(area?: Area): Promise<AbstractIntlMessages> {
  const all = await getMessages();
  const wanted: readonly string[] = [...COMMON_CLIENT_NAMESPACES, ...(area ? AREA_CLIENT_NAMESPACES[area] : [])];
  return Object.fromEntries(wanted.filter((k) => k in all).map((k) => [k, all[k]]));
}
