"use server";

import { revalidate } from "@/lib/revalidate";
import { z } from "zod";
import { roleAction } from "@/lib/actions";
import { AREA_ROLES } from "@/lib/dal/session";
import { enrollMe, withdrawMe } from "@/lib/dal/challenges";

const challengeInput = z.object({ challengeId: z.coerce.number().int().positive() });

export const enrollAction = roleAction(AREA_ROLES.creator, challengeInput, async ({ challengeId }) => {
  const { status } = await enrollMe(challengeId);
  revalidate("/creator");
  return { ok: true, message: status === "enrolled" ? "challenges.enrolled_ok" : "challenges.already_enrolled" };
});

export const withdrawAction = roleAction(AREA_ROLES.creator, challengeInput, async ({ challengeId }) => {
  const { status } = await withdrawMe(challengeId);
  revalidate("/creator");
  return { ok: true, message: status === "withdrawn" ? "challenges.withdrawn_ok" : "challenges.not_enrolled" };
});
