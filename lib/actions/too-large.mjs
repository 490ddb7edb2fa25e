// Server action bodies over 1 MiB. Next.js refuses them with a bare 500 that the form cannot
// read, so server.mjs answers first with a 413 and this plain-text message; Next's client turns
// a text/plain error answer into an Error with this message, which useFormAction recognises.
// Plain JS so that server.mjs can import it under Node; types in too-large.d.mts.
export const ACTION_BODY_LIMIT_BYTES = 1_048_576;
export const TOO_LARGE_TEXT = "Request body over 1 MB: shorten the text and try again.";
/** The translation key the form shows instead. */
export const TOO_LARGE_KEY = "trust.errors.too_large";

export const LENGTH_REQUIRED_TEXT = "A form's body must say its length.";

/**
 * Whether server.mjs answers a request itself, before Next.js reads its body: a server action
 * (a POST with the Next-Action header, or any POST to a page, which is how a form submitted
 * before the scripts load reaches its action) over the limit gets a 413; one that does not say
 * its length (a chunked body) gets a 411, since its size is only known after reading it, and
 * browsers always send the length of a form or fetch body. The /api routes check their own.
 * @param {string | undefined} method
 * @param {string} url
 * @param {Record<string, string | string[] | undefined>} headers
 * @returns {{ status: 411 | 413; text: string } | null}
 */
export function actionBodyRefusal(method, url, headers) {
  if (method !== "POST") return null;
  if (headers["next-action"] === undefined && (url === "/api" || url.startsWith("/api/"))) return null;
  const length = headers["content-length"];
  if (length === undefined) return { status: 411, text: LENGTH_REQUIRED_TEXT };
  return Number(length) > ACTION_BODY_LIMIT_BYTES ? { status: 413, text: TOO_LARGE_TEXT } : null;
}
