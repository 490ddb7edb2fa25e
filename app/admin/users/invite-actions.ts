"use server";

import { roleAction } from "@/lib/actions";
import { inviteUser, revokeInvitation } from "@/lib/dal/accounts/invitations";
import { AREA_ROLES } from "@/lib/dal/session";
import { showInviteLinks } from "@/lib/env";
import { publicOrigin } from "@/lib/public-url";
import { revalidate } from "@/lib/revalidate";
import { inviteSchema, revokeInviteSchema } from "@/lib/validation/invite";

export const inviteUserAction = roleAction(AREA_ROLES.admin, inviteSchema, async (input, caller) => {
  const { path } = await inviteUser(caller, input);
  revalidate("/admin/users");
  revalidate("/staff/audit");
  // No mail is sent yet: outside production (or with SHOW_INVITE_LINKS=1, as the e2e run does)
  // the admin sees the link and the log has it. In production the link is never shown.
  if (!showInviteLinks()) return { ok: true, message: "invite.created", values: { email: input.email } };
  const link = await absolute(path);
  console.info(`[invite] one-time link for ${input.email} (${input.role}): ${link}`);
  return { ok: true, message: "invite.createdWithLink", values: { email: input.email }, data: { link } };
});

export const revokeInvitationAction = roleAction(AREA_ROLES.admin, revokeInviteSchema, async ({ invitationId }, caller) => {
  const { changed } = await revokeInvitation(caller, invitationId);
  revalidate("/admin/users");
  revalidate("/staff/audit");
  return { ok: true, message: changed ? "invite.revoked" : "invite.unchanged" };
});

async function absolute(path: string): Promise<string> {
  try {
    return `${await publicOrigin()}${path}`;
  } catch {
    return path; // outside a request (tests, scripts) there is no host to prefix
  }
}
