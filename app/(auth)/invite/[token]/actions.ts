"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions";
import { acceptInvitation } from "@/lib/dal/accounts/invitations";
import { DomainError } from "@/lib/errors";
import { acceptInviteSchema } from "@/lib/validation/invite";

export const acceptInvitationAction = publicAction(acceptInviteSchema, async (input) => {
  try {
    await acceptInvitation(input);
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, message: error.code, input: { name: input.name } };
    throw error;
  }
  redirect("/login?invited=1");
});
