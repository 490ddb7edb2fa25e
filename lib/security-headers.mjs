// Security headers for every response, and the page Content-Security-Policy with a fresh nonce
// per request (Next.js puts the nonce on its own scripts when it finds it in the request's
// `content-security-policy` header). Plain JS so that server.mjs, which sets them before Next.js
// sees the request, can import it under Node; types in security-headers.d.mts.

/** @type {Map<boolean, [string, string]>} The policy around the nonce, built once per mode. */
const policyParts = new Map();

/**
 * @param {string} nonce
 * @param {boolean} [dev]
 * @returns {string}
 */
export function contentSecurityPolicy(nonce, dev = process.env.NODE_ENV === "development") {
  let parts = policyParts.get(dev);
  if (!parts) {
    const [before, after] = buildPolicy("\u0000", dev).split("\u0000");
    policyParts.set(dev, (parts = [before, after]));
  }
  return parts[0] + nonce + parts[1];
}

/**
 * @param {string} nonce
 * @param {boolean} dev
 */
function buildPolicy(nonce, dev) {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonced framework scripts load their chunks; eval only for dev tooling.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Charts and progress bars set inline style attributes.
    "style-src 'self' 'unsafe-inline'",
    // Creators' own product images live on their shops.
    "img-src 'self' https: data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(dev ? [] : ["upgrade-insecure-requests"]),
  ].join("; ");
}

/** 128 random bits, base64: what a CSP nonce needs. */
export function newNonce() {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * Whether a request gets a nonce: pages (and their RSC navigations), not the framework's static
 * files and images, the API, or prefetches (their answer is data, and may be kept for later).
 * @param {string} path the request's URL path, query included
 * @param {Record<string, string | string[] | undefined>} headers
 */
export function wantsNonce(path, headers) {
  return !(
    path.startsWith("/_next/") ||
    path.startsWith("/api/") ||
    path === "/favicon.ico" ||
    // The bench's floor: a route handler's bare HTML, no script.
    path.startsWith("/bench-bare") ||
    headers["next-router-prefetch"] !== undefined ||
    headers["purpose"] === "prefetch"
  );
}

/** @type {Record<string, string>} */
export const STATIC_SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** Production only (an HTTPS deployment): a browser remembers it for two years. */
export const HSTS = "max-age=63072000; includeSubDomains; preload";
