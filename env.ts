// The environment, validated by one zod schema (the t3 env pattern). It lives at the root and
// depends on zod only, so db/ may import it without importing lib/ (the lint rule holds);
// lib/env.ts builds the app's helpers on it. Parsed when read, never at import: `next build`
// and the tests set variables later, and `next build` needs no DATABASE_URL.
import { z } from "zod";

/** Unset and empty are the same: `DATABASE_URL= next build` means "no database URL". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v), schema.optional());

const wholeNumber = (max = Number.MAX_SAFE_INTEGER, min = 0) => {
  const error = max === Number.MAX_SAFE_INTEGER ? `must be a whole number from ${min} up` : `must be a whole number from ${min} to ${max}`;
  return z.string().regex(/^\d+$/, { error }).transform(Number).pipe(z.number().min(min, { error }).max(max, { error }));
};

/** A switch: "1" turns it on; unset (or empty) is off. */
const flag = () => optional(z.enum(["0", "1"], { error: 'must be "0" or "1"' }));

export const envSchema = z.object({
  NODE_ENV: optional(z.enum(["development", "production", "test"])),
  APP_ENV: optional(z.string()),
  // Database (db/index.ts): PostgreSQL when set, embedded PGlite otherwise.
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, { error: "must be a postgres:// or postgresql:// URL" })),
  DATABASE_POOL_SIZE: optional(wholeNumber(1000, 1)).default(10),
  PGLITE_DIR: optional(z.string()),
  SEED_ON_START: optional(z.enum(["0", "1"], { error: 'must be "0" or "1"' })),
  // Secrets and sign-in (lib/env.ts).
  AUTH_SECRET: optional(z.string()),
  INGEST_SECRET: optional(z.string()),
  AUTH_FACEBOOK_ID: optional(z.string()),
  AUTH_FACEBOOK_SECRET: optional(z.string()),
  SIGN_IN_FAILURE_LIMIT: optional(wholeNumber()).default(10),
  TRUSTED_PROXY_HOPS: optional(wholeNumber(5)).default(0),
  CHALLENGE_END_NOTICE_DAYS: optional(wholeNumber()).default(14),
  // The app's public origin for links people copy (lib/public-url.ts); Auth.js reads it too.
  AUTH_URL: optional(z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })),
  // Payout rules (lib/domain/payout-rules.ts, where their defaults live): minor units.
  PAYOUT_MINIMUM_MINOR: optional(wholeNumber()),
  PAYOUT_FOUR_EYES_LIMIT_EUR_MINOR: optional(wholeNumber()),
  // The creator pages' cache (lib/dal/cache.ts).
  DAL_CACHE: optional(z.enum(["on", "off"], { error: 'must be "on" or "off"' })).default("on"),
  DAL_CACHE_ENTRIES: optional(wholeNumber(10_000_000, 1)).default(2000),
  // Page switches: the demo accounts on /login, invitation links in production, the bench's routes.
  HIDE_DEMO_ACCOUNTS: flag(),
  SHOW_INVITE_LINKS: flag(),
  BENCH_ROUTES: flag(),
});

export type Env = z.infer<typeof envSchema>;

const KEYS = Object.keys(envSchema.shape);
// The last parse of process.env, under its raw values: pages and the cache read the environment
// on every request, and a parse costs far more than this key (tests change variables between reads).
let last: { key: string; env: Env } | undefined;

/** The environment, parsed; throws one message naming every bad variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const key = source === process.env ? KEYS.map((k) => source[k] ?? "\u0000").join("\u0001") : null;
  if (key !== null && last?.key === key) return last.env;
  const parsed = envSchema.safeParse(source);
  if (parsed.success) {
    if (key !== null) last = { key, env: Object.freeze(parsed.data) };
    return parsed.data;
  }
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  throw new Error(`Invalid environment: ${problems.join("; ")}`);
}
