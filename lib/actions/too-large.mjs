// Server action bodies over 1 MiB. Next.js refuses them with a bare 500 that the form cannot
// read, so server.mjs answers first with a 413 and this plain-text message; Next's client turns
// a text/plain error answer into an Error with this message, which useFormAction recognises.
// Plain JS so that server.mjs can import it under Node; types in too-large.d.mts.
export const ACTION_BODY_LIMIT_BYTES = 1_048_576;
export const TOO_LARGE_TEXT = "Request body over 1 MB: shorten the text and try again.";
/** The translation key the form shows instead. */
export const TOO_LARGE_KEY = "trust.errors.too_large";

/**
 * Whether server.mjs answers a request itself, before Next.js reads its body: a server action
 * over the limit gets a 413. An action is a POST with the Next-Action header, or any POST to a
 * page, which is how a form submitted before the scripts load reaches its action; the /api routes
 * check their own bodies. The path is read as Next.js reads it (dot segments resolved), so
 * `/api/../creator` is a page. A body that does not say its length (chunked, as some proxies
 * forward every body) is left to Next.js, which stops reading it at the same limit.
 * @param {string | undefined} method
 * @param {string} url
 * @param {Record<string, string | string[] | undefined>} headers
 * @returns {{ status: 413; text: string } | null}
 */
export function actionBodyRefusal(method, url, headers) {
  if (method !== "POST") return null;
  const length = headers["content-length"];
  if (length === undefined || Number(length) <= ACTION_BODY_LIMIT_BYTES) return null;
  if (headers["next-action"] === undefined) {
    let path;
    try {
      path = new URL(url, "http://localhost").pathname;
    } catch {
      path = url;
    }
    if (path === "/api" || path.startsWith("/api/")) return null;
  }
  return { status: 413, text: TOO_LARGE_TEXT };
}
