// Next 16's middleware. One job, not authorization (that is lib/dal, on every request): a comfort
// redirect of signed-out visitors away from the role areas to /login?next=…, so that they come
// back where they were after signing in (the layouts' requireRole sends to bare /login).
// The matcher keeps it off every other request: it runs only on the role areas, and only when
// neither session cookie is there. Running the proxy at all costs about 40 % of a trivial
// request's throughput (bench/NOTES.md, round 7), so a signed-in page view must not pay for it.
// Headers, the CSP nonce and the 413 on oversized action bodies are server.mjs's.
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = `?next=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

// Next reads this statically: literals only. One source for the four areas (a regex parameter;
// `:path*` also matches the area's own root). The cookie names are Auth.js's (also in
// lib/auth/session-token.ts), whole or as the first of its chunks (name.0, …: a signed-in
// visitor all the same, whom a redirect would send to /login and back forever); a prefetch is
// not redirected (the layout answers).
export const config = {
  matcher: [
    {
      source: "/:area(creator|staff|marketing|admin)/:path*",
      missing: [
        { type: "cookie", key: "authjs.session-token" },
        { type: "cookie", key: "__Secure-authjs.session-token" },
        { type: "cookie", key: "authjs.session-token.0" },
        { type: "cookie", key: "__Secure-authjs.session-token.0" },
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
