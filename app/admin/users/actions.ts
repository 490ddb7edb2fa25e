"use server";

import { roleAction } from "@/lib/actions";
import { changeUserRole, setUserDisabled } from "@/lib/dal/accounts/commands";
import { AREA_ROLES } from "@/lib/dal/session";
import { revalidate } from "@/lib/revalidate";
import { changeRoleSchema, setDisabledSchema } from "@/lib/validation/admin";

export const changeRoleAction = roleAction(AREA_ROLES.admin, changeRoleSchema, async (input, caller) => {
  const { changed } = await changeUserRole(caller, input);
  revalidate("/admin/users");
  revalidate("/staff/audit");
  return { ok: true, message: changed ? "admin.users.changed" : "admin.users.unchanged" };
});

export const setUserDisabledAction = roleAction(AREA_ROLES.admin, setDisabledSchema, async (input, caller) => {
  const { changed } = await setUserDisabled(caller, input);
  revalidate("/admin/users");
  revalidate("/staff/audit");
  if (!changed) return { ok: true, message: "trust.users.unchanged" };
  return { ok: true, message: input.disabled ? "trust.users.disabledOk" : "trust.users.enabledOk" };
});
