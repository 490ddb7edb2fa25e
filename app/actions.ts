"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { signOut } from "@/lib/auth/config";
import { publicAction } from "@/lib/actions";
import { endMySessions } from "@/lib/dal/session";
import { updateMyLocale } from "@/lib/dal/accounts/commands";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locale";

export const setLocaleAction = publicAction(z.object({ locale: z.enum(LOCALES) }), async ({ locale }) => {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  await updateMyLocale(locale);
  return { ok: true };
});

/** Signs out everywhere: a copy of the session cookie stops working too. */
export async function signOutAction(): Promise<void> {
  await endMySessions();
  await signOut({ redirectTo: "/login" });
}
