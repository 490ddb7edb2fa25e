"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth/config";
import { publicAction } from "@/lib/actions";
import { signInSchema } from "@/lib/validation/auth";

const loginFormSchema = signInSchema.extend({ next: z.string().optional() });

/** Only same-site paths, so ?next= cannot send anyone elsewhere after sign-in. */
function safeNext(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

export const signInAction = publicAction(loginFormSchema, async ({ email, password, next }) => {
  try {
    await signIn("credentials", { email, password, redirectTo: safeNext(next) });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      return { ok: false, message: code === "throttled" ? "login.errors.throttled" : "login.errors.credentials", input: { email } };
    }
    throw error; // the redirect that follows a successful sign-in
  }
  return { ok: true };
});

export async function facebookSignInAction(): Promise<void> {
  await signIn("facebook", { redirectTo: "/" });
}
