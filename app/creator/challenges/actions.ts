"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { roleAction } from "@/lib/actions";
import { AREA_ROLES } from "@/lib/dal/session";
import { enrollMe, withdrawMe } from "@/lib/dal/challenges";

const challengeInput = z.object({ challengeId: z.coerce.number().int().positive() });

export const enrollAction = roleAction(AREA_ROLES.creator, challengeInput, async ({ challengeId }) => {
  const { status } = await enrollMe(challengeId);
  revalidatePath("/creator", "layout");
  return { ok: true, message: status === "enrolled" ? "challenges.enrolled_ok" : "challenges.already_enrolled" };
});

export const withdrawAction = roleAction(AREA_ROLES.creator, challengeInput, async ({ challengeId }) => {
  const { status } = await withdrawMe(challengeId);
  revalidatePath("/creator", "layout");
  return { ok: true, message: status === "withdrawn" ? "challenges.withdrawn_ok" : "challenges.not_enrolled" };
});
