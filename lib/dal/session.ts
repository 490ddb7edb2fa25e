import "server-only";
import { cache } from "react";
import { and, eq, isNull, sql } from "drizzle-orm";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/db";
import { creators, users, type Role } from "@/db/schema";
import { identityOverride } from "@/lib/auth/identity";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";

export type CurrentUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  locale: "en" | "fr";
  creatorId: number | null;
  creatorHandle: string | null;
};

// Who may enter each area. Admin is "everything above" except being a creator.
export const AREA_ROLES = {
  creator: ["creator"],
  staff: ["staff", "admin"],
  marketing: ["marketing", "admin"],
  admin: ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export const HOME_BY_ROLE: Record<Role, string> = {
  creator: "/creator",
  staff: "/staff/payouts",
  marketing: "/marketing/challenges",
  admin: "/admin/users",
};

/** The session's user and the session version its token carries (tests may leave it out). */
async function sessionIdentity(): Promise<{ uid: number; sv: number | undefined } | null> {
  const override = identityOverride();
  if (override) return override.userId === null ? null : { uid: override.userId, sv: override.sessionVersion };
  const { auth } = await import("@/lib/auth/config");
  const session = await auth();
  const { uid, sv } = (session?.user ?? {}) as { uid?: unknown; sv?: unknown };
  // A token without a version predates session versions: it is not honoured.
  return typeof uid === "number" ? { uid, sv: typeof sv === "number" ? sv : -1 } : null;
}

/**
 * The signed-in user, read fresh from the database once per request: a disabled account, a
 * changed role or a sign-out elsewhere (the session version moved on) takes effect on the next
 * request, whatever the session token still says.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const identity = await sessionIdentity();
  if (identity === null) return null;
  const { uid, sv } = identity;
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      locale: users.locale,
      creatorId: creators.id,
      creatorHandle: creators.handle,
    })
    .from(users)
    .leftJoin(creators, eq(creators.userId, users.id))
    .where(and(eq(users.id, uid), isNull(users.disabledAt), sv === undefined ? undefined : eq(users.sessionVersion, sv)));
  return row ?? null;
});

/** Ends every session of the signed-in user, on every device (sign-out). */
export async function endMySessions(): Promise<void> {
  const me = await getCurrentUser();
  if (!me) return;
  const db = await getDb();
  await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() }).where(eq(users.id, me.id));
}

/** For pages and route handlers: signed-out visitors go to /login, other roles get the 403 page. */
export async function requireRole(allowed: readonly Role[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (!allowed.includes(user.role)) forbidden();
  return user;
}

/** For data access functions: throws instead of navigating, so actions can answer with a message. */
export async function assertRole(allowed: readonly Role[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new UnauthenticatedError();
  if (!allowed.includes(user.role)) throw new ForbiddenError();
  return user;
}

/** A creator's own profile id; a creator account without a profile has nothing to act on. */
export async function assertCreator(): Promise<CurrentUser & { creatorId: number; creatorHandle: string }> {
  const user = await assertRole(AREA_ROLES.creator);
  if (user.creatorId === null || user.creatorHandle === null) throw new ForbiddenError("no_creator_profile");
  return user as CurrentUser & { creatorId: number; creatorHandle: string };
}
