"use server";

import { redirect } from "next/navigation";
import { revalidate } from "@/lib/revalidate";
import { z } from "zod";
import { roleAction } from "@/lib/actions";
import { AREA_ROLES } from "@/lib/dal/session";
import { enrollMe, withdrawMe } from "@/lib/dal/challenges/commands";

const challengeInput = z.object({ challengeId: z.coerce.number().int().positive(), from: z.enum(["list", "page"]).optional() });

export const enrollAction = roleAction(AREA_ROLES.creator, challengeInput, async ({ challengeId, from }, caller) => {
  const { status } = await enrollMe(caller, challengeId);
  revalidate("/creator");
  // Joining from the list opens the challenge, where progress will show, with the confirmation.
  if (from === "list") redirect(`/creator/challenges/${challengeId}?joined=1`);
  return { ok: true, message: status === "enrolled" ? "challenges.enrolled_ok" : "challenges.already_enrolled" };
});

export const withdrawAction = roleAction(AREA_ROLES.creator, challengeInput, async ({ challengeId }, caller) => {
  const { status } = await withdrawMe(caller, challengeId);
  revalidate("/creator");
  return { ok: true, message: status === "withdrawn" ? "challenges.withdrawn_ok" : "challenges.not_enrolled" };
});
