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

export function identityOverride(): Identity | undefined {
  return testIdentity.getStore();
}
