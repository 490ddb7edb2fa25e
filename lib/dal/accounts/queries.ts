import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rows } from "@/db";
import type { Role } from "@/db/schema";
import { AREA_ROLES, allow, type Caller } from "../session";

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
export async function listUsers(caller: Caller, options: { q?: string; role?: Role; page: number }): Promise<{ users: UserListItem[]; total: number }> {
  allow(caller, AREA_ROLES.admin);
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
