"use server";

import { roleAction } from "@/lib/actions";
import { changeUserRole } from "@/lib/dal/admin-users";
import { AREA_ROLES } from "@/lib/dal/session";
import { revalidate } from "@/lib/revalidate";
import { changeRoleSchema } from "@/lib/validation/admin";

export const changeRoleAction = roleAction(AREA_ROLES.admin, changeRoleSchema, async (input) => {
  const { changed } = await changeUserRole(input);
  revalidate("/admin/users");
  revalidate("/staff/audit");
  return { ok: true, message: changed ? "admin.users.changed" : "admin.users.unchanged" };
});
