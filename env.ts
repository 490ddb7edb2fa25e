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
});

export type Env = z.infer<typeof envSchema>;

const KEYS = Object.keys(envSchema.shape) as (keyof typeof envSchema.shape)[];
// The last parse, by the values it was made from: a page that reads a setting per request
// (the challenge page's notice days) parsed the whole schema each time (~4 ms of its CPU).
// Keyed by the values, not cached once, so a variable changed later (tests, `next build`) is
// read fresh.
let last: { values: string; env: Env } | undefined;

/** The environment, parsed; throws one message naming every bad variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const picked = Object.fromEntries(KEYS.map((k) => [k, source[k]]));
  const values = JSON.stringify(picked);
  if (last?.values === values) return last.env;
  const parsed = envSchema.safeParse(picked);
  if (parsed.success) {
    last = { values, env: Object.freeze(parsed.data) };
    return last.env;
  }
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  throw new Error(`Invalid environment: ${problems.join("; ")}`);
}
