import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb, rows, type Executor } from "@/db";
import { userInvitations, users, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { DomainError } from "@/lib/errors";
import { recordAudit } from "../audit/record";
import { AREA_ROLES, allow, type Caller } from "../session";
import { timestamp } from "../sql-values";

/**
 * Roles an invitation can give. Not "creator": a creator needs a creator profile (handle,
 * platform, payout currency) to use the app, and an invitation cannot make one.
 */
export const INVITABLE_ROLES = ["staff", "marketing", "admin"] as const satisfies readonly Role[];
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

const INVITATION_DAYS = 7;

/** The link holds a random 32-byte token; the database keeps only its SHA-256. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export type InvitationState = "open" | "invalid" | "expired" | "used";

/**
 * Invites an email with a role (admin only), audited in the same transaction. Refused when a
 * user already has the email or an open invitation exists for it. Returns the one-time path;
 * the token is never stored, so it cannot be shown again.
 */
export async function inviteUser(caller: Caller, input: { email: string; role: InvitableRole }): Promise<{ invitationId: number; path: string; expiresAt: Date }> {
  const me = allow(caller, AREA_ROLES.admin);
  const email = input.email.trim().toLowerCase();
  if (!(INVITABLE_ROLES as readonly string[]).includes(input.role)) throw new DomainError("invite.errors.role");
  const token = randomBytes(32).toString("base64url");
  const db = await getDb();
  const created = await db.transaction(async (tx) => {
    // One invitation per email at a time: two admins inviting the same address take turns,
    // and the second one reads the first's invitation after taking the lock.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`invite:${email}`}))`);
    const [taken] = await rows<{ id: number }>(tx, sql`select id from users where email = ${email} limit 1`);
    if (taken) throw new DomainError("invite.errors.email_taken");
    const [open] = await rows<{ id: number }>(
      tx,
      sql`select id from user_invitations where email = ${email} and accepted_at is null and revoked_at is null and expires_at > now() limit 1`,
    );
    if (open) throw new DomainError("invite.errors.already_invited");
    const [row] = await rows<{ id: number; expires_at: string }>(
      tx,
      sql`insert into user_invitations (email, role, token_hash, invited_by, expires_at)
          values (${email}, ${input.role}, ${hashInvitationToken(token)}, ${me.id}, now() + ${`${INVITATION_DAYS} days`}::interval)
          returning id, expires_at::text as expires_at`,
    );
    await recordAudit(tx, {
      actorId: me.id,
      action: "user.invite",
      entityType: "user_invitation",
      entityId: row.id,
      before: null,
      after: { email, role: input.role, expiresAt: row.expires_at },
    });
    return row;
  });
  return { invitationId: created.id, path: `/invite/${token}`, expiresAt: timestamp(created.expires_at) };
}

export type OpenInvitation = { id: number; email: string; role: Role; invitedBy: string; createdAt: Date; expiresAt: Date };

/** Invitations not yet accepted, revoked or expired, newest first (admin only). */
export async function listOpenInvitations(caller: Caller): Promise<OpenInvitation[]> {
  allow(caller, AREA_ROLES.admin);
  const db = await getDb();
  return db
    .select({
      id: userInvitations.id,
      email: userInvitations.email,
      role: userInvitations.role,
      invitedBy: users.name,
      createdAt: userInvitations.createdAt,
      expiresAt: userInvitations.expiresAt,
    })
    .from(userInvitations)
    .innerJoin(users, eq(users.id, userInvitations.invitedBy))
    .where(and(isNull(userInvitations.acceptedAt), isNull(userInvitations.revokedAt), gt(userInvitations.expiresAt, sql`now()`)))
    .orderBy(desc(userInvitations.createdAt), desc(userInvitations.id))
    .limit(100);
}

/** Revokes an open invitation (admin only), audited; its link stops working at once. */
export async function revokeInvitation(caller: Caller, invitationId: number): Promise<{ changed: boolean }> {
  const me = allow(caller, AREA_ROLES.admin);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await rows<{ id: number; email: string; role: Role }>(
      tx,
      sql`update user_invitations set revoked_at = now()
          where id = ${invitationId} and accepted_at is null and revoked_at is null
          returning id, email, role`,
    );
    if (!row) return { changed: false };
    await recordAudit(tx, {
      actorId: me.id,
      action: "user.invite_revoke",
      entityType: "user_invitation",
      entityId: row.id,
      before: { email: row.email, role: row.role, revoked: false },
      after: { email: row.email, role: row.role, revoked: true },
    });
    return { changed: true };
  });
}

/**
 * What the public page shows for a token, without changing anything (a render never writes).
 * No caller: the visitor has no account yet; the token is the credential.
 */
export async function invitationState(token: string): Promise<{ state: InvitationState; email?: string; role?: Role }> {
  return readInvitation(await getDb(), hashInvitationToken(token));
}

/**
 * Accepts an invitation (public: the token is the credential). Creates the user with the
 * invited role and an argon2id password hash, marks the invitation accepted and audits, all in
 * one transaction. One-time under concurrency too: the conditional UPDATE takes the row lock,
 * so a second accept waits, re-reads `accepted_at` and matches nothing. No caller: the visitor
 * has no account until this returns; the token is the credential.
 */
export async function acceptInvitation(input: { token: string; name: string; password: string }): Promise<{ userId: number; email: string; role: Role }> {
  // Hash first (slow on purpose): the transaction holds the invitation's row lock only briefly.
  const passwordHash = await hashPassword(input.password);
  const tokenHash = hashInvitationToken(input.token);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [invitation] = await rows<{ id: number; email: string; role: Role; invited_by: number }>(
      tx,
      sql`update user_invitations set accepted_at = now()
          where token_hash = ${tokenHash} and accepted_at is null and revoked_at is null and expires_at > now()
          returning id, email, role, invited_by`,
    );
    if (!invitation) {
      const { state } = await readInvitation(tx, tokenHash);
      throw new DomainError(`invite.errors.${state === "open" ? "invalid" : state}`);
    }
    // An account made meanwhile with that email (e.g. the demo seed, or a Facebook sign-up) wins.
    const [user] = await rows<{ id: number }>(
      tx,
      sql`insert into users (email, name, role, password_hash)
          values (${invitation.email}, ${input.name.trim()}, ${invitation.role}, ${passwordHash})
          on conflict (email) do nothing
          returning id`,
    );
    if (!user) throw new DomainError("invite.errors.email_taken");
    await tx.execute(sql`update user_invitations set accepted_user_id = ${user.id} where id = ${invitation.id}`);
    await recordAudit(tx, {
      actorId: user.id,
      action: "user.invite_accept",
      entityType: "user",
      entityId: user.id,
      before: null,
      after: { email: invitation.email, role: invitation.role, invitationId: invitation.id, invitedBy: invitation.invited_by },
    });
    return { userId: user.id, email: invitation.email, role: invitation.role };
  });
}

async function readInvitation(db: Executor, tokenHash: string): Promise<{ state: InvitationState; email?: string; role?: Role }> {
  const [row] = await rows<{ email: string; role: Role; accepted: boolean; revoked: boolean; expired: boolean }>(
    db,
    sql`select email, role, accepted_at is not null as accepted, revoked_at is not null as revoked, expires_at <= now() as expired
        from user_invitations where token_hash = ${tokenHash}`,
  );
  // A revoked invitation reads as an unknown link: the admin took it back.
  if (!row || row.revoked) return { state: "invalid" };
  if (row.accepted) return { state: "used" };
  if (row.expired) return { state: "expired" };
  return { state: "open", email: row.email, role: row.role };
}
