import "server-only";
import { and, count, eq, gt, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { signInAttempts, users } from "@/db/schema";
import { decoyHash, verifyPassword } from "@/lib/auth/password";
import { signInFailureLimit } from "@/lib/env";

export type CredentialCheck =
  | { status: "ok"; user: { id: number; name: string; email: string } }
  | { status: "wrong" }
  | { status: "throttled" };

/**
 * Verifies an email and password for sign-in. Called before any session exists, so it is
 * the one DAL entry point without a role check; it throttles instead: after too many failures
 * in a minute for the email or for the address, it refuses without looking at the password.
 */
export async function checkCredentials(email: string, password: string, ip: string): Promise<CredentialCheck> {
  const db = await getDb();
  const since = sql`now() - interval '1 minute'`;
  const [{ failures }] = await db
    .select({ failures: count() })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.succeeded, false),
        gt(signInAttempts.createdAt, since),
        or(eq(signInAttempts.email, email), eq(signInAttempts.ip, ip)),
      ),
    );
  if (failures >= signInFailureLimit()) {
    await db.insert(signInAttempts).values({ email, ip, succeeded: false });
    return { status: "throttled" };
  }

  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, email));
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  const ok = Boolean(user && user.passwordHash && valid && !user.disabledAt);
  await db.insert(signInAttempts).values({ email, ip, succeeded: ok });
  return ok && user ? { status: "ok", user: { id: user.id, name: user.name, email: user.email } } : { status: "wrong" };
}

/** The account an OAuth sign-in maps to, by verified email; none means no sign-in. */
export async function findUserForOAuth(email: string): Promise<{ id: number } | null> {
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email.toLowerCase()), sql`${users.disabledAt} is null`));
  return user ?? null;
}
