// Sign-in's reads and writes (the throttle, the password check, the OAuth account). They run
// before any session exists, so they take no caller. They live in lib/auth, not the DAL, so the
// dependency points one way: the DAL uses lib/auth (the session's identity, password hashing),
// lib/auth never imports the DAL.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, rows } from "@/db";
import { signInAttempts, users } from "@/db/schema";
import { decoyHash, verifyPassword } from "./password";
import { signInFailureLimit } from "@/lib/env";

export type CredentialCheck =
  | { status: "ok"; user: { id: number; name: string; email: string; sessionVersion: number } }
  | { status: "wrong" }
  | { status: "throttled" };

/** Failures older than this no longer count. */
const WINDOW = sql`interval '15 minutes'`;
/** A client's failures across all accounts before it is refused (password spraying), × the limit. */
const CLIENT_FACTOR = 10;
/** The per-account slowdown starts at this delay and doubles, up to the cap. */
const FIRST_DELAY_MS = 500;
export const MAX_DELAY_MS = 10_000;

/**
 * How long the answer for an account waits, given its recent failures from every client: none
 * up to the limit, then doubling up to MAX_DELAY_MS. It slows guessing from many addresses
 * without ever locking the owner out.
 */
export function accountDelayMs(failures: number, limit = signInFailureLimit()): number {
  if (failures < limit) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** Math.min(failures - limit, 20), MAX_DELAY_MS);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Verifies an email and password for sign-in. No caller: it runs before any session exists, so
 * it is a DAL entry point without a role check (like the OAuth lookup below). Throttling follows OWASP's authentication guidance:
 * - one client failing on one account is refused after the limit (15 minutes, reset by a success);
 * - one client failing on many accounts is refused after 10× the limit, except on accounts it
 *   signed in to before (an office behind one address keeps working);
 * - an account failing from many clients answers ever more slowly, but is never locked: the
 *   owner's correct password from their own client still signs in.
 * Refused attempts are not verified (no argon2 work) and not recorded. Old attempts are purged.
 */
export async function checkCredentials(email: string, password: string, client: string, wait: (ms: number) => Promise<void> = sleep): Promise<CredentialCheck> {
  const db = await getDb();
  const limit = signInFailureLimit();
  await db.execute(
    sql`delete from sign_in_attempts
        where created_at < now() - interval '30 days' or (not succeeded and created_at < now() - interval '1 day')`,
  );
  const [counts] = await rows<{ pair: number; client: number; account: number; known: boolean }>(
    db,
    sql`select
          count(*) filter (where email = ${email} and ip = ${client}
                           and created_at > coalesce((select max(created_at) from sign_in_attempts
                                                      where email = ${email} and ip = ${client} and succeeded), '-infinity'))::int as pair,
          count(*) filter (where ip = ${client})::int as client,
          count(*) filter (where email = ${email})::int as account,
          exists (select 1 from sign_in_attempts where email = ${email} and ip = ${client} and succeeded) as known
        from sign_in_attempts
        where not succeeded and created_at > now() - ${WINDOW} and (email = ${email} or ip = ${client})`,
  );
  if (counts.pair >= limit || (counts.client >= CLIENT_FACTOR * limit && !counts.known)) return { status: "throttled" };
  const delay = accountDelayMs(counts.account, limit);
  if (delay > 0) await wait(delay);

  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.email, email));
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  const ok = Boolean(user && user.passwordHash && valid && !user.disabledAt);
  await db.insert(signInAttempts).values({ email, ip: client, succeeded: ok });
  return ok && user
    ? { status: "ok", user: { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion } }
    : { status: "wrong" };
}

/** The account an OAuth sign-in maps to, by verified email; none means no sign-in. No caller: it runs before any session exists. */
export async function findUserForOAuth(email: string): Promise<{ id: number; sessionVersion: number } | null> {
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, sessionVersion: users.sessionVersion })
    .from(users)
    .where(and(eq(users.email, email.toLowerCase()), sql`${users.disabledAt} is null`));
  return user ?? null;
}
