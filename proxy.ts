// Next 16's middleware. Two jobs, neither of them authorization (that is lib/dal, on every
// request): a comfort redirect of signed-out visitors away from the role areas, and security
// headers with a per-request CSP nonce.
import { NextResponse, type NextRequest } from "next/server";
import { ACTION_BODY_LIMIT_BYTES, TOO_LARGE_TEXT } from "@/lib/actions/too-large";
import { HSTS, STATIC_SECURITY_HEADERS, contentSecurityPolicy } from "@/lib/security-headers";

const PROTECTED = ["/creator", "/staff", "/marketing", "/admin"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isProtected = PROTECTED.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));

  let response: NextResponse;
  // A server action body over the limit: a 413 the form can show (Next.js would answer a bare 500).
  const length = Number(request.headers.get("content-length") ?? 0);
  if (request.method === "POST" && request.headers.has("next-action") && length > ACTION_BODY_LIMIT_BYTES) {
    response = new NextResponse(TOO_LARGE_TEXT, { status: 413, headers: { "content-type": "text/plain" } });
  } else if (isProtected && !hasSession) {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = `?next=${encodeURIComponent(pathname + search)}`;
    response = NextResponse.redirect(url);
  } else if (pathname.startsWith("/api/")) {
    response = NextResponse.next();
  } else {
    // 128 random bits, base64: what a CSP nonce needs (the UUID's text was 36 bytes, base64ed).
    const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
    const csp = contentSecurityPolicy(nonce);
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("content-security-policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set("content-security-policy", csp);
  }
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  if (process.env.NODE_ENV === "production") response.headers.set("strict-transport-security", HSTS);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|bench-bare).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
