import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Executor } from "@/db";
import {
  awardStatusEnum,
  challengeInvites,
  challengeKindEnum,
  challengeStateEnum,
  challenges,
  creators,
  enrollments,
  metricEnum,
  platformEnum,
  type ChallengeKind,
  type Metric,
  type Platform,
} from "@/db/schema";
import { ineligibleReasons, type EligibilityProfile, type IneligibleReason } from "@/lib/domain/eligibility";
import { lifecycleOf, type Lifecycle } from "@/lib/domain/lifecycle";
import { PACE_WINDOW_DAYS, daysLeft, projectMilestone, type PaceProjection } from "@/lib/domain/pace";
import { int4, int8, parsedRows, timestamp } from "../row";
import { allow, allowCreator, AREA_ROLES, type Caller } from "../session";
import { countedParts, eventMetricSql, isDistinctDaysSql } from "./counted-sql";
import { profileOf, rulesOf } from "./eligibility";
import { cachedForCreator } from "../cache";

export type ChallengeSummary = {
  id: number;
  kind: ChallengeKind;
  platform: Platform;
  titleEn: string;
  titleFr: string;
  startsAt: Date;
  endsAt: Date;
  endNoticeAt: Date | null;
  lifecycle: Lifecycle;
  rewardTotalMinor: number;
  currency: string;
  milestoneCount: number;
  enrolled: boolean;
  earnedMinor: number;
  reachedCount: number;
  reasons: IneligibleReason[];
  /** What the challenge asks of a creator, so an upcoming card can say why this one qualifies. */
  rules: { minFollowers: number; maxFollowers: number | null; countries: string[]; inviteOnly: boolean };
};

export type CreatorChallengeLists = {
  /** Scheduled challenges the creator will be able to join when they start. */
  upcoming: ChallengeSummary[];
  eligible: ChallengeSummary[];
  enrolled: ChallengeSummary[];
  ineligible: ChallengeSummary[];
  /** One page of the ended challenges the creator took part in, latest to end first. */
  ended: ChallengeSummary[];
  /** How many ended challenges the creator took part in, on every page. */
  endedTotal: number;
};

/** What the eligibility rules and the lifecycle read of a challenge: its own columns, as the schema types them. */
export type ChallengeFacts = Pick<
  typeof challenges.$inferSelect,
  "state" | "platform" | "startsAt" | "endsAt" | "minFollowers" | "maxFollowers" | "countries" | "inviteOnly" | "enrollmentCap" | "enrolledCount" | "budgetMinor" | "spentMinor"
>;

/** A row of listMyChallenges: the challenge's columns, its milestones' totals and the creator's part in it. */
const summaryRow = z.object({
  id: int4,
  kind: z.enum(challengeKindEnum.enumValues),
  platform: z.enum(platformEnum.enumValues),
  state: z.enum(challengeStateEnum.enumValues),
  titleEn: z.string(),
  titleFr: z.string(),
  startsAt: timestamp,
  endsAt: timestamp,
  endNoticeAt: timestamp.nullable(),
  minFollowers: int4,
  maxFollowers: int4.nullable(),
  countries: z.array(z.string()),
  inviteOnly: z.boolean(),
  enrollmentCap: int4.nullable(),
  enrolledCount: int4,
  budgetMinor: int8.nullable(),
  spentMinor: int8,
  currency: z.string(),
  rewardTotalMinor: int8,
  milestoneCount: int4,
  enrolled: z.boolean(),
  invited: z.boolean(),
  earnedMinor: int8,
  reachedCount: int4,
});
type SummaryRow = z.output<typeof summaryRow>;

function summarize(row: SummaryRow, profile: EligibilityProfile, now: Date): ChallengeSummary {
  return {
    id: row.id,
    kind: row.kind,
    platform: row.platform,
    titleEn: row.titleEn,
    titleFr: row.titleFr,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    endNoticeAt: row.endNoticeAt,
    lifecycle: lifecycleOf(row, now),
    rewardTotalMinor: row.rewardTotalMinor,
    currency: row.currency,
    milestoneCount: row.milestoneCount,
    enrolled: row.enrolled,
    earnedMinor: row.earnedMinor,
    reachedCount: row.reachedCount,
    reasons: row.enrolled ? [] : ineligibleReasons(rulesOf(row), { ...profile, invited: row.invited }),
    rules: { minFollowers: row.minFollowers, maxFollowers: row.maxFollowers, countries: row.countries, inviteOnly: row.inviteOnly },
  };
}



/**
 * The signed-in creator's challenges: live ones they can join, the ones they are in, live ones
 * they cannot join with the reasons, scheduled ones they will be able to join, and one page of
 * the ended ones they took part in with their results (`endedTotal` counts them all). Drafts are
 * never included.
 *
 * The open challenges are read whole: which list each one belongs to takes the eligibility rule
 * (lib/domain), and they are what runs on the platform now. The ended ones grow with every month
 * a creator takes part, so they are counted and paged in SQL: a creator with years of challenges
 * sees the right count and every page.
 */
export async function listMyChallenges(caller: Caller, endedPage: { offset: number; limit: number }): Promise<CreatorChallengeLists> {
  const me = allowCreator(caller);
  const db = await getDb();
  // One instant for the SQL and lifecycleOf, so no challenge ending now falls between the reads.
  const now = new Date();
  const at = sql`${now.toISOString()}::timestamptz`;
  const ended = sql`(c.state = 'archived' or c.ends_at <= ${at})`;
  const columns = sql`c.id, c.kind, c.platform, c.state, c.title_en as "titleEn", c.title_fr as "titleFr", c.starts_at as "startsAt",
               c.ends_at as "endsAt", c.end_notice_at as "endNoticeAt", c.min_followers as "minFollowers",
               c.max_followers as "maxFollowers", c.countries, c.invite_only as "inviteOnly", c.enrollment_cap as "enrollmentCap",
               c.enrolled_count as "enrolledCount", c.budget_minor::bigint as "budgetMinor", c.spent_minor::bigint as "spentMinor",
               c.currency as currency,
               (select coalesce(sum(m.reward_minor), 0)::bigint from milestones m where m.challenge_id = c.id) as "rewardTotalMinor",
               (select count(*)::int from milestones m where m.challenge_id = c.id) as "milestoneCount",
               (e.id is not null and e.withdrawn_at is null) as enrolled,
               exists (select 1 from challenge_invites i where i.challenge_id = c.id and i.creator_id = ${me.creatorId}) as invited,
               coalesce((select sum(m.reward_minor) from milestone_awards a join milestones m on m.id = a.milestone_id
                         where a.enrollment_id = e.id and a.status = 'paid'), 0)::bigint as "earnedMinor",
               coalesce((select count(*) from milestone_awards a where a.enrollment_id = e.id), 0)::int as "reachedCount"`;
  const [profile, open, endedRows, [endedCount]] = await Promise.all([
    profileOf(db, me.creatorId),
    // Soonest to end first: the lists' own order.
    parsedRows(
      db,
      summaryRow,
      sql`select ${columns}
          from challenges c
          left join enrollments e on e.challenge_id = c.id and e.creator_id = ${me.creatorId}
          where c.state = 'published' and c.ends_at > ${at}
          order by c.ends_at, c.id`,
    ),
    // Latest to end first.
    parsedRows(
      db,
      summaryRow,
      sql`select ${columns}
          from challenges c
          join enrollments e on e.challenge_id = c.id and e.creator_id = ${me.creatorId}
          where c.state <> 'draft' and ${ended}
          order by c.ends_at desc, c.id desc
          limit ${endedPage.limit} offset ${endedPage.offset}`,
    ),
    parsedRows(
      db,
      z.object({ total: int4 }),
      sql`select count(*)::int as total from enrollments e join challenges c on c.id = e.challenge_id
          where e.creator_id = ${me.creatorId} and c.state <> 'draft' and ${ended}`,
    ),
  ]);
  const lists: CreatorChallengeLists = { upcoming: [], eligible: [], enrolled: [], ineligible: [], ended: [], endedTotal: endedCount.total };
  for (const row of open) {
    const summary = summarize(row, { ...profile, invited: row.invited }, now);
    if (summary.enrolled) lists.enrolled.push(summary);
    else if (summary.lifecycle === "live") (summary.reasons.length ? lists.ineligible : lists.eligible).push(summary);
    // Enrollment opens at the start; only the ones this creator will be able to join are announced.
    else if (summary.lifecycle === "scheduled" && summary.reasons.length === 0) lists.upcoming.push(summary);
  }
  lists.ended = endedRows.map((row) => summarize(row, { ...profile, invited: row.invited }, now));
  lists.upcoming.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id);
  return lists;
}

export type MilestoneView = {
  id: number;
  position: number;
  metric: Metric;
  threshold: number;
  rewardMinor: number;
  current: number;
  award: { status: "paid" | "unpaid_budget"; reachedAt: Date } | null;
  projection: PaceProjection;
};

export type ChallengeView = {
  id: number;
  kind: ChallengeKind;
  platform: Platform;
  titleEn: string;
  titleFr: string;
  descriptionEn: string;
  descriptionFr: string;
  startsAt: Date;
  endsAt: Date;
  endNoticeAt: Date | null;
  lifecycle: Lifecycle;
  currency: string;
  rules: ReturnType<typeof rulesOf>;
  daysLeft: number;
  enrollment: { enrolledAt: Date; withdrawnAt: Date | null } | null;
  reasons: IneligibleReason[];
  milestones: MilestoneView[];
  /** The creator's events of this challenge's metrics, one page, newest first. */
  recentActivity: { id: string; metric: Metric; amount: number; occurredAt: Date; verdict: ActivityVerdict }[];
  activityPage: { page: number; total: number; pageSize: number };
  /** Per measure, what counted (sums, or distinct UTC days for live_days): equals the progress. */
  countedTotals: { measure: Metric; total: number }[];
};

/** A milestone with the viewer's progress, award and last window's total (loadChallengeView). */
const milestoneRow = z.object({
  id: int4,
  position: int4,
  metric: z.enum(metricEnum.enumValues),
  threshold: int8,
  reward_minor: int8,
  current: int8,
  award_status: z.enum(awardStatusEnum.enumValues).nullable(),
  reached_at: timestamp.nullable(),
  recent: int8,
});

/** The profile a challenge page is rendered for: a real creator, or a marketing preview. */
export type Viewer = { creatorId: number | null; profile: EligibilityProfile | Promise<EligibilityProfile> };

/**
 * Builds a challenge page for a viewer. Callers check the role first. Two round trips: the
 * challenge, the viewer's enrollment and invite together; then milestones with progress and the
 * latest raw events together.
 */
async function loadChallengeView(db: Executor, challengeId: number, viewer: Viewer, activityPage = 1): Promise<ChallengeView | null> {
  const [[row], enrollment, invitedRow, profile] = await Promise.all([
    db.select().from(challenges).where(eq(challenges.id, challengeId)),
    viewer.creatorId
      ? db
          .select({ id: enrollments.id, enrolledAt: enrollments.enrolledAt, withdrawnAt: enrollments.withdrawnAt })
          .from(enrollments)
          .where(and(eq(enrollments.challengeId, challengeId), eq(enrollments.creatorId, viewer.creatorId)))
          .then((found) => found[0] ?? null)
      : Promise.resolve(null),
    viewer.creatorId
      ? db
          .select({ c: challengeInvites.creatorId })
          .from(challengeInvites)
          .where(and(eq(challengeInvites.challengeId, challengeId), eq(challengeInvites.creatorId, viewer.creatorId)))
          .then((found) => found.length > 0)
      : Promise.resolve(null),
    viewer.profile,
  ]);
  if (!row) return null;
  const invited = invitedRow ?? profile.invited;
  const now = new Date();
  const { startsAt, endsAt } = row;
  const lifecycle = lifecycleOf(row, now);

  // Milestones with the viewer's progress, award, and the last 14 days of that metric (rollups
  // only), beside the viewer's latest raw events around the window.
  const [milestoneRows, events] = await Promise.all([
    parsedRows(
      db,
      milestoneRow,
      sql`select m.id, m.position, m.metric, m.threshold::bigint as threshold, m.reward_minor::bigint as reward_minor,
                 coalesce(p.total, 0)::bigint as current, a.status as award_status, a.reached_at,
                 coalesce((select case when ${isDistinctDaysSql("m.metric")} then count(*) filter (where d.total > 0) else sum(d.total) end
                            from creator_daily_metrics d
                            where d.creator_id = ${viewer.creatorId ?? -1} and d.metric = ${eventMetricSql("m.metric")}
                              and d.day > (now() at time zone 'UTC')::date - ${PACE_WINDOW_DAYS}::int
                              and d.day >= (${startsAt.toISOString()}::timestamptz at time zone 'UTC')::date), 0)::bigint as recent
          from milestones m
          left join enrollment_progress p on p.enrollment_id = ${enrollment?.id ?? -1} and p.metric = m.metric
          left join milestone_awards a on a.enrollment_id = ${enrollment?.id ?? -1} and a.milestone_id = m.id
          where m.challenge_id = ${challengeId}
          order by m.position`,
    ),
    viewer.creatorId
      ? activityOf(db, viewer.creatorId, challengeId, enrollment?.id ?? null, startsAt, endsAt, activityPage)
      : Promise.resolve({ total: 0, events: [], totals: [] }),
  ]);
  const milestones: MilestoneView[] = milestoneRows.map((m) => ({
    id: m.id,
    position: m.position,
    metric: m.metric,
    threshold: m.threshold,
    rewardMinor: m.reward_minor,
    current: m.current,
    award: m.award_status && m.reached_at ? { status: m.award_status, reachedAt: m.reached_at } : null,
    projection: m.award_status
      ? { kind: "reached" }
      : lifecycle === "live" && enrollment && !enrollment.withdrawnAt
        ? projectMilestone({ current: m.current, threshold: m.threshold, lastWindowTotal: m.recent, now, endsAt })
        : { kind: "not_before_end" },
  }));

  return {
    id: row.id,
    kind: row.kind,
    platform: row.platform,
    titleEn: row.titleEn,
    titleFr: row.titleFr,
    descriptionEn: row.descriptionEn,
    descriptionFr: row.descriptionFr,
    startsAt,
    endsAt,
    endNoticeAt: row.endNoticeAt,
    lifecycle,
    currency: row.currency,
    rules: rulesOf(row),
    daysLeft: daysLeft(endsAt, now),
    enrollment: enrollment ? { enrolledAt: enrollment.enrolledAt, withdrawnAt: enrollment.withdrawnAt } : null,
    reasons: enrollment && !enrollment.withdrawnAt ? [] : ineligibleReasons(rulesOf(row), { ...profile, invited }),
    milestones,
    recentActivity: events.events,
    activityPage: { page: activityPage, total: events.total, pageSize: ACTIVITY_PAGE_SIZE },
    countedTotals: events.totals,
  };
}

export const ACTIVITY_PAGE_SIZE = 20;

// "Counted?" with the one definition of counted (lib/dal/challenges/counted-sql.ts), over the aliases of
// activityOf: event ev, challenge c, enrollment e. In SQL, at microseconds, never via a JS Date.
const ACTIVITY_VERDICTS = ["counted", "before_enrollment", "after_withdrawal", "outside_window", "metric_not_used", "not_enrolled"] as const;
export type ActivityVerdict = (typeof ACTIVITY_VERDICTS)[number];

/** One of the creator's events with its verdict (activityOf). */
const activityRow = z.object({
  id: z.string(),
  metric: z.enum(metricEnum.enumValues),
  amount: int8,
  occurred_at: timestamp,
  verdict: z.enum(ACTIVITY_VERDICTS),
});

const verdict = countedParts({ at: "ev.occurred_at", startsAt: "c.starts_at", endsAt: "c.ends_at", enrolledAt: "e.enrolled_at", withdrawnAt: "e.withdrawn_at" });

/**
 * The creator's events of the challenge's own metrics around its window, newest first, one page
 * at a time, each with its verdict, and how many there are. Reads raw events through the
 * (creator_id, occurred_at) index.
 */
async function activityOf(db: Executor, creatorId: number, challengeId: number, enrollmentId: number | null, startsAt: Date, endsAt: Date, page: number) {
  const until = new Date(Math.min(Date.now(), endsAt.getTime() + 7 * 86_400_000));
  const from = new Date(startsAt.getTime() - 7 * 86_400_000);
  const where = sql`ev.creator_id = ${creatorId} and ev.occurred_at <= ${until.toISOString()}::timestamptz
          and ev.occurred_at >= ${from.toISOString()}::timestamptz
          and ev.metric in (select ${eventMetricSql("m.metric")} from milestones m where m.challenge_id = ${challengeId})`;
  const [events, [{ n }], totals] = await Promise.all([
    parsedRows(
      db,
      activityRow,
      sql`select ev.id, ev.metric, ev.amount::bigint as amount, ev.occurred_at,
                 case when not ${verdict.inWindow} then 'outside_window'
                      when e.id is null then 'not_enrolled'
                      when not ${verdict.afterEnrolling} then 'before_enrollment'
                      when not ${verdict.beforeWithdrawing} then 'after_withdrawal'
                      else 'counted' end as verdict
          from activity_events ev
          join challenges c on c.id = ${challengeId}
          left join enrollments e on e.id = ${enrollmentId ?? -1}
          where ${where}
          order by ev.occurred_at desc, ev.id desc
          limit ${ACTIVITY_PAGE_SIZE} offset ${(page - 1) * ACTIVITY_PAGE_SIZE}`,
    ),
    parsedRows(db, z.object({ n: int4 }), sql`select count(*)::int as n from activity_events ev where ${where}`),
    // What counted, per measure of the challenge, from the events themselves: the same numbers
    // as the progress bars (kept by ingest), which is what the page promises.
    parsedRows(
      db,
      z.object({ measure: z.enum(metricEnum.enumValues), total: int8 }),
      sql`select m.measure,
                 (case when ${isDistinctDaysSql("m.measure")} then count(distinct (ev.occurred_at at time zone 'UTC')::date)
                       else coalesce(sum(ev.amount), 0) end)::bigint as total
          from (select distinct metric as measure from milestones where challenge_id = ${challengeId}) m
          join challenges c on c.id = ${challengeId}
          left join enrollments e on e.id = ${enrollmentId ?? -1}
          left join activity_events ev on e.id is not null and ev.creator_id = ${creatorId}
            and ev.metric = ${eventMetricSql("m.measure")} and ${verdict.counted}
          group by m.measure order by m.measure`,
    ),
  ]);
  return {
    totals,
    total: n,
    events: events.map((e) => ({ id: e.id, metric: e.metric, amount: e.amount, occurredAt: e.occurred_at, verdict: e.verdict })),
  };
}

/** A challenge as the signed-in creator sees it; drafts do not exist for creators. */
// Cached per creator until their data changes (lib/dal/cache.ts), after the caller's check.
export const getMyChallenge = (caller: Caller, challengeId: number, activityPage = 1): Promise<ChallengeView | null> =>
  cachedForCreator(allowCreator(caller), "challenges.view", [challengeId, activityPage], () => getMyChallengeUncached(caller, challengeId, activityPage), { challengeId });

async function getMyChallengeUncached(caller: Caller, challengeId: number, activityPage = 1): Promise<ChallengeView | null> {
  const me = allowCreator(caller);
  const db = await getDb();
  // The profile is read alongside the challenge (first round trip of loadChallengeView).
  const profile = profileOf(db, me.creatorId).then((p) => ({ ...p, invited: false }));
  const view = await loadChallengeView(db, challengeId, { creatorId: me.creatorId, profile }, activityPage);
  if (!view || view.lifecycle === "draft") return null;
  return view;
}

/** Marketing's preview: the same page, for a chosen profile or a real creator's handle. */
export async function previewChallenge(
  caller: Caller, challengeId: number,
  as: { handle: string } | EligibilityProfile,
): Promise<{ view: ChallengeView | null; handleFound: boolean }> {
  allow(caller, AREA_ROLES.marketing);
  const db = await getDb();
  if ("handle" in as) {
    const [c] = await db
      .select({ id: creators.id, followers: creators.followers, country: creators.country, platform: creators.platform })
      .from(creators)
      .where(eq(creators.handle, as.handle));
    if (!c) return { view: null, handleFound: false };
    return { view: await loadChallengeView(db, challengeId, { creatorId: c.id, profile: { ...c, invited: false } }), handleFound: true };
  }
  return { view: await loadChallengeView(db, challengeId, { creatorId: null, profile: as }), handleFound: true };
}

