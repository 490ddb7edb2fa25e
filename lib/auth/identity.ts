// Who is calling. Pages and actions get it from the Auth.js session; integration tests run
// data-access code "as" a user through AsyncLocalStorage instead of forging cookies.
import { AsyncLocalStorage } from "node:async_hooks";

const testIdentity = new AsyncLocalStorage<{ userId: number | null }>();

/** Runs fn as the given user (tests and scripts only; refused in production). */
export function runAs<T>(userId: number | null, fn: () => Promise<T>): Promise<T> {
  if (process.env.NODE_ENV === "production" && process.env.APP_ENV !== "test") {
    throw new Error("runAs is for tests and scripts");
  }
  return testIdentity.run({ userId }, fn);
}

export function identityOverride(): { userId: number | null } | undefined {
  return testIdentity.getStore();
}
