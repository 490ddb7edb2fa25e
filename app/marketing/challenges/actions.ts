"use server";

import { z } from "zod";
import { roleAction } from "@/lib/actions";
import { changeChallengeStatus, endChallengeEarly, saveChallenge } from "@/lib/dal/challenge-authoring/commands";
import { AREA_ROLES } from "@/lib/dal/session";
import { challengeEndNoticeDays } from "@/lib/env";
import { revalidate } from "@/lib/revalidate";
import { challengeFormSchema, utcDateTimeField } from "@/lib/validation/challenge";

const refresh = () => {
  revalidate("/marketing/challenges");
  // Creators' lists and home show live challenges and early-end notices.
  revalidate("/creator");
};

/** Creates a draft or saves an existing challenge; field errors come back with what was typed. */
export const saveChallengeAction = roleAction<typeof challengeFormSchema, { id: number; created: boolean }>(
  AREA_ROLES.marketing,
  challengeFormSchema,
  async (input, caller) => {
    const outcome = await saveChallenge(caller, input);
    if (!outcome.ok) return { ok: false, message: "errors.invalid_input", fieldErrors: outcome.fieldErrors, values: outcome.values };
    refresh();
    return { ok: true, message: outcome.created ? "marketing.form.created" : "marketing.form.saved", data: { id: outcome.id, created: outcome.created } };
  },
);

const statusInput = z.object({
  challengeId: z.coerce.number().int().positive(),
  transition: z.enum(["publish", "schedule", "unpublish", "archive"]),
});

/** Publish now, schedule, unpublish or archive; a challenge that is not complete says what is missing. */
export const changeStatusAction = roleAction(AREA_ROLES.marketing, statusInput, async ({ challengeId, transition }, caller) => {
  const outcome = await changeChallengeStatus(caller, challengeId, transition);
  if (!outcome.ok) return { ok: false, message: "marketing.errors.incomplete", fieldErrors: outcome.fieldErrors };
  refresh();
  return { ok: true, message: `marketing.status.done.${transition}` };
});

const endEarlyInput = z.object({
  challengeId: z.coerce.number().int().positive(),
  endsAt: utcDateTimeField.optional(),
});

/** Ends a live challenge early, after the notice period; enrolled creators see the new end. */
export const endEarlyAction = roleAction(AREA_ROLES.marketing, endEarlyInput, async ({ challengeId, endsAt }, caller) => {
  const outcome = await endChallengeEarly(caller, challengeId, endsAt ?? null);
  // A date inside the notice period (or not earlier) is refused, naming the limit: never moved silently.
  if (!outcome.ok) {
    // The form formats the date in the reader's language.
    const values = outcome.limit ? { date: outcome.limit.toISOString(), days: challengeEndNoticeDays() } : undefined;
    return { ok: false, message: "errors.invalid_input", fieldErrors: outcome.fieldErrors, values };
  }
  refresh();
  return { ok: true, message: "marketing.status.done.end_early" };
});
