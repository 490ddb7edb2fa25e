// Configuration read from the environment, with development defaults that are safe only locally.
// In production the server refuses to start without its secrets (see instrumentation.ts).

const isProduction = process.env.NODE_ENV === "production" && process.env.APP_ENV !== "test";

export const DEV_AUTH_SECRET = "dev-auth-secret-change-me-please-0123456789";
export const DEV_INGEST_SECRET = "dev-ingest-secret";

export function authSecret(): string {
  return process.env.AUTH_SECRET ?? DEV_AUTH_SECRET;
}

export function ingestSecret(): string {
  return process.env.INGEST_SECRET ?? DEV_INGEST_SECRET;
}

/** Names of required variables missing in production; empty when the app may start. */
export function missingProductionSecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.NODE_ENV !== "production" || env.APP_ENV === "test") return [];
  return ["AUTH_SECRET", "INGEST_SECRET"].filter((name) => !env[name]);
}

export function facebookConfigured(): boolean {
  return Boolean(process.env.AUTH_FACEBOOK_ID && process.env.AUTH_FACEBOOK_SECRET);
}

function integerFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`);
  return value;
}

// Payout minimum, four-eyes limit and hold periods: lib/domain/payout-rules.ts.
/** Failed sign-ins one client may make for one account (15 minutes) before it is refused. */
export const signInFailureLimit = () => integerFromEnv("SIGN_IN_FAILURE_LIMIT", 10);

/**
 * How many proxies in front of the app append to `X-Forwarded-For` and are trusted (default 0:
 * the header is ignored and the connection's peer is the client). 0 to 5; anything else stops
 * the server at start rather than trusting what a client wrote.
 */
export function trustedProxyHops(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TRUSTED_PROXY_HOPS;
  if (raw === undefined || raw.trim() === "") return 0;
  if (!/^[0-5]$/.test(raw.trim())) throw new Error("TRUSTED_PROXY_HOPS must be a whole number from 0 to 5");
  return Number(raw.trim());
}

/** Days of notice enrolled creators get when a live challenge is ended early (default 14). */
export const challengeEndNoticeDays = () => integerFromEnv("CHALLENGE_END_NOTICE_DAYS", 14);

export { isProduction };
