// The callers without a session: ingest (after lib/api/signed-batch.ts has verified the
// batch's signature), the CLI payout run (scripts/payouts-run.ts) and the demo seed. The
// linter forbids this module under app/ (eslint.config.mjs): a page, action or route handler
// acts as the session's caller (lib/dal/session.ts), never as the system.
import "server-only";
import { UnauthenticatedError } from "@/lib/errors";
import { mintCaller, readAccount, type SystemCaller, type UserCaller } from "./session";

/** The system, for one purpose, optionally recording an account as the author of what it does. */
export function systemCaller(purpose: SystemCaller["purpose"], actorId: number | null = null): SystemCaller {
  return mintCaller({ kind: "system" as const, purpose, actorId });
}

/**
 * An enabled account acting without a session (the seed's reviewers, the CLI's --as): the
 * caller is read from the database exactly as a session's is, so its role is checked as usual.
 */
export async function callerForUser(userId: number): Promise<UserCaller> {
  const row = await readAccount(userId);
  if (!row) throw new UnauthenticatedError();
  return mintCaller({ ...row, kind: "user" as const });
}
