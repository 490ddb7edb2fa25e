// The challenge status machine, as pure functions: which transitions each lifecycle allows,
// what each one writes, and which fields may still change. The DAL applies the plan inside a
// transaction that has locked the row, and audits it.
import { lifecycleOf, type Lifecycle } from "./lifecycle";

export const TRANSITIONS = ["publish", "schedule", "unpublish", "archive", "end_early", "update"] as const;
export type Transition = (typeof TRANSITIONS)[number];

/** Allowed transitions by lifecycle; anything not listed is refused. */
export const ALLOWED: Record<Lifecycle, readonly Transition[]> = {
  draft: ["publish", "schedule", "update"],
  // Publishing a scheduled challenge now moves its start to now.
  scheduled: ["publish", "unpublish", "update"],
  live: ["end_early", "update"],
  ended: ["archive"],
  archived: [],
};

export function canTransition(from: Lifecycle, transition: Transition): boolean {
  return ALLOWED[from].includes(transition);
}

/** Fields of the challenge form, as named in the form and in field errors. */
export const CHALLENGE_FIELDS = [
  "titleEn",
  "titleFr",
  "descriptionEn",
  "descriptionFr",
  "kind",
  "platform",
  "currency",
  "startsAt",
  "endsAt",
  "milestones",
  "minFollowers",
  "maxFollowers",
  "countries",
  "inviteOnly",
  "invites",
  "enrollmentCap",
  "budget",
] as const;
export type ChallengeField = (typeof CHALLENGE_FIELDS)[number];

/** Once live, creators have joined on the published terms: only these may change. */
export const LIVE_EDITABLE: readonly ChallengeField[] = ["descriptionEn", "descriptionFr", "endsAt"];

export function editableFields(lifecycle: Lifecycle): readonly ChallengeField[] {
  switch (lifecycle) {
    case "draft":
    case "scheduled":
      return CHALLENGE_FIELDS;
    case "live":
      return LIVE_EDITABLE;
    default:
      return [];
  }
}

export type ChallengeState = { state: "draft" | "published" | "archived"; startsAt: Date; endsAt: Date; endNoticeAt: Date | null };
export type TransitionPatch = Partial<ChallengeState>;
export type TransitionRefusal = "not_allowed" | "start_not_in_future" | "end_in_past" | "ends_within_notice" | "end_before_notice" | "end_not_earlier";
export type TransitionPlan =
  | { ok: true; patch: TransitionPatch; to: Lifecycle }
  /** `limit`: the earliest allowed end (end_before_notice) or the current end (end_not_earlier). */
  | { ok: false; reason: TransitionRefusal; from: Lifecycle; limit?: Date };

const DAY = 86_400_000;

export type EarlyEnd =
  | { end: Date }
  | { reason: "ends_within_notice" }
  | { reason: "end_before_notice" | "end_not_earlier"; limit: Date };

/**
 * The new end of a challenge ended early: the requested one, or the end of the notice period when
 * none is asked for. A requested end inside the notice period, or not before the current end, is
 * refused with the limit it broke, never moved silently.
 */
export function earlyEnd(input: { now: Date; currentEnd: Date; noticeDays: number; requested?: Date | null }): EarlyEnd {
  const earliest = input.now.getTime() + input.noticeDays * DAY;
  const current = input.currentEnd.getTime();
  if (earliest >= current) return { reason: "ends_within_notice" };
  if (!input.requested) return { end: new Date(earliest) };
  const wanted = input.requested.getTime();
  if (wanted < earliest) return { reason: "end_before_notice", limit: new Date(earliest) };
  if (wanted >= current) return { reason: "end_not_earlier", limit: input.currentEnd };
  return { end: input.requested };
}

/** What a lifecycle transition (other than an edit) writes, or why it is refused. */
export function planTransition(
  challenge: ChallengeState,
  transition: Exclude<Transition, "update">,
  options: { now: Date; noticeDays: number; requestedEnd?: Date | null },
): TransitionPlan {
  const { now } = options;
  const from = lifecycleOf(challenge, now);
  if (!canTransition(from, transition)) return { ok: false, reason: "not_allowed", from };
  const patch = patchFor(challenge, transition, options);
  if ("reason" in patch) return { ok: false, reason: patch.reason, from, ...("limit" in patch ? { limit: patch.limit } : {}) };
  return { ok: true, patch, to: lifecycleOf({ ...challenge, ...patch }, now) };
}

function patchFor(
  challenge: ChallengeState,
  transition: Exclude<Transition, "update">,
  options: { now: Date; noticeDays: number; requestedEnd?: Date | null },
): TransitionPatch | { reason: TransitionRefusal; limit?: Date } {
  const { now } = options;
  switch (transition) {
    case "publish":
      return challenge.endsAt <= now ? { reason: "end_in_past" } : { state: "published", startsAt: now };
    case "schedule":
      return challenge.startsAt <= now ? { reason: "start_not_in_future" } : { state: "published" };
    case "unpublish":
      return { state: "draft" };
    case "archive":
      return { state: "archived" };
    case "end_early": {
      const end = earlyEnd({ now, currentEnd: challenge.endsAt, noticeDays: options.noticeDays, requested: options.requestedEnd });
      return "end" in end ? { endsAt: end.end, endNoticeAt: now } : end;
    }
  }
}
