"use server";

import { z } from "zod";
import { signIn } from "@/lib/auth/config";
import { signInFailure } from "@/lib/auth/sign-in-failure";
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
    const message = signInFailure(error);
    if (message) return { ok: false, message, input: { email } };
    throw error; // the redirect that follows a successful sign-in
  }
  return { ok: true };
});

const facebookSignIn = publicAction(z.object({}), async () => {
  await signIn("facebook", { redirectTo: "/" }); // throws the redirect to Facebook
  return { ok: true };
});

/** A plain form action (no state), through the wrapper like every action. */
export async function facebookSignInAction(): Promise<void> {
  const result = await facebookSignIn(null, undefined);
  if (!result.ok) throw new Error(result.message);
}
