import { AuthError } from "next-auth";

/**
 * What a failed sign-in tells the form, or null when `error` is not a sign-in failure (the
 * redirect a successful sign-in throws must go on). Keeps Auth.js's error types inside lib/auth.
 */
export function signInFailure(error: unknown): "login.errors.throttled" | "login.errors.credentials" | null {
  if (!(error instanceof AuthError)) return null;
  const code = (error as AuthError & { code?: string }).code;
  return code === "throttled" ? "login.errors.throttled" : "login.errors.credentials";
}
