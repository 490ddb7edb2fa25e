import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, rows, type Executor } from "@/db";
import { challengeInvites, enrollments, type ChallengeKind, type Metric, type Platform } from "@/db/schema";
import { ineligibleReasons, type EligibilityProfile, type IneligibleReason } from "@/lib/domain/eligibility";
import { lifecycleOf, type Lifecycle } from "@/lib/domain/lifecycle";
import { PACE_WINDOW_DAYS, daysLeft, projectMilestone, type PaceProjection } from "@/lib/domain/pace";
import { countedParts, eventMetricSql, isDistinctDaysSql } from "./counted-sql";
import { allow, allowCreator, AREA_ROLES, type Caller } from "../session";

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
  ended: ChallengeSummary[];
};

export type ChallengeRow = {
  id: number;
  kind: ChallengeKind;
  platform: Platform;
  state: "draft" | "published" | "archived";
  title_en: string;
  title_fr: string;
  starts_at: Date;
  ends_at: Date;
  end_notice_at: Date | null;
  min_followers: number;
  max_followers: number | null;
  countries: string[];
  invite_only: boolean;
  enrollment_cap: number | null;
  enrolled_count: number;
  budget_minor: number | null;
  spent_minor: number;
  currency: string;
  reward_total: number;
  milestone_count: number;
  enrolled: boolean;
  invited: boolean;
  earned: number;
  reached: number;
};

export const toDate = (v: Date | string | null) => (v === null ? null : v instanceof Date ? v : new Date(v));

function summarize(row: ChallengeRow, profile: EligibilityProfile, now: Date): ChallengeSummary {
  const startsAt = toDate(row.starts_at)!;
  const endsAt = toDate(row.ends_at)!;
  return {
    id: row.id,
    kind: row.kind,
    platform: row.platform,
    titleEn: row.title_en,
    titleFr: row.title_fr,
    startsAt,
    endsAt,
    endNoticeAt: toDate(row.end_notice_at),
    lifecycle: lifecycleOf({ state: row.state, startsAt, endsAt }, now),
    rewardTotalMinor: Number(row.reward_total),
    currency: row.currency,
    milestoneCount: Number(row.milestone_count),
    enrolled: row.enrolled,
    earnedMinor: Number(row.earned),
    reachedCount: Number(row.reached),
    reasons: row.enrolled ? [] : ineligibleReasons(rulesOf(row), { ...profile, invited: row.invited }),
    rules: { minFollowers: row.min_followers, maxFollowers: row.max_followers, countries: row.countries ?? [], inviteOnly: row.invite_only },
  };
}

export function rulesOf(row: ChallengeRow) {
  return {
    platform: row.platform,
    minFollowers: row.min_followers,
    maxFollowers: row.max_followers,
    countries: row.countries ?? [],
    inviteOnly: row.invite_only,
    enrollmentCap: row.enrollment_cap,
    enrolledCount: row.enrolled_count,
    budgetMinor: row.budget_minor === null ? null : Number(row.budget_minor),
    spentMinor: Number(row.spent_minor),
  };
}

export async function profileOf(db: Executor, creatorId: number): Promise<Omit<EligibilityProfile, "invited">> {
  const [p] = await rows<{ followers: number; country: string; platform: Platform }>(
    db,
    sql`select followers, country, platform from creators where id = ${creatorId}`,
  );
  return p;
}

/**
 * The signed-in creator's challenges: live ones they can join, the ones they are in, live ones
 * they cannot join with the reasons, scheduled ones they will be able to join, and ended ones they
 * took part in with their results. Drafts are never included.
 */
export async function listMyChallenges(caller: Caller): Promise<CreatorChallengeLists> {
  const me = allowCreator(caller);
  const db = await getDb();
  const profile = await profileOf(db, me.creatorId);
  const now = new Date();
  const found = await rows<ChallengeRow>(
    db,
    sql`select c.id, c.kind, c.platform, c.state, c.title_en, c.title_fr, c.starts_at, c.ends_at, c.end_notice_at,
               c.min_followers, c.max_followers, c.countries, c.invite_only, c.enrollment_cap, c.enrolled_count,
               c.budget_minor::float8 as budget_minor, c.spent_minor::float8 as spent_minor, c.currency,
               (select coalesce(sum(m.reward_minor), 0)::float8 from milestones m where m.challenge_id = c.id) as reward_total,
               (select count(*)::int from milestones m where m.challenge_id = c.id) as milestone_count,
               (e.id is not null and e.withdrawn_at is null) as enrolled,
               exists (select 1 from challenge_invites i where i.challenge_id = c.id and i.creator_id = ${me.creatorId}) as invited,
               coalesce((select sum(m.reward_minor) from milestone_awards a join milestones m on m.id = a.milestone_id
                         where a.enrollment_id = e.id and a.status = 'paid'), 0)::float8 as earned,
               coalesce((select count(*) from milestone_awards a where a.enrollment_id = e.id), 0)::int as reached
        from challenges c
        left join enrollments e on e.challenge_id = c.id and e.creator_id = ${me.creatorId}
        where c.state <> 'draft'
          and ((c.state = 'published' and now() < c.ends_at) or e.id is not null)
        order by c.ends_at asc, c.id asc
        limit 500`,
  );
  const lists: CreatorChallengeLists = { upcoming: [], eligible: [], enrolled: [], ineligible: [], ended: [] };
  for (const row of found) {
    const summary = summarize(row, { ...profile, invited: row.invited }, now);
    if (summary.lifecycle === "ended" || summary.lifecycle === "archived") lists.ended.push(summary);
    else if (summary.enrolled) lists.enrolled.push(summary);
    else if (summary.lifecycle === "live") (summary.reasons.length ? lists.ineligible : lists.eligible).push(summary);
    // Enrollment opens at the start; only the ones this creator will be able to join are announced.
    else if (summary.lifecycle === "scheduled" && summary.reasons.length === 0) lists.upcoming.push(summary);
  }
  lists.upcoming.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id);
  lists.ended.reverse();
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

export type ActivityVerdict = "counted" | "before_enrollment" | "after_withdrawal" | "outside_window" | "metric_not_used" | "not_enrolled";

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

/** The profile a challenge page is rendered for: a real creator, or a marketing preview. */
export type Viewer = { creatorId: number | null; profile: EligibilityProfile | Promise<EligibilityProfile> };

/**
 * Builds a challenge page for a viewer. Callers check the role first. Two round trips: the
 * challenge, the viewer's enrollment and invite together; then milestones with progress and the
 * latest raw events together.
 */
async function loadChallengeView(db: Executor, challengeId: number, viewer: Viewer, activityPage = 1): Promise<ChallengeView | null> {
  const [[row], enrollment, invitedRow, profile] = await Promise.all([
    rows<ChallengeRow & { description_en: string; description_fr: string }>(
      db,
      sql`select c.*, c.budget_minor::float8 as budget_minor, c.spent_minor::float8 as spent_minor, 0 as reward_total, 0 as milestone_count,
                 false as enrolled, false as invited, 0 as earned, 0 as reached
          from challenges c where c.id = ${challengeId}`,
    ),
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
  const startsAt = toDate(row.starts_at)!;
  const endsAt = toDate(row.ends_at)!;
  const lifecycle = lifecycleOf({ state: row.state, startsAt, endsAt }, now);

  // Milestones with the viewer's progress, award, and the last 14 days of that metric (rollups
  // only), beside the viewer's latest raw events around the window.
  const [milestoneRows, events] = await Promise.all([
    rows<{
      id: number;
      position: number;
      metric: Metric;
      threshold: number;
      reward_minor: number;
      current: number;
      award_status: "paid" | "unpaid_budget" | null;
      reached_at: string | null;
      recent: number;
    }>(
      db,
      sql`select m.id, m.position, m.metric, m.threshold::float8 as threshold, m.reward_minor::float8 as reward_minor,
                 coalesce(p.total, 0)::float8 as current, a.status as award_status, a.reached_at::text as reached_at,
                 coalesce((select case when ${isDistinctDaysSql("m.metric")} then count(*) filter (where d.total > 0) else sum(d.total) end
                            from creator_daily_metrics d
                            where d.creator_id = ${viewer.creatorId ?? -1} and d.metric = ${eventMetricSql("m.metric")}
                              and d.day > (now() at time zone 'UTC')::date - ${PACE_WINDOW_DAYS}::int
                              and d.day >= (${startsAt.toISOString()}::timestamptz at time zone 'UTC')::date), 0)::float8 as recent
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
    threshold: Number(m.threshold),
    rewardMinor: Number(m.reward_minor),
    current: Number(m.current),
    award: m.award_status ? { status: m.award_status, reachedAt: new Date(m.reached_at!) } : null,
    projection: m.award_status
      ? { kind: "reached" }
      : lifecycle === "live" && enrollment && !enrollment.withdrawnAt
        ? projectMilestone({ current: Number(m.current), threshold: Number(m.threshold), lastWindowTotal: Number(m.recent), now, endsAt })
        : { kind: "not_before_end" },
  }));


  return {
    id: row.id,
    kind: row.kind,
    platform: row.platform,
    titleEn: row.title_en,
    titleFr: row.title_fr,
    descriptionEn: row.description_en,
    descriptionFr: row.description_fr,
    startsAt,
    endsAt,
    endNoticeAt: toDate(row.end_notice_at),
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
    rows<{ id: string; metric: Metric; amount: number; occurred_at: string; verdict: ActivityVerdict }>(
      db,
      sql`select ev.id, ev.metric, ev.amount::float8 as amount, ev.occurred_at::text as occurred_at,
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
    rows<{ n: number }>(db, sql`select count(*)::int as n from activity_events ev where ${where}`),
    // What counted, per measure of the challenge, from the events themselves: the same numbers
    // as the progress bars (kept by ingest), which is what the page promises.
    rows<{ measure: Metric; total: number }>(
      db,
      sql`select m.measure,
                 (case when ${isDistinctDaysSql("m.measure")} then count(distinct (ev.occurred_at at time zone 'UTC')::date)
                       else coalesce(sum(ev.amount), 0) end)::float8 as total
          from (select distinct metric as measure from milestones where challenge_id = ${challengeId}) m
          join challenges c on c.id = ${challengeId}
          left join enrollments e on e.id = ${enrollmentId ?? -1}
          left join activity_events ev on e.id is not null and ev.creator_id = ${creatorId}
            and ev.metric = ${eventMetricSql("m.measure")} and ${verdict.counted}
          group by m.measure order by m.measure`,
    ),
  ]);
  return {
    totals: totals.map((t) => ({ measure: t.measure, total: Number(t.total) })),
    total: Number(n),
    events: events.map((e) => ({ id: e.id, metric: e.metric, amount: Number(e.amount), occurredAt: new Date(e.occurred_at), verdict: e.verdict })),
  };
}

/** A challenge as the signed-in creator sees it; drafts do not exist for creators. */
export async function getMyChallenge(caller: Caller, challengeId: number, activityPage = 1): Promise<ChallengeView | null> {
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
    const [c] = await rows<{ id: number; followers: number; country: string; platform: Platform }>(
      db,
      sql`select id, followers, country, platform from creators where handle = ${as.handle}`,
    );
    if (!c) return { view: null, handleFound: false };
    return { view: await loadChallengeView(db, challengeId, { creatorId: c.id, profile: { ...c, invited: false } }), handleFound: true };
  }
  return { view: await loadChallengeView(db, challengeId, { creatorId: null, profile: as }), handleFound: true };
}

export function reasonValues(reason: IneligibleReason): Record<string, string | number> {
  const { code: _code, ...values } = reason;
  void _code;
  return values as Record<string, string | number>;
}
