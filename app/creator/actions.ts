"use server";

import { z } from "zod";
import { roleAction } from "@/lib/actions";
import { markMyAwardsSeen } from "@/lib/dal/creator-home/commands";
import { AREA_ROLES } from "@/lib/dal/session";
import { revalidate } from "@/lib/revalidate";

// The ids the banner showed: an award reached after the page rendered keeps its banner.
const dismissInput = z.object({ "awardIds[]": z.array(z.coerce.number().int().positive()).min(1).max(50) });

/** The creator closes the "new milestones" banner: those awards are now seen. */
export const dismissAwardsAction = roleAction(AREA_ROLES.creator, dismissInput, async (input, caller) => {
  await markMyAwardsSeen(caller, input["awardIds[]"]);
  revalidate("/creator");
  return { ok: true };
});
