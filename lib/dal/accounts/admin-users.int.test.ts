import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { changeRoleAction } from "@/app/admin/users/actions";
import { getDb, rows } from "@/db";
import { users } from "@/db/schema";
import { runAs } from "@/lib/auth/identity";
import { asCaller } from "@/test/caller";
import { DomainError, ForbiddenError } from "@/lib/errors";
import { createUser } from "@/test/factories";
import { changeUserRole } from "./commands";
import { listUsers } from "./queries";
import { listAuditEntries } from "@/lib/dal/audit/queries";

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => "no error",
    (e: unknown) => (e instanceof DomainError ? e.code : e instanceof ForbiddenError ? "forbidden" : String(e)),
  );

const roleOf = async (id: number) => {
  const db = await getDb();
  const [u] = await db.select({ role: users.role }).from(users).where(eq(users.id, id));
  return u.role;
};

describe("admin: users and roles", () => {
  it("lists users searched by email, paginated", async () => {
    const admin = await createUser("admin");
    const target = await createUser("marketing", { email: "find_me.100%@test.example" });
    await createUser("marketing", { email: "findxme@test.example" });
    const found = await asCaller(admin.id, (c) => listUsers(c, { q: "FIND_ME.100%", page: 1 }));
    expect(found.users.map((u) => u.id)).toEqual([target.id]);
    const byRole = await asCaller(admin.id, (c) => listUsers(c, { role: "admin", page: 1 }));
    expect(byRole.users.every((u) => u.role === "admin")).toBe(true);
  });

  it("changes a role and audits it in the same transaction", async () => {
    const admin = await createUser("admin");
    const target = await createUser("marketing");
    const state = await runAs(admin.id, () => changeRoleAction(null, { userId: String(target.id), currentRole: "marketing", role: "staff" }));
    expect(state).toMatchObject({ ok: true, message: "admin.users.changed" });
    expect(await roleOf(target.id)).toBe("staff");
    const trail = await asCaller(admin.id, (c) => listAuditEntries(c, { entityType: "user", entityId: String(target.id), page: 1 }));
    expect(trail.entries.map((e) => [e.action, e.actorId, e.before?.role, e.after?.role])).toEqual([["user.role_change", admin.id, "marketing", "staff"]]);
  });

  it("refuses changing one's own role, a stale role, and non-admins", async () => {
    const admin = await createUser("admin");
    const staff = await createUser("staff");
    const target = await createUser("creator");
    expect(await failure(asCaller(admin.id, (c) => changeUserRole(c, { userId: admin.id, currentRole: "admin", role: "staff" })))).toBe("admin.errors.own_role");
    expect(await failure(asCaller(admin.id, (c) => changeUserRole(c, { userId: target.id, currentRole: "marketing", role: "staff" })))).toBe("admin.errors.stale");
    expect(await runAs(staff.id, () => changeRoleAction(null, { userId: String(target.id), currentRole: "creator", role: "admin" }))).toMatchObject({
      ok: false,
      message: "errors.forbidden",
    });
    expect(await failure(asCaller(staff.id, (c) => listUsers(c, { page: 1 })))).toBe("forbidden");
    expect(await roleOf(target.id)).toBe("creator");
    expect(await roleOf(admin.id)).toBe("admin");
  });

  it("never removes the last admin, even when two admins demote each other", async () => {
    const db = await getDb();
    // Only these two admins are enabled in this database file from here on.
    await db.execute(sql`update users set disabled_at = now() where role = 'admin'`);
    const a = await createUser("admin");
    const b = await createUser("admin");
    await asCaller(a.id, (c) => changeUserRole(c, { userId: b.id, currentRole: "admin", role: "staff" }));
    // b is no longer an admin: b cannot act, and a, the last admin, cannot be demoted by anyone.
    expect(await failure(asCaller(b.id, (c) => changeUserRole(c, { userId: a.id, currentRole: "admin", role: "staff" })))).toBe("forbidden");
    const [n] = await rows<{ n: number }>(db, sql`select count(*)::int as n from users where role = 'admin' and disabled_at is null`);
    expect(n.n).toBe(1);
  });
});
