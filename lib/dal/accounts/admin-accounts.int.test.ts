import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setUserDisabledAction } from "@/app/admin/users/actions";
import { getDb, rows } from "@/db";
import { runAs } from "@/lib/auth/identity";
import { asCaller } from "@/test/caller";
import { DomainError } from "@/lib/errors";
import { TEST_PASSWORD, createUser } from "@/test/factories";
import { setUserDisabled } from "./commands";
import { checkCredentials } from "@/lib/auth/credentials";
import { getCurrentUser } from "@/lib/dal/session";

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => "no error",
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

describe("disabling and re-enabling accounts", () => {
  it("ends the user's sessions and sign-in at once, lets them back in when re-enabled, and audits both", async () => {
    const admin = await createUser("admin");
    const user = await createUser("marketing");
    await expect(runAs(user.id, () => getCurrentUser(), { sessionVersion: 0 })).resolves.toMatchObject({ id: user.id });
    expect(await runAs(admin.id, () => setUserDisabledAction(null, { userId: String(user.id), disabled: "1" }))).toMatchObject({
      ok: true,
      message: "trust.users.disabledOk",
    });
    await expect(runAs(user.id, () => getCurrentUser(), { sessionVersion: 0 })).resolves.toBeNull();
    expect((await checkCredentials(user.email, TEST_PASSWORD, "10.7.0.1")).status).toBe("wrong");

    await asCaller(admin.id, (c) => setUserDisabled(c, { userId: user.id, disabled: false }));
    expect((await checkCredentials(user.email, TEST_PASSWORD, "10.7.0.2")).status).toBe("ok");
    // The old session stays ended: re-enabling does not revive copied cookies.
    await expect(runAs(user.id, () => getCurrentUser(), { sessionVersion: 0 })).resolves.toBeNull();
    await expect(runAs(user.id, () => getCurrentUser(), { sessionVersion: 1 })).resolves.toMatchObject({ id: user.id });

    const db = await getDb();
    const audit = await rows<{ action: string; actor_id: number }>(
      db,
      sql`select action, actor_id from audit_log where entity_type = 'user' and entity_id = ${String(user.id)} order by id`,
    );
    expect(audit).toEqual([
      { action: "user.disable", actor_id: admin.id },
      { action: "user.enable", actor_id: admin.id },
    ]);
  });

  it("refuses disabling one's own account and the last enabled admin; creators and staff cannot call it", async () => {
    const admin = await createUser("admin");
    expect(await failure(asCaller(admin.id, (c) => setUserDisabled(c, { userId: admin.id, disabled: true })))).toBe("trust.users.errors.own_account");
    const staff = await createUser("staff");
    expect(await runAs(staff.id, () => setUserDisabledAction(null, { userId: String(admin.id), disabled: "1" }))).toMatchObject({
      ok: false,
      message: "errors.forbidden",
    });
    // An admin may disable another admin while one enabled admin remains.
    const second = await createUser("admin");
    await expect(asCaller(admin.id, (c) => setUserDisabled(c, { userId: second.id, disabled: true }))).resolves.toEqual({ changed: true });
  });
});
