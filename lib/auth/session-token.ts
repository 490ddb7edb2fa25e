import "server-only";
// The session cookie's claims for pages, actions and route handlers, without Auth.js's request
// machinery. `auth()` ran Auth.js's whole session endpoint for every request: a Request built
// from the headers, a CSRF token made (a random value and a SHA-256) even with no cookie, the
// token decrypted, then encrypted again for a cookie a page cannot set. This decrypts the cookie
// with Auth.js's own `decode` (same secret, same salt: the cookie's name, same expiry check) once
// per token: a token is immutable and its claims are pure, so the next request with the same
// cookie reuses them until the token expires. Who the user is and what they may do is still read
// from the database on every request (lib/dal/session.ts): the token only says who signed in.
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { authSecret } from "@/lib/env";

export type SessionClaims = { uid?: unknown; sv?: unknown };

// As Auth.js names it: the __Secure- prefix on HTTPS. A cookie too large for one is split in
// numbered chunks (name.0, name.1, …); ours is a few hundred bytes, but read those too.
const COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;
const MAX_ENTRIES = 10_000;
const decoded = new Map<string, { claims: SessionClaims; expiresAt: number }>();

type CookieJar = { get(name: string): { value: string } | undefined };

function tokenIn(jar: CookieJar): { name: string; token: string } | null {
  for (const name of COOKIE_NAMES) {
    const whole = jar.get(name)?.value;
    if (whole) return { name, token: whole };
  }
  for (const name of COOKIE_NAMES) {
    if (!jar.get(`${name}.0`)) continue;
    const chunks: string[] = [];
    for (let i = 0; ; i++) {
      const chunk = jar.get(`${name}.${i}`)?.value;
      if (chunk === undefined) break;
      chunks.push(chunk);
    }
    return { name, token: chunks.join("") };
  }
  return null;
}

/** The claims of a session token, or null if it does not decrypt or has expired. */
export async function claimsOf(name: string, token: string): Promise<SessionClaims | null> {
  const key = `${name}\n${token}`;
  const hit = decoded.get(key);
  if (hit) {
    if (hit.expiresAt > Date.now()) return hit.claims;
    decoded.delete(key);
  }
  let payload: { exp?: unknown; uid?: unknown; sv?: unknown } | null;
  try {
    payload = await decode({ token, secret: authSecret(), salt: name });
  } catch {
    // A garbage or foreign cookie, as Auth.js treats it: no session.
    return null;
  }
  if (!payload) return null;
  const expiresAt = typeof payload.exp === "number" ? payload.exp * 1000 : 0;
  if (expiresAt <= Date.now()) return null;
  const claims: SessionClaims = { uid: payload.uid, sv: payload.sv };
  decoded.set(key, { claims, expiresAt });
  if (decoded.size > MAX_ENTRIES) decoded.delete(decoded.keys().next().value!);
  return claims;
}

/** The signed-in session's claims from the request's cookies, or null when signed out. */
export async function sessionClaims(): Promise<SessionClaims | null> {
  const found = tokenIn(await cookies());
  return found ? claimsOf(found.name, found.token) : null;
}
