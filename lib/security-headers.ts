// Security headers for every response, and the page Content-Security-Policy with a fresh
// nonce per request (Next.js puts the nonce on its own scripts when it sees it in the CSP).

// The policy around the nonce, built once per mode: the proxy only inserts the nonce.
const policyParts = new Map<boolean, [string, string]>();

export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === "development"): string {
  let parts = policyParts.get(dev);
  if (!parts) {
    const [before, after] = buildPolicy("\u0000", dev).split("\u0000");
    policyParts.set(dev, (parts = [before, after]));
  }
  return parts[0] + nonce + parts[1];
}

function buildPolicy(nonce: string, dev: boolean): string {
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

export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

export const HSTS = "max-age=63072000; includeSubDomains; preload";
