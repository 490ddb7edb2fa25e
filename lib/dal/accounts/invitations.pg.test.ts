import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rows } from "@/db";
import { asCaller } from "@/test/caller";
import { DomainError } from "@/lib/errors";
import { createUser } from "@/test/factories";
import { acceptInvitation, inviteUser } from "./invitations";

describe("invitation accept (PostgreSQL)", () => {
  it("creates exactly one user when the same link is accepted twice at the same moment", async () => {
    const db = await getDb();
    const admin = await createUser("admin");
    const email = `race-${Date.now()}@test.example`;
    const { invitationId, path } = await asCaller(admin.id, (c) => inviteUser(c, { email, role: "staff" }));
    const token = path.replace("/invite/", "");
    let racing: Promise<PromiseSettledResult<unknown>[]> | undefined;
    await db.transaction(async (tx) => {
      // Hold the invitation's row so both accepts reach their UPDATE before either commits.
      await tx.execute(sql`select id from user_invitations where id = ${invitationId} for update`);
      racing = Promise.allSettled([
        acceptInvitation({ token, name: "One", password: "first long password" }),
        acceptInvitation({ token, name: "Two", password: "second long password" }),
      ]);
      // Wait (no deadline) until both are blocked on that row lock. Another connection asks:
      // inside a transaction pg_stat_activity is a snapshot taken at its first read.
      for (;;) {
        const [w] = await rows<{ n: number }>(
          db,
          sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like 'update user_invitations set accepted_at%'`,
        );
        if (w.n >= 2) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    const outcomes = await racing!;
    const codes = outcomes.map((o) => (o.status === "fulfilled" ? "ok" : o.reason instanceof DomainError ? o.reason.code : String(o.reason))).sort();
    expect(codes).toEqual(["invite.errors.used", "ok"]);
    const [n] = await rows<{ n: number }>(db, sql`select count(*)::int as n from users where email = ${email}`);
    expect(n.n).toBe(1);
    const [audits] = await rows<{ n: number }>(db, sql`select count(*)::int as n from audit_log where action = 'user.invite_accept' and after->>'email' = ${email}`);
    expect(audits.n).toBe(1);
  });
});
