"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { signOut } from "@/lib/auth/config";
import { publicAction } from "@/lib/actions";
import { updateMyLocale } from "@/lib/dal/accounts/commands";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locale";

export const setLocaleAction = publicAction(z.object({ locale: z.enum(LOCALES) }), async ({ locale }, caller) => {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  // Signed-out visitors only get the cookie.
  if (caller) await updateMyLocale(caller, locale);
  return { ok: true };
});

// Auth.js's signOut event ends the sessions on every device (lib/auth/sessions.ts), as it does
// for its own /api/auth/signout.
const signOutEverywhere = publicAction(z.object({}), async () => {
  await signOut({ redirectTo: "/login" });
  return { ok: true };
});

/**
 * Signs out everywhere: a copy of the session cookie stops working too. A plain form action
 * (no state), through the wrapper like every action: a failure it maps (the database is down
 * when it reads the session) still reaches error.tsx.
 */
export async function signOutAction(): Promise<void> {
  const result = await signOutEverywhere(null, undefined);
  if (!result.ok) throw new Error(result.message);
}
