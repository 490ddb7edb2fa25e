import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { creators, roleEnum, users, type Role } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { recordAudit } from "../audit/record";
import { AREA_ROLES, allow, type Caller } from "../session";

/**
 * Changes a user's role, audited in the same transaction. Refused for the admin's own account
 * (nobody locks themselves out or promotes themselves), when the role changed since the admin
 * looked, when it would leave no enabled admin, and when it would give staff or admin to the
 * owner of a creator profile (they could decide on their own payouts); that refusal is audited.
 * A role change ends the user's sessions.
 */
export async function changeUserRole(caller: Caller, input: { userId: number; currentRole: Role; role: Role }): Promise<{ changed: boolean }> {
  const me = allow(caller, AREA_ROLES.admin);
  if (input.userId === me.id) throw new DomainError("admin.errors.own_role");
  if (input.role === input.currentRole) return { changed: false };
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    // Lock the enabled admins first: two admins demoting each other at once take turns, so
    // the second sees the first's change and the last admin stays.
    const admins = await lockEnabledAdmins(tx);
    const [target] = await tx.select({ id: users.id, role: users.role, email: users.email }).from(users).where(eq(users.id, input.userId)).for("update");
    if (!target) throw new DomainError("admin.errors.user_not_found");
    if (target.role !== input.currentRole) throw new DomainError("admin.errors.stale");
    if (target.role === "admin" && input.role !== "admin" && admins.filter((a) => a.id !== target.id).length === 0) {
      throw new DomainError("admin.errors.last_admin");
    }
    if (REVIEWER_ROLES.includes(input.role)) {
      const [owns] = await tx.select({ id: creators.id }).from(creators).where(eq(creators.userId, target.id)).limit(1);
      if (owns) return { changed: false, refused: { email: target.email, role: target.role, creatorId: owns.id } };
    }
    await tx.execute(sql`update users set role = ${input.role}, session_version = session_version + 1, updated_at = now() where id = ${target.id}`);
    await recordAudit(tx, {
      actorId: me.id,
      action: "user.role_change",
      entityType: "user",
      entityId: target.id,
      before: { role: target.role, email: target.email },
      after: { role: input.role, email: target.email },
    });
    return { changed: true, refused: null };
  });
  if (outcome.refused) {
    const { email, role, creatorId } = outcome.refused;
    await recordAudit(db, {
      actorId: me.id,
      action: "user.role_change_refused",
      entityType: "user",
      entityId: input.userId,
      before: { role, email },
      after: { role: input.role, email, reason: "owns_creator_profile", creatorId },
    });
    throw new DomainError("trust.errors.reviewer_owns_creator");
  }
  return { changed: outcome.changed };
}

/** The enabled admins, locked in id order (every admin change takes this lock first). */
function lockEnabledAdmins(tx: Tx) {
  return tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt)))
    .orderBy(users.id)
    .for("update");
}

/** Roles that decide on payouts: never given to someone who owns a creator profile. */
const REVIEWER_ROLES: readonly Role[] = ["staff", "admin"];

/**
 * Disables or re-enables an account, audited in the same transaction. Disabling ends every
 * session of the user at once (session version) and refuses sign-in; re-enabling lets them
 * sign in again. Refused for the admin's own account and for the last enabled admin.
 */
export async function setUserDisabled(caller: Caller, input: { userId: number; disabled: boolean }): Promise<{ changed: boolean }> {
  const me = allow(caller, AREA_ROLES.admin);
  if (input.userId === me.id) throw new DomainError("trust.users.errors.own_account");
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Same lock order as changeUserRole: admins first, then the target.
    const admins = await lockEnabledAdmins(tx);
    const [target] = await tx
      .select({ id: users.id, role: users.role, email: users.email, disabled: sql<boolean>`(${users.disabledAt} is not null)` })
      .from(users)
      .where(eq(users.id, input.userId))
      .for("update");
    if (!target) throw new DomainError("admin.errors.user_not_found");
    if (target.disabled === input.disabled) return { changed: false };
    if (input.disabled && target.role === "admin" && admins.filter((a) => a.id !== target.id).length === 0) {
      throw new DomainError("admin.errors.last_admin");
    }
    await tx.execute(
      input.disabled
        ? sql`update users set disabled_at = now(), session_version = session_version + 1, updated_at = now() where id = ${target.id}`
        : sql`update users set disabled_at = null, updated_at = now() where id = ${target.id}`,
    );
    await recordAudit(tx, {
      actorId: me.id,
      action: input.disabled ? "user.disable" : "user.enable",
      entityType: "user",
      entityId: target.id,
      before: { disabled: target.disabled, email: target.email },
      after: { disabled: input.disabled, email: target.email },
    });
    return { changed: true };
  });
}

/** Every role: what a signed-in account may do to itself. */
const ANY_ACCOUNT = roleEnum.enumValues;

/** Saves the signed-in caller's language (signed-out visitors only get the cookie, in the action). */
export async function updateMyLocale(caller: Caller, locale: "en" | "fr"): Promise<void> {
  const me = allow(caller, ANY_ACCOUNT);
  const db = await getDb();
  await db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, me.id));
}
