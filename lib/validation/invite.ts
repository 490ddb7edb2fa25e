import { z } from "zod";
import { safeText } from "./safe-text";

/** Same list as INVITABLE_ROLES in lib/dal/invitations.ts (not "creator": they need a profile). */
export const INVITE_ROLES = ["staff", "marketing", "admin"] as const;

/** NIST SP 800-63B asks for at least 8; we ask for 12 since nothing else limits guesses offline. */
export const PASSWORD_MIN = 12;

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
