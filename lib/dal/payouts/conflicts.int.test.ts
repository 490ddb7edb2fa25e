import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { changeRoleAction } from "@/app/admin/users/actions";
import { getDb, rows } from "@/db";
import { users } from "@/db/schema";
import { runAs } from "@/lib/auth/identity";
import { asCaller } from "@/test/caller";
import { DomainError } from "@/lib/errors";
import { HOLD_REASON_CODES } from "@/lib/domain/hold-reasons";
import { addEntry, inPeriod, payoutsOf } from "@/test/ledger";
import { createCreator, createUser } from "@/test/factories";
import { changeUserRole } from "../accounts/commands";
import { startPayoutRun } from "./run";
import { approvePayout, holdPayout, markPayoutPaid, rejectPayout } from "./commands";

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => "no error",
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

let month = 0;
const nextPeriod = () => new Date(Date.UTC(2018, month++, 1)).toISOString().slice(0, 7);

async function auditOf(action: string, entityId: number) {
  const db = await getDb();
  return rows<{ actor_id: number; after: unknown }>(db, sql`select actor_id, after from audit_log where action = ${action} and entity_id = ${String(entityId)}`);
}

describe("a reviewer never decides on their own payout", () => {
  it("refuses approve, hold, reject and mark paid by the owner of the payout's creator profile, and audits each attempt", async () => {
    // A staff member who owns a creator profile (given the role before this was refused).
    const { user: owner, creator } = await createCreator();
    const db = await getDb();
    await db.update(users).set({ role: "staff" }).where(eq(users.id, owner.id));
    const other = await createUser("staff");
    const period = nextPeriod();
    await addEntry(creator.id, 30_000, inPeriod(period));
    await asCaller(other.id, (c) => startPayoutRun(c, period));
    const [payout] = await payoutsOf(creator.id);

    const d = { payoutId: payout.id, version: payout.version };
    expect(await failure(asCaller(owner.id, (c) => approvePayout(c, d)))).toBe("trust.errors.own_payout");
    expect(await failure(asCaller(owner.id, (c) => holdPayout(c, { ...d, reasonCode: HOLD_REASON_CODES[0], note: "n", fix: "f", decideBy: "2999-01-01" })))).toBe(
      "trust.errors.own_payout",
    );
    expect(await failure(asCaller(owner.id, (c) => rejectPayout(c, { ...d, reason: "r" })))).toBe("trust.errors.own_payout");
    // Another reviewer approves; the owner still cannot mark it paid.
    await asCaller(other.id, (c) => approvePayout(c, d));
    expect(await failure(asCaller(owner.id, (c) => markPayoutPaid(c, { payoutId: payout.id, version: payout.version + 1, paymentReference: "X" })))).toBe(
      "trust.errors.own_payout",
    );
    expect((await payoutsOf(creator.id))[0]).toMatchObject({ status: "approved" });

    const refused = await auditOf("payout.own_decision_refused", payout.id);
    expect(refused.map((r) => (r.after as { decision: string }).decision).sort()).toEqual(["approve", "hold", "mark_paid", "reject"]);
    expect(refused.every((r) => r.actor_id === owner.id)).toBe(true);
  });
});

describe("staff and admin roles are refused to creator profile owners", () => {
  it("refuses staff or admin for a user with a creator profile, audits the refusal, and allows marketing", async () => {
    const admin = await createUser("admin");
    const { user } = await createCreator();
    expect(await failure(asCaller(admin.id, (c) => changeUserRole(c, { userId: user.id, currentRole: "creator", role: "staff" })))).toBe(
      "trust.errors.reviewer_owns_creator",
    );
    expect(await runAs(admin.id, () => changeRoleAction(null, { userId: String(user.id), currentRole: "creator", role: "admin" }))).toMatchObject({
      ok: false,
      message: "trust.errors.reviewer_owns_creator",
    });
    const db = await getDb();
    const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, user.id));
    expect(row.role).toBe("creator");
    const refused = await auditOf("user.role_change_refused", user.id);
    expect(refused.map((r) => (r.after as { role: string }).role).sort()).toEqual(["admin", "staff"]);
    // Roles that decide nothing on payouts stay possible.
    await expect(asCaller(admin.id, (c) => changeUserRole(c, { userId: user.id, currentRole: "creator", role: "marketing" }))).resolves.toEqual({ changed: true });
  });
});
