import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rows } from "@/db";
import type { Role } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { AREA_ROLES, assertRole } from "./session";

export const USERS_PAGE_SIZE = 25;

export type UserListItem = {
  id: number;
  email: string;
  name: string;
  role: Role;
  creatorHandle: string | null;
  disabled: boolean;
  createdAt: Date;
};

/** Users for the admin page, searched by email (substring, case-insensitive), paginated. */
export async function listUsers(options: { q?: string; role?: Role; page: number }): Promise<{ users: UserListItem[]; total: number }> {
  await assertRole(AREA_ROLES.admin);
  const db = await getDb();
  const parts = [sql`true`];
  // Escape LIKE wildcards so a search for "a_b" means exactly that.
  if (options.q) parts.push(sql`u.email like ${`%${options.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (options.role) parts.push(sql`u.role = ${options.role}`);
  const where = sql.join(parts, sql` and `);
  const offset = (Math.max(1, options.page) - 1) * USERS_PAGE_SIZE;
  const [found, [count]] = await Promise.all([
    rows<{ id: number; email: string; name: string; role: Role; handle: string | null; disabled: boolean; created_at: string }>(
      db,
      sql`select u.id, u.email, u.name, u.role, c.handle, (u.disabled_at is not null) as disabled, u.created_at::text as created_at
          from users u left join creators c on c.user_id = u.id
          where ${where}
          order by case u.role when 'admin' then 0 when 'staff' then 1 when 'marketing' then 2 else 3 end, u.email
          limit ${USERS_PAGE_SIZE} offset ${offset}`,
    ),
    rows<{ n: number }>(db, sql`select count(*)::int as n from users u where ${where}`),
  ]);
  return {
    total: count.n,
    users: found.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      creatorHandle: u.handle,
      disabled: u.disabled,
      createdAt: new Date(u.created_at),
    })),
  };
}

/**
 * Changes a user's role, audited in the same transaction. Refused for the admin's own account
 * (nobody locks themselves out or promotes themselves), when the role changed since the admin
 * looked, when it would leave no enabled admin, and when it would give staff or admin to the
 * owner of a creator profile (they could decide on their own payouts); that refusal is audited.
 * A role change ends the user's sessions.
 */
export async function changeUserRole(input: { userId: number; currentRole: Role; role: Role }): Promise<{ changed: boolean }> {
  const me = await assertRole(AREA_ROLES.admin);
  if (input.userId === me.id) throw new DomainError("admin.errors.own_role");
  if (input.role === input.currentRole) return { changed: false };
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    // Lock the enabled admins first: two admins demoting each other at once take turns, so
    // the second sees the first's change and the last admin stays.
    const admins = await rows<{ id: number }>(tx, sql`select id from users where role = 'admin' and disabled_at is null order by id for update`);
    const [target] = await rows<{ id: number; role: Role; email: string }>(tx, sql`select id, role, email from users where id = ${input.userId} for update`);
    if (!target) throw new DomainError("admin.errors.user_not_found");
    if (target.role !== input.currentRole) throw new DomainError("admin.errors.stale");
    if (target.role === "admin" && input.role !== "admin" && admins.filter((a) => a.id !== target.id).length === 0) {
      throw new DomainError("admin.errors.last_admin");
    }
    if (REVIEWER_ROLES.includes(input.role)) {
      const [owns] = await rows<{ id: number }>(tx, sql`select id from creators where user_id = ${target.id} limit 1`);
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

/** Roles that decide on payouts: never given to someone who owns a creator profile. */
const REVIEWER_ROLES: readonly Role[] = ["staff", "admin"];
