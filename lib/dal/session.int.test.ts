import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { runAs } from "@/lib/auth/identity";
import { asCaller } from "@/test/caller";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { createCreator, createUser } from "@/test/factories";
import { endSessionsOf } from "@/lib/auth/sessions";
import { changeUserRole } from "./accounts/commands";
import { AREA_ROLES, assertCreator, assertRole, getCurrentUser } from "./session";

describe("session and roles", () => {
  it("reads the signed-in user with their creator profile", async () => {
    const { user, creator } = await createCreator({ handle: "session.reader" });
    const current = await runAs(user.id, () => getCurrentUser());
    expect(current).toMatchObject({ id: user.id, role: "creator", creatorId: creator.id, creatorHandle: "session.reader" });
  });

  it("refuses anonymous callers and other roles", async () => {
    const staff = await createUser("staff");
    await expect(runAs(null, () => assertRole(AREA_ROLES.staff))).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(runAs(staff.id, () => assertRole(AREA_ROLES.marketing))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(runAs(staff.id, () => assertCreator())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(runAs(staff.id, () => assertRole(AREA_ROLES.staff))).resolves.toMatchObject({ id: staff.id });
  });

  it("lets admin into staff and marketing areas but not the creator area", async () => {
    const admin = await createUser("admin");
    for (const area of [AREA_ROLES.staff, AREA_ROLES.marketing, AREA_ROLES.admin]) {
      await expect(runAs(admin.id, () => assertRole(area))).resolves.toMatchObject({ role: "admin" });
    }
    await expect(runAs(admin.id, () => assertRole(AREA_ROLES.creator))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("applies a role change on the next request, whatever the session says", async () => {
    const user = await createUser("staff");
    await expect(runAs(user.id, () => assertRole(AREA_ROLES.staff))).resolves.toBeTruthy();
    const db = await getDb();
    await db.update(users).set({ role: "marketing" }).where(eq(users.id, user.id));
    await expect(runAs(user.id, () => assertRole(AREA_ROLES.staff))).rejects.toBeInstanceOf(ForbiddenError);
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    await expect(runAs(user.id, () => assertRole(AREA_ROLES.marketing))).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("ends every session of a user at once on sign-out and on a role change", async () => {
    const user = await createUser("staff");
    const admin = await createUser("admin");
    // Two devices holding tokens of version 0.
    await expect(runAs(user.id, () => getCurrentUser(), { sessionVersion: 0 })).resolves.toMatchObject({ id: user.id });
    await endSessionsOf({ uid: user.id, sv: 0 });
    await expect(runAs(user.id, () => getCurrentUser(), { sessionVersion: 0 })).resolves.toBeNull();
    await expect(runAs(user.id, () => assertRole(AREA_ROLES.staff), { sessionVersion: 0 })).rejects.toBeInstanceOf(UnauthenticatedError);
    // A copy of the old token signing out again does not end the next sign-in's session.
    await endSessionsOf({ uid: user.id, sv: 0 });
    // Signing in again gets the new version; a role change ends that session too.
    await expect(runAs(user.id, () => getCurrentUser(), { sessionVersion: 1 })).resolves.toMatchObject({ id: user.id });
    await asCaller(admin.id, (c) => changeUserRole(c, { userId: user.id, currentRole: "staff", role: "marketing" }));
    await expect(runAs(user.id, () => getCurrentUser(), { sessionVersion: 1 })).resolves.toBeNull();
  });
});
