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
/** Failed sign-ins allowed per email or per address within a minute. */
export const signInFailureLimit = () => integerFromEnv("SIGN_IN_FAILURE_LIMIT", 10);

/** Days of notice enrolled creators get when a live challenge is ended early (default 14). */
export const challengeEndNoticeDays = () => integerFromEnv("CHALLENGE_END_NOTICE_DAYS", 14);

export { isProduction };
