import "server-only";
import { cache } from "react";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { creators, users, type Role } from "@/db/schema";
import { sessionIdentity } from "@/lib/auth/identity";
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

/**
 * The signed-in user, read fresh from the database once per request: a disabled account, a
 * changed role or a sign-out elsewhere (the session version moved on) takes effect on the next
 * request, whatever the session token still says.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const identity = await sessionIdentity();
  if (identity === null) return null;
  const { uid, sv } = identity;
  return readAccount(uid, sv);
});

/**
 * An enabled account with its creator profile, if any; with a session version, only while the
 * account's version still matches (a sign-out elsewhere, a role change or a disable moved it on).
 */
export async function readAccount(userId: number, sessionVersion?: number): Promise<CurrentUser | null> {
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
    .where(and(eq(users.id, userId), isNull(users.disabledAt), sessionVersion === undefined ? undefined : eq(users.sessionVersion, sessionVersion)));
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------
// The caller. Every data access function takes one as its first argument and checks its role
// against its own list (allow, allowCreator, allowSystem below). A Caller is only minted here,
// from the session read fresh from the database, and in lib/dal/system-caller.ts (ingest, the
// CLI and the seed, which the linter keeps out of app/): code that holds one was authenticated.

declare const callerBrand: unique symbol;
type Branded<T> = T & { readonly [callerBrand]: true };

/** A signed-in account, as the database says it is now. */
export type UserCaller = Branded<CurrentUser & { readonly kind: "user" }>;
/** A creator account with a creator profile: what the creator's own functions act on. */
export type CreatorCaller = UserCaller & { readonly creatorId: number; readonly creatorHandle: string };
/**
 * No session: the signed ingest endpoints (the platform and the shop), the CLI payout run and
 * the demo seed. `actorId` is the account a run or decision is recorded under, if any.
 */
export type SystemCaller = Branded<{ readonly kind: "system"; readonly purpose: "ingest" | "cli" | "seed"; readonly actorId: number | null }>;
export type Caller = UserCaller | SystemCaller;

/** For this module and lib/dal/system-caller.ts only: the one place a brand is applied. */
export function mintCaller<C extends { kind: "user" | "system" }>(value: C): Branded<C> {
  return Object.freeze(value) as Branded<C>;
}

/** The request's caller, or null when signed out (once per request, like getCurrentUser). */
export const currentCaller = cache(async (): Promise<UserCaller | null> => {
  const user = await getCurrentUser();
  return user ? mintCaller({ ...user, kind: "user" as const }) : null;
});

/** A data access function's check: the caller is a signed-in account with one of `roles`. */
export function allow<R extends Role>(caller: Caller, roles: readonly R[]): UserCaller & { readonly role: R } {
  if (caller.kind !== "user") throw new ForbiddenError();
  if (!(roles as readonly Role[]).includes(caller.role)) throw new ForbiddenError();
  return caller as UserCaller & { readonly role: R };
}

/** A creator acting on their own profile; a creator account without a profile has nothing to act on. */
export function allowCreator(caller: Caller): CreatorCaller {
  const user = allow(caller, AREA_ROLES.creator);
  if (user.creatorId === null || user.creatorHandle === null) throw new ForbiddenError("no_creator_profile");
  return user as CreatorCaller;
}

/** Ingest, the CLI run and the seed: never a signed-in account. */
export function allowSystem(caller: Caller, purposes: readonly SystemCaller["purpose"][]): SystemCaller {
  if (caller.kind !== "system" || !purposes.includes(caller.purpose)) throw new ForbiddenError();
  return caller;
}

/** For pages and route handlers: signed-out visitors go to /login, other roles get the 403 page. */
export async function requireRole<R extends Role>(allowed: readonly R[]): Promise<UserCaller & { readonly role: R }> {
  const caller = await currentCaller();
  // Imported here: scripts load this module under `--conditions=react-server`, where the plain
  // next/navigation (a client module) cannot load; inside Next both resolve to its server build.
  const { forbidden, redirect } = await import("next/navigation");
  if (!caller) return redirect("/login");
  if (!(allowed as readonly Role[]).includes(caller.role)) return forbidden();
  return caller as UserCaller & { readonly role: R };
}

/** For actions and route handlers that answer with a message: throws instead of navigating. */
export async function assertRole<R extends Role>(allowed: readonly R[]): Promise<UserCaller & { readonly role: R }> {
  const caller = await currentCaller();
  if (!caller) throw new UnauthenticatedError();
  return allow(caller, allowed);
}

/** A creator's own profile id; a creator account without a profile has nothing to act on. */
export async function assertCreator(): Promise<CreatorCaller> {
  const caller = await currentCaller();
  if (!caller) throw new UnauthenticatedError();
  return allowCreator(caller);
}
