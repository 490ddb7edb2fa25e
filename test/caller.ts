// Tests act as an account the way a request does: the caller is minted from a session
// (runAs stands in for the cookie) and read fresh from the database, then handed to the DAL.
import { runAs } from "@/lib/auth/identity";
import { currentCaller, type UserCaller } from "@/lib/dal/session";
import { UnauthenticatedError } from "@/lib/errors";

/** The caller a request signed in as `userId` would get (UnauthenticatedError if disabled or unknown). */
export async function callerOf(userId: number, options: { sessionVersion?: number } = {}): Promise<UserCaller> {
  const caller = await runAs(userId, () => currentCaller(), options);
  if (!caller) throw new UnauthenticatedError();
  return caller;
}

/** Runs fn with the caller of `userId`: `asCaller(user.id, (c) => enrollMe(c, id))`. */
export async function asCaller<T>(userId: number, fn: (caller: UserCaller) => Promise<T>): Promise<T> {
  return fn(await callerOf(userId));
}
