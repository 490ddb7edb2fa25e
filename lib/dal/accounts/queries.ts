import "server-only";
import { and, eq, like, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { creators, users, type Role } from "@/db/schema";
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
  // Escape LIKE wildcards so a search for "a_b" means exactly that (backslash is LIKE's escape).
  const where = and(
    options.q ? like(users.email, `%${options.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
    options.role ? eq(users.role, options.role) : undefined,
  );
  const offset = (Math.max(1, options.page) - 1) * USERS_PAGE_SIZE;
  const [found, [count]] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        creatorHandle: creators.handle,
        disabled: sql<boolean>`(${users.disabledAt} is not null)`,
        createdAt: users.createdAt,
      })
      .from(users)
      .leftJoin(creators, eq(creators.userId, users.id))
      .where(where)
      .orderBy(sql`case ${users.role} when 'admin' then 0 when 'staff' then 1 when 'marketing' then 2 else 3 end`, users.email)
      .limit(USERS_PAGE_SIZE)
      .offset(offset),
    db.select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(users).where(where),
  ]);
  return { total: count.n, users: found };
}
