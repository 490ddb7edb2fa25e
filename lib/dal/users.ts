import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { getCurrentUser } from "./session";

/** Saves the signed-in user's language; signed-out visitors only get the cookie. */
export async function updateMyLocale(locale: "en" | "fr"): Promise<void> {
  const user = await getCurrentUser();
  if (!user) return;
  const db = await getDb();
  await db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, user.id));
}
