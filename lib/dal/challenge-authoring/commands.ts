import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, rows, type Executor, type Tx } from "@/db";
import { challengeInvites, challenges, milestones } from "@/db/schema";
import {
  LIVE_EDITABLE,
  canTransition,
  planTransition,
  type ChallengeField,
  type Transition,
} from "@/lib/domain/challenge-transitions";
import type { Lifecycle } from "@/lib/domain/lifecycle";
import { challengeEndNoticeDays } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { publishProblems, toUtcInput, type ChallengeDraft, type ChallengeFormInput } from "@/lib/validation/challenge";
import { recordAudit } from "../audit/record";
import { AREA_ROLES, allow, type Caller } from "../session";
import { loadChallenge, type MarketingChallenge, type MilestoneInput } from "./load";

const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Saving

/**
 * What a save or a transition refuses, field by field, as message keys ("marketing.validation.…")
 * with their values beside them: the action passes them on and the form translates them.
 */
export type FieldProblems = Record<string, string[]>;

export type SaveOutcome = { ok: true; id: number; created: boolean } | { ok: false; fieldErrors: FieldProblems; values?: Record<string, string> };

function draftOf(c: MarketingChallenge): ChallengeDraft {
  return { ...c, inviteCount: c.invites.length };
}

/** The audit picture of a challenge: every field marketing can change. */
function snapshot(c: MarketingChallenge) {
  const { updatedAt: _u, enrolledCount: _e, spentMinor: _s, asOf: _a, ...rest } = c;
  void _u;
  void _a;
  void _e;
  void _s;
  return rest;
}

/** Handles that match no creator, and the ids of those that do. */
async function resolveHandles(tx: Executor, handles: string[]): Promise<{ ids: number[]; unknown: string[] }> {
  if (handles.length === 0) return { ids: [], unknown: [] };
  const found = await rows<{ id: number; handle: string }>(
    tx,
    sql`select cr.id, cr.handle from creators cr
        where cr.handle in (select jsonb_array_elements_text(${JSON.stringify(handles)}::jsonb))`,
  );
  const known = new Set(found.map((f) => f.handle));
  return { ids: found.map((f) => f.id), unknown: handles.filter((h) => !known.has(h)) };
}

async function replaceMilestones(tx: Tx, challengeId: number, list: MilestoneInput[]) {
  await tx.delete(milestones).where(eq(milestones.challengeId, challengeId));
  if (list.length > 0) await tx.insert(milestones).values(list.map((m, i) => ({ challengeId, position: i + 1, ...m })));
}

async function replaceInvites(tx: Tx, challengeId: number, creatorIds: number[]) {
  await tx.delete(challengeInvites).where(eq(challengeInvites.challengeId, challengeId));
  if (creatorIds.length > 0) {
    await tx.execute(
      sql`insert into challenge_invites (challenge_id, creator_id)
          select ${challengeId}, t.x::int from jsonb_array_elements_text(${JSON.stringify(creatorIds)}::jsonb) as t(x)`,
    );
  }
}

const DEFAULT_START_DAYS = 7;
const DEFAULT_LENGTH_DAYS = 28;

/** The full challenge a draft form describes; an absent field is empty. */
function valuesFromForm(input: ChallengeFormInput, now: Date) {
  // The database needs a window: an empty one becomes next week for four weeks, shown on the form.
  const defaultStart = new Date(Math.ceil((now.getTime() + DEFAULT_START_DAYS * DAY) / DAY) * DAY);
  const startsAt = input.startsAt ?? (input.endsAt ? new Date(input.endsAt.getTime() - DEFAULT_LENGTH_DAYS * DAY) : defaultStart);
  const endsAt = input.endsAt ?? new Date(startsAt.getTime() + DEFAULT_LENGTH_DAYS * DAY);
  return {
    titleEn: input.titleEn ?? "",
    titleFr: input.titleFr ?? "",
    descriptionEn: input.descriptionEn ?? "",
    descriptionFr: input.descriptionFr ?? "",
    kind: input.kind ?? ("stars" as const),
    platform: input.platform ?? ("facebook" as const),
    currency: input.currency ?? "EUR",
    startsAt,
    endsAt,
    minFollowers: input.minFollowers ?? 0,
    maxFollowers: input.maxFollowers ?? null,
    countries: input.countries ?? [],
    inviteOnly: input.inviteOnly ?? false,
    invites: input.invites ?? [],
    enrollmentCap: input.enrollmentCap ?? null,
    budgetMinor: input.budget ?? null,
    milestones: (input.milestones ?? []).map((m) => ({ metric: m.metric, threshold: m.threshold, rewardMinor: m.reward })),
  };
}

/** Compares what a form sent for a locked field with what is saved. */
function changedLockedFields(input: ChallengeFormInput, saved: MarketingChallenge): ChallengeField[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const sent: Partial<Record<ChallengeField, [unknown, unknown]>> = {
    titleEn: [input.titleEn, saved.titleEn],
    titleFr: [input.titleFr, saved.titleFr],
    kind: [input.kind, saved.kind],
    platform: [input.platform, saved.platform],
    currency: [input.currency, saved.currency],
    startsAt: [input.startsAt === undefined ? undefined : toUtcInput(input.startsAt), toUtcInput(saved.startsAt)],
    milestones: [input.milestones?.map((m) => ({ metric: m.metric, threshold: m.threshold, rewardMinor: m.reward })), saved.milestones],
    minFollowers: [input.minFollowers, saved.minFollowers],
    maxFollowers: [input.maxFollowers, saved.maxFollowers],
    countries: [input.countries, saved.countries],
    inviteOnly: [input.inviteOnly, saved.inviteOnly],
    invites: [input.invites ? [...input.invites].sort() : undefined, saved.invites],
    enrollmentCap: [input.enrollmentCap, saved.enrollmentCap],
    budget: [input.budget, saved.budgetMinor],
  };
  return (Object.entries(sent) as [ChallengeField, [unknown, unknown]][])
    .filter(([field, [given, stored]]) => !LIVE_EDITABLE.includes(field) && given !== undefined && !same(given, stored))
    .map(([field]) => field);
}

const fieldError = (field: string, key: string): FieldProblems => ({ [field]: [`marketing.validation.${key}`] });

/**
 * Creates a draft, or saves changes to one. A draft saves as it is (a title is enough); a
 * scheduled challenge must stay publishable; a live one only takes a new description or a later
 * end, and refuses the rest field by field. Every save is audited in the same transaction.
 */
export async function saveChallenge(caller: Caller, input: ChallengeFormInput): Promise<SaveOutcome> {
  const me = allow(caller, AREA_ROLES.marketing);
  const db = await getDb();
  const now = new Date();
  return db.transaction(async (tx): Promise<SaveOutcome> => {
    const saved = input.id ? await loadChallenge(tx, input.id, true) : null;
    if (input.id && !saved) throw new DomainError("marketing.errors.not_found");
    if (saved && !canTransition(saved.lifecycle, "update")) throw new DomainError("marketing.errors.not_editable");

    if (saved?.lifecycle === "live") return saveLive(tx, me.id, input, saved, now);

    const values = valuesFromForm(input, now);
    if (!values.titleEn && !values.titleFr) return { ok: false, fieldErrors: fieldError("titleEn", "titleRequired") };
    const { ids: inviteIds, unknown } = await resolveHandles(tx, values.invites);
    if (unknown.length > 0) {
      return { ok: false, fieldErrors: fieldError("invites", "unknownHandles"), values: { handles: unknown.slice(0, 20).join(", ") } };
    }
    if (saved?.lifecycle === "scheduled") {
      // Creators may already see a scheduled challenge announced: it must stay complete and in the future.
      const problems = publishProblems({ ...values, inviteCount: inviteIds.length }, now);
      if (values.startsAt <= now) (problems.startsAt ??= []).push("marketing.validation.startInFuture");
      if (Object.keys(problems).length > 0) return { ok: false, fieldErrors: problems };
    }

    const { invites: _invites, milestones: list, ...columns } = values;
    void _invites;
    let id: number;
    if (saved) {
      id = saved.id;
      await tx.update(challenges).set({ ...columns, updatedAt: now }).where(eq(challenges.id, id));
    } else {
      [{ id }] = await tx
        .insert(challenges)
        .values({ ...columns, state: "draft", createdBy: me.id, createdAt: now, updatedAt: now })
        .returning({ id: challenges.id });
    }
    await replaceMilestones(tx, id, list);
    await replaceInvites(tx, id, inviteIds);
    const after = await loadChallenge(tx, id);
    await recordAudit(tx, {
      actorId: me.id,
      action: saved ? "challenge.update" : "challenge.create",
      entityType: "challenge",
      entityId: String(id),
      before: saved ? snapshot(saved) : null,
      after: snapshot(after!),
    });
    return { ok: true, id, created: !saved };
  });
}

async function saveLive(tx: Tx, actorId: number, input: ChallengeFormInput, saved: MarketingChallenge, now: Date): Promise<SaveOutcome> {
  const errors: FieldProblems = {};
  for (const field of changedLockedFields(input, saved)) errors[field] = ["marketing.validation.lockedLive"];
  const descriptionEn = input.descriptionEn ?? saved.descriptionEn;
  const descriptionFr = input.descriptionFr ?? saved.descriptionFr;
  if (!descriptionEn) errors.descriptionEn = ["marketing.validation.requiredToPublish"];
  if (!descriptionFr) errors.descriptionFr = ["marketing.validation.requiredToPublish"];
  let endsAt = saved.endsAt;
  let endNoticeAt = saved.endNoticeAt;
  if (input.endsAt && toUtcInput(input.endsAt) !== toUtcInput(saved.endsAt)) {
    // Creators joined until this date: it may only move later.
    if (input.endsAt <= saved.endsAt) errors.endsAt = ["marketing.validation.endLaterOnly"];
    else {
      endsAt = input.endsAt;
      endNoticeAt = null; // an extension replaces an announced early end
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  await tx.update(challenges).set({ descriptionEn, descriptionFr, endsAt, endNoticeAt, updatedAt: now }).where(eq(challenges.id, saved.id));
  const after = await loadChallenge(tx, saved.id);
  await recordAudit(tx, { actorId, action: "challenge.update", entityType: "challenge", entityId: String(saved.id), before: snapshot(saved), after: snapshot(after!) });
  return { ok: true, id: saved.id, created: false };
}

// ---------------------------------------------------------------------------------------------
// Lifecycle transitions

export type StatusTransition = Exclude<Transition, "update" | "end_early">;
/** A refused end date comes back as a field error with the limit it broke (`limit`). */
export type TransitionOutcome = { ok: true; lifecycle: Lifecycle; endsAt: Date } | { ok: false; fieldErrors: FieldProblems; limit?: Date };

const lifecycleView = (c: { state: string; startsAt: Date; endsAt: Date; endNoticeAt: Date | null }, lifecycle: Lifecycle) => ({
  state: c.state,
  lifecycle,
  startsAt: c.startsAt,
  endsAt: c.endsAt,
  endNoticeAt: c.endNoticeAt,
});

async function applyTransition(
  caller: Caller,
  transition: Exclude<Transition, "update">,
  challengeId: number,
  options: { requestedEnd?: Date | null } = {},
): Promise<TransitionOutcome> {
  const me = allow(caller, AREA_ROLES.marketing);
  const db = await getDb();
  return db.transaction(async (tx): Promise<TransitionOutcome> => {
    const saved = await loadChallenge(tx, challengeId, true);
    if (!saved) throw new DomainError("marketing.errors.not_found");
    const now = new Date();
    const plan = planTransition(saved, transition, { now, noticeDays: challengeEndNoticeDays(), requestedEnd: options.requestedEnd });
    if (!plan.ok && plan.limit) return { ok: false, fieldErrors: { endsAt: [`marketing.errors.${plan.reason}`] }, limit: plan.limit };
    if (!plan.ok) throw new DomainError(`marketing.errors.${plan.reason}`, { days: challengeEndNoticeDays() });
    if (transition === "publish" || transition === "schedule") {
      const problems = publishProblems(draftOf(saved), now);
      if (Object.keys(problems).length > 0) return { ok: false, fieldErrors: problems };
    }
    await tx
      .update(challenges)
      .set({ ...plan.patch, updatedAt: now })
      .where(eq(challenges.id, challengeId));
    const after = { ...saved, ...plan.patch };
    await recordAudit(tx, {
      actorId: me.id,
      action: `challenge.${transition}`,
      entityType: "challenge",
      entityId: String(challengeId),
      before: lifecycleView(saved, saved.lifecycle),
      after: lifecycleView(after, plan.to),
    });
    return { ok: true, lifecycle: plan.to, endsAt: after.endsAt };
  });
}

/** Publish now, schedule, unpublish (back to draft) or archive, if the status machine allows it. */
export async function changeChallengeStatus(caller: Caller, challengeId: number, transition: StatusTransition): Promise<TransitionOutcome> {
  return applyTransition(caller, transition, challengeId);
}

/**
 * Ends a live challenge early: the new end is at least the notice period away and never later
 * than the current one; enrolled creators are shown the new date. Awards already reached stay.
 */
export async function endChallengeEarly(caller: Caller, challengeId: number, requestedEnd: Date | null): Promise<TransitionOutcome> {
  return applyTransition(caller, "end_early", challengeId, { requestedEnd });
}

