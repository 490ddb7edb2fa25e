// Server action bodies over 1 MiB. Next.js refuses them with a bare 500 that the form cannot
// read, so server.mjs answers first with a 413 and this plain-text message; Next's client turns
// a text/plain error answer into an Error with this message, which useFormAction recognises.
// Plain JS so that server.mjs can import it under Node; types in too-large.d.mts.
export const ACTION_BODY_LIMIT_BYTES = 1_048_576;
export const TOO_LARGE_TEXT = "Request body over 1 MB: shorten the text and try again.";
/** The translation key the form shows instead. */
export const TOO_LARGE_KEY = "trust.errors.too_large";
