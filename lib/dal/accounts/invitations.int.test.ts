import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { inviteUserAction, revokeInvitationAction } from "@/app/admin/users/invite-actions";
import { getDb, rows } from "@/db";
import { runAs } from "@/lib/auth/identity";
import { asCaller } from "@/test/caller";
import { DomainError, ForbiddenError } from "@/lib/errors";
import { createUser } from "@/test/factories";
import { listAuditEntries } from "@/lib/dal/audit/queries";
import { checkCredentials } from "@/lib/auth/credentials";
import { acceptInvitation, hashInvitationToken, invitationState, inviteUser, listOpenInvitations } from "./invitations";

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => "no error",
    (e: unknown) => (e instanceof DomainError ? e.code : e instanceof ForbiddenError ? "forbidden" : String(e)),
  );

let n = 0;
const freshEmail = () => `invitee-${Date.now()}-${++n}@test.example`;
const tokenOf = (path: string) => path.replace("/invite/", "");
const PASSWORD = "a long new password";

describe("invitations", () => {
  it("invite → accept → the new user signs in with the new password; both steps audited", async () => {
    const admin = await createUser("admin");
    const email = freshEmail();
    const state = await runAs(admin.id, () => inviteUserAction(null, { email: email.toUpperCase(), role: "marketing" }));
    expect(state).toMatchObject({ ok: true, message: "invite.createdWithLink" });
    const link = state.ok ? (state.data as { link: string }).link : "";
    expect(link).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(link);

    // Only the hash is stored.
    const db = await getDb();
    const [stored] = await rows<{ token_hash: string; role: string; days: number }>(
      db,
      sql`select token_hash, role, round(extract(epoch from expires_at - created_at) / 86400)::int as days from user_invitations where email = ${email}`,
    );
    expect(stored).toEqual({ token_hash: hashInvitationToken(token), role: "marketing", days: 7 });
    expect((await asCaller(admin.id, (c) => listOpenInvitations(c))).map((i) => i.email)).toContain(email);
    expect(await invitationState(token)).toEqual({ state: "open", email, role: "marketing" });

    const created = await runAs(null, () => acceptInvitation({ token, name: "New Marketer", password: PASSWORD }));
    expect(created).toMatchObject({ email, role: "marketing" });
    expect(await checkCredentials(email, PASSWORD, "10.9.0.1")).toEqual({ status: "ok", user: expect.objectContaining({ id: created.userId, name: "New Marketer" }) });
    expect(await invitationState(token)).toEqual({ state: "used" });
    expect(await rows(db, sql`select role, name from users where id = ${created.userId}`)).toEqual([{ role: "marketing", name: "New Marketer" }]);

    const [invitation] = await rows<{ id: number; accepted_user_id: number }>(db, sql`select id, accepted_user_id from user_invitations where email = ${email}`);
    expect(invitation.accepted_user_id).toBe(created.userId);
    const invited = await asCaller(admin.id, (c) => listAuditEntries(c, { entityType: "user_invitation", entityId: String(invitation.id), page: 1 }));
    expect(invited.entries.map((e) => [e.action, e.actorId, e.after?.email, e.after?.role])).toEqual([["user.invite", admin.id, email, "marketing"]]);
    const accepted = await asCaller(admin.id, (c) => listAuditEntries(c, { entityType: "user", entityId: String(created.userId), page: 1 }));
    expect(accepted.entries.map((e) => [e.action, e.actorId, e.after?.invitedBy])).toEqual([["user.invite_accept", created.userId, admin.id]]);
  });

  it("refuses a second accept of the same link", async () => {
    const admin = await createUser("admin");
    const { path } = await asCaller(admin.id, (c) => inviteUser(c, { email: freshEmail(), role: "staff" }));
    await acceptInvitation({ token: tokenOf(path), name: "First", password: PASSWORD });
    expect(await failure(acceptInvitation({ token: tokenOf(path), name: "Second", password: "another long password" }))).toBe("invite.errors.used");
  });

  it("refuses an expired, a revoked and an unknown link", async () => {
    const admin = await createUser("admin");
    const expiredEmail = freshEmail();
    const expired = await asCaller(admin.id, (c) => inviteUser(c, { email: expiredEmail, role: "staff" }));
    const db = await getDb();
    await db.execute(sql`update user_invitations set expires_at = now() - interval '1 minute' where email = ${expiredEmail}`);
    expect(await invitationState(tokenOf(expired.path))).toEqual({ state: "expired" });
    expect(await failure(acceptInvitation({ token: tokenOf(expired.path), name: "Late", password: PASSWORD }))).toBe("invite.errors.expired");
    // An expired invitation no longer blocks a new one.
    await asCaller(admin.id, (c) => inviteUser(c, { email: expiredEmail, role: "staff" }));

    const revoked = await asCaller(admin.id, (c) => inviteUser(c, { email: freshEmail(), role: "admin" }));
    expect(await runAs(admin.id, () => revokeInvitationAction(null, { invitationId: String(revoked.invitationId) }))).toMatchObject({ ok: true, message: "invite.revoked" });
    expect(await failure(acceptInvitation({ token: tokenOf(revoked.path), name: "Gone", password: PASSWORD }))).toBe("invite.errors.invalid");
    const trail = await asCaller(admin.id, (c) => listAuditEntries(c, { entityType: "user_invitation", entityId: String(revoked.invitationId), page: 1 }));
    expect(trail.entries.map((e) => e.action)).toEqual(["user.invite_revoke", "user.invite"]);

    expect(await failure(acceptInvitation({ token: "x".repeat(43), name: "Nobody", password: PASSWORD }))).toBe("invite.errors.invalid");
    const [count] = await rows<{ n: number }>(db, sql`select count(*)::int as n from users where name in ('Late', 'Gone', 'Nobody')`);
    expect(count.n).toBe(0);
  });

  it("refuses an email already used by a user or an open invitation, with field-level messages", async () => {
    const admin = await createUser("admin");
    const existing = await createUser("staff");
    expect(await runAs(admin.id, () => inviteUserAction(null, { email: existing.email, role: "staff" }))).toMatchObject({ ok: false, message: "invite.errors.email_taken" });
    const email = freshEmail();
    await asCaller(admin.id, (c) => inviteUser(c, { email, role: "staff" }));
    expect(await runAs(admin.id, () => inviteUserAction(null, { email, role: "admin" }))).toMatchObject({ ok: false, message: "invite.errors.already_invited" });
    expect(await runAs(admin.id, () => inviteUserAction(null, { email: "not an email", role: "creator" }))).toMatchObject({
      ok: false,
      fieldErrors: { email: ["invite.validation.email"], role: ["invite.validation.role"] },
    });
  });

  it("refuses non-admins", async () => {
    const staff = await createUser("staff");
    const marketing = await createUser("marketing");
    expect(await failure(asCaller(staff.id, (c) => inviteUser(c, { email: freshEmail(), role: "staff" })))).toBe("forbidden");
    expect(await runAs(marketing.id, () => inviteUserAction(null, { email: freshEmail(), role: "admin" }))).toMatchObject({ ok: false, message: "errors.forbidden" });
    expect(await failure(asCaller(staff.id, (c) => listOpenInvitations(c)))).toBe("forbidden");
  });
});
