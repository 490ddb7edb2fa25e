import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";

/**
 * Sign-out: ends every session of the token's account, on every device. Each token carries the
 * session version it was issued with (`sv`), and the DAL refuses a token whose version is no
 * longer the account's (lib/dal/session.ts). Only a token of the current version moves it on, so
 * an old cookie replayed after a sign-out cannot end the sessions of a later sign-in.
 * Auth.js's signOut event calls it (config.ts), for both ways out: the app's sign-out button
 * (signOutAction) and Auth.js's own POST /api/auth/signout.
 */
export async function endSessionsOf(token: Record<string, unknown> | null | undefined): Promise<void> {
  if (typeof token?.uid !== "number" || typeof token.sv !== "number") return;
  const db = await getDb();
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(and(eq(users.id, token.uid), eq(users.sessionVersion, token.sv)));
}
