import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rows } from "@/db";
import { asCaller } from "@/test/caller";
import { DomainError } from "@/lib/errors";
import { createUser } from "@/test/factories";
import { changeUserRole } from "./commands";

describe("last admin (PostgreSQL)", () => {
  it("keeps one admin when the last two demote each other at the same moment", async () => {
    const db = await getDb();
    await db.execute(sql`update users set disabled_at = now() where role = 'admin'`);
    const a = await createUser("admin");
    const b = await createUser("admin");
    // Hold the admins' rows so both requests get past their role check before either writes.
    let racing: Promise<PromiseSettledResult<unknown>[]> | undefined;
    await db.transaction(async (tx) => {
      await tx.execute(sql`select id from users where role = 'admin' and disabled_at is null for update`);
      racing = Promise.allSettled([
        asCaller(a.id, (c) => changeUserRole(c, { userId: b.id, currentRole: "admin", role: "staff" })),
        asCaller(b.id, (c) => changeUserRole(c, { userId: a.id, currentRole: "admin", role: "staff" })),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    const outcomes = await racing!;
    const codes = outcomes.map((o) => (o.status === "fulfilled" ? "ok" : o.reason instanceof DomainError ? o.reason.code : String(o.reason))).sort();
    expect(codes[0]).toBe("admin.errors.last_admin");
    expect(codes[1]).toBe("ok");
    const [n] = await rows<{ n: number }>(db, sql`select count(*)::int as n from users where role = 'admin' and disabled_at is null`);
    expect(n.n).toBe(1);
  });
});
