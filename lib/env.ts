// Configuration read from the environment, with development defaults that are safe only locally.
// Every variable is validated by the one schema in env.ts (at the root, so db/ can read it too);
// the server checks it whole at start and refuses to run with a bad value or, in production,
// without its secrets (lib/startup-checks.ts).
import { readEnv } from "../env";

export { readEnv };

const isProduction = process.env.NODE_ENV === "production" && process.env.APP_ENV !== "test";

export const DEV_AUTH_SECRET = "dev-auth-secret-change-me-please-0123456789";
export const DEV_INGEST_SECRET = "dev-ingest-secret";

export function authSecret(): string {
  return readEnv().AUTH_SECRET ?? DEV_AUTH_SECRET;
}

export function ingestSecret(): string {
  return readEnv().INGEST_SECRET ?? DEV_INGEST_SECRET;
}

/** Names of required variables missing in production; empty when the app may start. */
export function missingProductionSecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  const parsed = readEnv(env);
  if (parsed.NODE_ENV !== "production" || parsed.APP_ENV === "test") return [];
  return (["AUTH_SECRET", "INGEST_SECRET"] as const).filter((name) => !parsed[name]);
}

export function facebookConfigured(): boolean {
  const env = readEnv();
  return Boolean(env.AUTH_FACEBOOK_ID && env.AUTH_FACEBOOK_SECRET);
}

// Payout minimum, four-eyes limit and hold periods: lib/domain/payout-rules.ts.
/** Failed sign-ins one client may make for one account (15 minutes) before it is refused. */
export const signInFailureLimit = () => readEnv().SIGN_IN_FAILURE_LIMIT;

/**
 * How many proxies in front of the app append to `X-Forwarded-For` and are trusted (default 0:
 * the header is ignored and the connection's peer is the client). 0 to 5; anything else stops
 * the server at start rather than trusting what a client wrote.
 */
export function trustedProxyHops(env: NodeJS.ProcessEnv = process.env): number {
  return readEnv(env).TRUSTED_PROXY_HOPS;
}

/** Days of notice enrolled creators get when a live challenge is ended early (default 14). */
export const challengeEndNoticeDays = () => readEnv().CHALLENGE_END_NOTICE_DAYS;

/** The app's public origin from AUTH_URL, or undefined to take the request's host (lib/public-url.ts). */
export const configuredPublicOrigin = (): string | undefined => {
  const url = readEnv().AUTH_URL;
  return url ? new URL(url).origin : undefined;
};

/** The creator pages' cache: on unless DAL_CACHE=off, and how many entries it keeps per process. */
export const dalCacheEnabled = () => readEnv().DAL_CACHE === "on";
export const dalCacheEntries = () => readEnv().DAL_CACHE_ENTRIES;

/** The demo account list on /login, unless HIDE_DEMO_ACCOUNTS=1. */
export const showDemoAccounts = () => readEnv().HIDE_DEMO_ACCOUNTS !== "1";
/** Invitation links shown to the admin: always outside production, in production with SHOW_INVITE_LINKS=1 (no mail is sent yet). */
export const showInviteLinks = () => {
  const env = readEnv();
  return env.NODE_ENV !== "production" || env.SHOW_INVITE_LINKS === "1";
};
/** The bench's floor routes (/bench-bare, /creator/bench-shell), with BENCH_ROUTES=1. */
export const benchRoutesOn = () => readEnv().BENCH_ROUTES === "1";

export { isProduction };
