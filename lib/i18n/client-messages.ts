import "server-only";
import { getLocale, getMessages } from "next-intl/server";
import type { ClientMessages } from "./client";
import { AREA_CLIENT_NAMESPACES, COMMON_CLIENT_NAMESPACES, pick, type Area } from "./client-namespaces";

// One JSON text per language and area, made once per process: the catalogs are fixed at build
// time. Sent as text, the messages cost React one string in the RSC payload instead of an object
// of hundreds of keys walked, written and read back on every request (~1.5 ms of CPU of the
// shell's ~7 ms, measured: bench/NOTES.md, round 8b).
const texts = new Map<string, string>();

/**
 * The part of the catalog a client provider sends to the browser, as JSON. The whole catalog
 * (~50 KB) went into every page's payload; the root's provider sends the common namespaces, an
 * area's provider only its own (lib/i18n/client.tsx adds them to the root's, so nothing is sent twice).
 */
export async function clientMessages(area?: Area): Promise<string> {
  const key = `${await getLocale()}|${area ?? ""}`;
  let text = texts.get(key);
  if (text === undefined) {
    const all = (await getMessages()) as ClientMessages;
    const wanted: readonly string[] = area ? AREA_CLIENT_NAMESPACES[area] : COMMON_CLIENT_NAMESPACES;
    texts.set(key, (text = JSON.stringify(pick(all, wanted))));
  }
  return text;
}
