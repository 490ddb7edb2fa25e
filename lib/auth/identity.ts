// Who is calling. Pages and actions get it from the Auth.js session; integration tests run
// data-access code "as" a user through AsyncLocalStorage instead of forging cookies.
import { AsyncLocalStorage } from "node:async_hooks";

type Identity = { userId: number | null; sessionVersion?: number };
const testIdentity = new AsyncLocalStorage<Identity>();

/**
 * Runs fn as the given user (tests and scripts only; refused in production). With a
 * `sessionVersion`, it acts as a session token carrying that version would.
 */
export function runAs<T>(userId: number | null, fn: () => Promise<T>, options: { sessionVersion?: number } = {}): Promise<T> {
  if (process.env.NODE_ENV === "production" && process.env.APP_ENV !== "test") {
    throw new Error("runAs is for tests and scripts");
  }
  return testIdentity.run({ userId, sessionVersion: options.sessionVersion }, fn);
}

function identityOverride(): Identity | undefined {
  return testIdentity.getStore();
}

/**
 * The session's user and the session version its token carries (tests may leave it out): the
 * test override if one is set, else the Auth.js session cookie's claims (session-token.ts).
 * What the account is now (enabled, its role) is the DAL's to read (lib/dal/session.ts): this
 * module never imports the DAL.
 */
export async function sessionIdentity(): Promise<{ uid: number; sv: number | undefined } | null> {
  const override = identityOverride();
  if (override) return override.userId === null ? null : { uid: override.userId, sv: override.sessionVersion };
  // Loaded on demand: tests and scripts that act through runAs never load next-auth.
  const { sessionClaims } = await import("./session-token");
  const { uid, sv } = (await sessionClaims()) ?? {};
  // A token without a version predates session versions: it is not honoured.
  return typeof uid === "number" ? { uid, sv: typeof sv === "number" ? sv : -1 } : null;
}
