import { z } from "zod";
import { INVITE_ROLES, PASSWORD_MIN } from "./invite-limits";
import { safeText } from "./safe-text";

export { INVITE_ROLES, PASSWORD_MIN };

export const inviteSchema = z.object({
  email: safeText().trim().toLowerCase().email("invite.validation.email").max(254, "invite.validation.email"),
  role: z.enum(INVITE_ROLES, { message: "invite.validation.role" }),
});

export const acceptInviteSchema = z.object({
  token: safeText().min(1).max(200),
  name: safeText().trim().min(1, "invite.validation.name").max(120, "invite.validation.name_long"),
  password: safeText().min(PASSWORD_MIN, "invite.validation.password_short").max(200, "invite.validation.password_long"),
});

export const revokeInviteSchema = z.object({ invitationId: z.coerce.number().int().positive() });
