import "server-only";
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { getDb, rows } from "@/db";
import { auditLog, challenges, creators, users, type ChallengeKind, type Metric, type Platform } from "@/db/schema";
import { TIERS, type Tier } from "@/lib/domain/eligibility";
import { LIFECYCLE, type Lifecycle } from "@/lib/domain/lifecycle";
import { lifecycleSql } from "../challenges/lifecycle-sql";
import { cachedAggregate } from "../cache";
import { int8, int8OrNull, timestamp } from "../sql-values";
import { AREA_ROLES, allow, type Caller } from "../session";
import { loadChallenge, type MarketingChallenge } from "./load";

export type { MarketingChallenge, MilestoneInput } from "./load";

// ---------------------------------------------------------------------------------------------
// The list

export const PAGE_SIZE = 20;
export type ListStatus = Lifecycle | "all";

export type MarketingChallengeRow = {
  id: number;
  kind: ChallengeKind;
  platform: Platform;
  titleEn: string;
  titleFr: string;
  lifecycle: Lifecycle;
  startsAt: Date;
  endsAt: Date;
  endNoticeAt: Date | null;
  enrolledCount: number;
  enrollmentCap: number | null;
  milestoneCount: number;
  reachedCount: number;
  spentMinor: number;
  budgetMinor: number | null;
  currency: string;
};

export type MarketingChallengeList = {
  rows: MarketingChallengeRow[];
  counts: Record<ListStatus, number>;
  page: number;
  pageCount: number;
};

// Each status reads best in its own order: what happens next first.
const ORDER_BY: Record<ListStatus, SQL[]> = {
  all: [desc(challenges.startsAt), desc(challenges.id)],
  draft: [desc(challenges.updatedAt), desc(challenges.id)],
  scheduled: [asc(challenges.startsAt), asc(challenges.id)],
  live: [asc(challenges.endsAt), asc(challenges.id)],
  ended: [desc(challenges.endsAt), desc(challenges.id)],
  archived: [desc(challenges.endsAt), desc(challenges.id)],
};

/** Every challenge of one status, a page at a time, with enrollment, milestones reached and spend. */
export async function listChallengesForMarketing(caller: Caller, options: { status: ListStatus; page: number }): Promise<MarketingChallengeList> {
  allow(caller, AREA_ROLES.marketing);
  const db = await getDb();
  const countRows = await db
    .select({ lifecycle: lifecycleSql, n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(challenges)
    .groupBy(sql`1`);
  const counts = Object.fromEntries([...LIFECYCLE, "all"].map((k) => [k, 0])) as Record<ListStatus, number>;
  for (const r of countRows) {
    counts[r.lifecycle] = r.n;
    counts.all += r.n;
  }
  const pageCount = Math.max(1, Math.ceil(counts[options.status] / PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(options.page) || 1), pageCount);
  const found = await db
    .select({
      id: challenges.id,
      kind: challenges.kind,
      platform: challenges.platform,
      titleEn: challenges.titleEn,
      titleFr: challenges.titleFr,
      lifecycle: lifecycleSql,
      startsAt: challenges.startsAt,
      endsAt: challenges.endsAt,
      endNoticeAt: challenges.endNoticeAt,
      enrolledCount: challenges.enrolledCount,
      enrollmentCap: challenges.enrollmentCap,
      // `challenges.id` written out: drizzle leaves a one-table select's columns unqualified.
      milestoneCount: sql<number>`(select count(*)::int from milestones m where m.challenge_id = challenges.id)`.mapWith(Number),
      reachedCount: sql<number>`(select count(*)::int from milestone_awards a join milestones m on m.id = a.milestone_id
                                 where m.challenge_id = challenges.id)`.mapWith(Number),
      spentMinor: challenges.spentMinor,
      budgetMinor: challenges.budgetMinor,
      currency: challenges.currency,
    })
    .from(challenges)
    .where(options.status === "all" ? undefined : sql`${lifecycleSql} = ${options.status}`)
    .orderBy(...ORDER_BY[options.status])
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  return { rows: found, counts, page, pageCount };
}

/** A challenge for marketing's overview, edit and preview pages (drafts included). */
export async function getChallengeForMarketing(caller: Caller, id: number): Promise<MarketingChallenge | null> {
  allow(caller, AREA_ROLES.marketing);
  return loadChallenge(await getDb(), id);
}

/** Countries creators are in, for the eligibility checkboxes. */
export async function listCreatorCountries(caller: Caller): Promise<string[]> {
  allow(caller, AREA_ROLES.marketing);
  const db = await getDb();
  const found = await db.selectDistinct({ country: creators.country }).from(creators).orderBy(creators.country);
  return found.map((r) => r.country);
}

// ---------------------------------------------------------------------------------------------
// Audience estimate

export type AudienceEstimate = {
  total: number;
  byTier: { tier: Tier; count: number }[];
  byCountry: { country: string; count: number }[];
  rewardTotalMinor: number;
  /** Every matching creator reaching every milestone. */
  worstCaseMinor: number;
  /** The same, limited by the enrollment cap. */
  cappedWorstCaseMinor: number;
  enrollmentCap: number | null;
  budgetMinor: number | null;
  currency: string;
  computedAt: Date;
};

// Tier boundaries come from TIERS (constants), so the CASE follows them if they change.
const tierCase = sql.raw(
  `case ${TIERS.map((t) => (t.max === null ? `else '${t.tier}'` : `when cr.followers <= ${t.max} then '${t.tier}'`)).join(" ")} end`,
);

/** What the estimate reads of a challenge: its rules, cap, budget and currency. */
type EstimateRules = Pick<MarketingChallenge, "id" | "platform" | "minFollowers" | "maxFollowers" | "countries" | "inviteOnly" | "enrollmentCap" | "budgetMinor" | "currency">;

/**
 * How many creators the saved rules match, by tier and country: one GROUP BY over creators
 * (indexes on followers and country), and what it would cost if all of them reached every milestone.
 * A page that has loaded the challenge passes it, and the estimate is one statement.
 */
export async function estimateAudience(caller: Caller, challenge: number | EstimateRules): Promise<AudienceEstimate | null> {
  allow(caller, AREA_ROLES.marketing);
  const db = await getDb();
  const c =
    typeof challenge === "number"
      ? (
          await db
            .select({
              id: challenges.id,
              enrollmentCap: challenges.enrollmentCap,
              budgetMinor: challenges.budgetMinor,
              currency: challenges.currency,
              platform: challenges.platform,
              minFollowers: challenges.minFollowers,
              maxFollowers: challenges.maxFollowers,
              countries: challenges.countries,
              inviteOnly: challenges.inviteOnly,
            })
            .from(challenges)
            .where(eq(challenges.id, challenge))
        )[0]
      : challenge;
  if (!c) return null;
  const challengeId = c.id;
  // The rules are written into the statement as values, and a rule that is not set is left
  // out: the planner then estimates the matching creators and reads them from the audience
  // index alone. Joined to the challenge's row instead, it guessed a few hundred and sorted
  // 46,000 rows at full bench scale (48 → 14 ms).
  const rules = [sql`cr.platform = ${c.platform}`, sql`cr.followers >= ${c.minFollowers}`];
  if (c.maxFollowers !== null) rules.push(sql`cr.followers <= ${c.maxFollowers}`);
  if (c.countries.length > 0) rules.push(sql`cr.country = any(${`{${c.countries.join(",")}}`}::bpchar[])`);
  if (c.inviteOnly) rules.push(sql`exists (select 1 from challenge_invites i where i.challenge_id = ${challengeId} and i.creator_id = cr.id)`);
  // The milestones' reward total and the time come in the same statement (one row with no
  // group when no creator matches). Cached until a creator, an invite, a milestone or a
  // challenge's rules change (the audience and global versions), keyed by the rules themselves:
  // every marketing view of an unchanged challenge reads no creator.
  const ruleValues = [challengeId, c.platform, c.minFollowers, c.maxFollowers, c.countries.join(","), c.inviteOnly];
  const found = await cachedAggregate("estimateAudience", ruleValues, ["audience", "global"], () =>
    rows<{ reward: unknown; at: unknown; tier: Tier | null; country: string | null; n: unknown }>(
      db,
      sql`with reward as (
            select coalesce(sum(m.reward_minor), 0)::int8 as total, now() as at from milestones m where m.challenge_id = ${challengeId}
          ), groups as (
            select ${tierCase} as tier, cr.country::text as country, count(*)::int as n
            from creators cr
            where ${sql.join(rules, sql` and `)}
            group by 1, 2
          )
          select r.total as reward, r.at, g.tier, g.country, g.n from reward r left join groups g on true`,
    ),
  );
  const groups = found.filter((g) => g.tier !== null).map((g) => ({ tier: g.tier!, country: g.country!, n: int8(g.n) }));
  const byTier = new Map<Tier, number>(TIERS.map((t) => [t.tier, 0]));
  const byCountry = new Map<string, number>();
  let total = 0;
  for (const g of groups) {
    const n = g.n;
    total += n;
    byTier.set(g.tier, (byTier.get(g.tier) ?? 0) + n);
    byCountry.set(g.country, (byCountry.get(g.country) ?? 0) + n);
  }
  const reward = int8(found[0]?.reward ?? 0);
  const cap = c.enrollmentCap;
  return {
    total,
    byTier: TIERS.map((t) => ({ tier: t.tier, count: byTier.get(t.tier) ?? 0 })),
    byCountry: [...byCountry.entries()].map(([country, count]) => ({ country, count })).sort((a, b) => b.count - a.count || a.country.localeCompare(b.country)),
    rewardTotalMinor: reward,
    worstCaseMinor: total * reward,
    cappedWorstCaseMinor: (cap === null ? total : Math.min(total, cap)) * reward,
    enrollmentCap: cap,
    budgetMinor: c.budgetMinor,
    currency: c.currency,
    computedAt: timestamp(found[0]?.at),
  };
}

// ---------------------------------------------------------------------------------------------
// Follow-up

export type FollowUp = {
  eligible: number;
  enrolled: number;
  stillEnrolled: number;
  milestones: { position: number; metric: Metric; threshold: number; reached: number; unpaid: number }[];
  spend: { day: string; dailyMinor: number; cumulativeMinor: number }[];
  spentMinor: number;
  budgetMinor: number | null;
  currency: string;
};

/**
 * The enrollment funnel and the bonus spend by day (cumulative), in the challenge's currency.
 * A page that also shows the audience estimate passes its pending estimate, so it is computed
 * once; the three follow-up queries run side by side.
 */
export async function getChallengeFollowUp(
  caller: Caller,
  challengeId: number,
  options: { estimate?: Promise<AudienceEstimate | null> } = {},
): Promise<FollowUp | null> {
  allow(caller, AREA_ROLES.marketing);
  const db = await getDb();
  const [estimate, [counts], reached, spend] = await Promise.all([
    options.estimate ?? estimateAudience(caller, challengeId),
    rows<{ enrolled: unknown; still: unknown; spent: unknown }>(
    db,
    sql`select count(*)::int as enrolled, count(*) filter (where withdrawn_at is null)::int as still,
               (select spent_minor from challenges where id = ${challengeId}) as spent
        from enrollments where challenge_id = ${challengeId}`,
    ),
    rows<{ position: number; metric: Metric; threshold: unknown; reached: unknown; unpaid: unknown }>(
    db,
    sql`select m.position, m.metric, m.threshold, count(a.id)::int as reached,
               count(a.id) filter (where a.status = 'unpaid_budget')::int as unpaid
        from milestones m left join milestone_awards a on a.milestone_id = m.id
        where m.challenge_id = ${challengeId}
        group by m.id, m.position, m.metric, m.threshold
        order by m.position`,
    ),
    // The ledger holds each bonus in the creator's currency; the original amount is the challenge's.
    rows<{ day: string; daily: unknown; cumulative: unknown }>(
    db,
    sql`with daily as (
          select (le.occurred_at at time zone 'UTC')::date as day,
                 sum(case when le.original_currency is null then le.amount_minor else le.original_amount_minor end) as amount
          from milestones m
          join milestone_awards a on a.milestone_id = m.id
          join ledger_entries le on le.milestone_award_id = a.id and le.kind = 'milestone_award'
          where m.challenge_id = ${challengeId}
          group by 1
        ), bounds as (
          select (c.starts_at at time zone 'UTC')::date as first_day,
                 greatest((least(c.ends_at, now()) at time zone 'UTC')::date, (select max(day) from daily)) as last_day
          from challenges c where c.id = ${challengeId}
        ), days as (
          select generate_series(first_day, last_day, interval '1 day')::date as day from bounds where last_day >= first_day
        )
        select to_char(days.day, 'YYYY-MM-DD') as day, coalesce(daily.amount, 0)::int8 as daily,
               (sum(coalesce(daily.amount, 0)) over (order by days.day))::int8 as cumulative
        from days left join daily on daily.day = days.day
        order by days.day`,
    ),
  ]);
  if (!estimate) return null;
  return {
    eligible: estimate.total,
    enrolled: int8(counts?.enrolled ?? 0),
    stillEnrolled: int8(counts?.still ?? 0),
    milestones: reached.map((r) => ({ position: r.position, metric: r.metric, threshold: int8(r.threshold), reached: int8(r.reached), unpaid: int8(r.unpaid) })),
    spend: spend.map((s) => ({ day: s.day, dailyMinor: int8(s.daily), cumulativeMinor: int8(s.cumulative) })),
    spentMinor: int8OrNull(counts?.spent) ?? 0,
    budgetMinor: estimate.budgetMinor,
    currency: estimate.currency,
  };
}

export type HistoryEntry = { id: number; action: string; actorName: string | null; createdAt: Date };

/** The challenge's audit trail, newest first. */
export async function getChallengeHistory(caller: Caller, challengeId: number, limit = 20): Promise<HistoryEntry[]> {
  allow(caller, AREA_ROLES.marketing);
  const db = await getDb();
  return db
    .select({ id: auditLog.id, action: auditLog.action, actorName: users.name, createdAt: auditLog.createdAt })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entityType, "challenge"), eq(auditLog.entityId, String(challengeId))))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
