import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { awardStatusEnum, metricEnum, type Metric } from "@/db/schema";
import { ENTRY_STATUSES, type EntryStatus } from "@/lib/domain/entry-status";
import { daysLeft } from "@/lib/domain/pace";
import { earningGroupSql } from "../earnings/ledger-sql";
import { int4, int8, parsedRows, timestamp } from "../row";
import { allowCreator, type Caller } from "../session";
import { cachedForCreator } from "../cache";

export type EarningsSummary = {
  currency: string;
  /** Minor units by group (bonus, commission, other) and status. */
  totals: Record<"bonus" | "commission" | "other", Record<EntryStatus, number>>;
  asOf: Date;
};

const emptyStatuses = (): Record<EntryStatus, number> => ({ pending: 0, available: 0, in_payout: 0, paid: 0 });

/**
 * The creator's earnings split by kind and status, in their currency: one aggregate query.
 * Paid and in-payout totals come from the creator's payouts (each stores its amount by group);
 * what is due but in no payout is the rest. An entry joins a payout only once available, so
 * pending entries are never in one. This reads the creator's own entries and payouts only: no
 * per-entry lookup in payout_items, whose size follows the whole platform's history.
 */
// Cached per creator until their data changes (lib/dal/cache.ts), after the caller's check.
export const getMyEarningsSummary = (caller: Caller): Promise<EarningsSummary> =>
  cachedForCreator(allowCreator(caller), "creator-home.summary", [], () => getMyEarningsSummaryUncached(caller));

async function getMyEarningsSummaryUncached(caller: Caller): Promise<EarningsSummary> {
  const me = allowCreator(caller);
  const db = await getDb();
  const found = await parsedRows(
    db,
    z.object({
      grp: z.enum(["bonus", "commission", "other"]).nullable(),
      pending: int8,
      available: int8,
      in_payout: int8,
      paid: int8,
      currency: z.string(),
      as_of: timestamp,
    }),
    sql`with me as (select id, currency from creators where id = ${me.creatorId}),
        entries as (
          select ${earningGroupSql} as grp,
                 sum(le.amount_minor) filter (where le.available_at > now()) as pending,
                 sum(le.amount_minor) filter (where le.available_at <= now()) as due
          from me join ledger_entries le on le.creator_id = me.id and le.currency = me.currency and le.kind <> 'payout'
          group by 1
        ), held as (
          select g.grp,
                 sum(g.amount) filter (where p.status = 'paid') as paid,
                 sum(g.amount) filter (where p.status <> 'paid') as in_payout
          from me join payouts p on p.creator_id = me.id and p.currency = me.currency and p.status <> 'rejected'
          cross join lateral (values ('bonus', p.bonus_minor), ('commission', p.commission_minor), ('other', p.other_minor)) as g(grp, amount)
          group by 1
        )
        select x.grp, coalesce(x.pending, 0)::bigint as pending,
               (coalesce(x.due, 0) - coalesce(x.paid, 0) - coalesce(x.in_payout, 0))::bigint as available,
               coalesce(x.in_payout, 0)::bigint as in_payout, coalesce(x.paid, 0)::bigint as paid,
               me.currency as currency, now() as as_of
        from me left join (
          select coalesce(e.grp, h.grp) as grp, e.pending, e.due, h.paid, h.in_payout
          from entries e full join held h on h.grp = e.grp
        ) x on true`,
  );
  const totals = { bonus: emptyStatuses(), commission: emptyStatuses(), other: emptyStatuses() };
  for (const r of found) {
    if (!r.grp || !totals[r.grp]) continue;
    for (const status of ENTRY_STATUSES) totals[r.grp][status] += r[status];
  }
  return { currency: found[0]?.currency ?? "EUR", totals, asOf: found[0]?.as_of ?? new Date() };
}

export const RANGES = { "30d": { days: 30, bucket: "week" }, "90d": { days: 90, bucket: "week" }, "12m": { days: 365, bucket: "month" } } as const;
export type RangeKey = keyof typeof RANGES;
export type SeriesPoint = { bucket: string; bonus: number; commission: number };

/** Bonus and commission totals per week or month over the range, empty buckets included. */
// Cached per creator until their data changes (lib/dal/cache.ts), after the caller's check.
export const getMyEarningsSeries = (caller: Caller, range: RangeKey): Promise<SeriesPoint[]> =>
  cachedForCreator(allowCreator(caller), "creator-home.series", [range], () => getMyEarningsSeriesUncached(caller, range));

async function getMyEarningsSeriesUncached(caller: Caller, range: RangeKey): Promise<SeriesPoint[]> {
  const me = allowCreator(caller);
  const db = await getDb();
  const { days, bucket } = RANGES[range];
  const unit = sql.raw(`'${bucket}'`);
  const step = sql.raw(`'1 ${bucket}'`);
  return parsedRows(
    db,
    z.object({ bucket: z.string(), bonus: int8, commission: int8 }),
    sql`with buckets as (
          select generate_series(date_trunc(${unit}, now() - ${days} * interval '1 day'), date_trunc(${unit}, now()), ${step}::interval) as b
        ), sums as (
          select date_trunc(${unit}, le.occurred_at) as b,
                 sum(le.amount_minor) filter (where le.kind in ('milestone_award', 'milestone_adjustment')) as bonus,
                 sum(le.amount_minor) filter (where le.kind in ('commission', 'refund')) as commission
          from ledger_entries le join creators c on c.id = le.creator_id
          where le.creator_id = ${me.creatorId} and le.currency = c.currency
            and le.occurred_at >= date_trunc(${unit}, now() - ${days} * interval '1 day')
          group by 1
        )
        select to_char(buckets.b at time zone 'UTC', 'YYYY-MM-DD') as bucket,
               coalesce(sums.bonus, 0)::bigint as bonus, coalesce(sums.commission, 0)::bigint as commission
        from buckets left join sums on sums.b = buckets.b
        order by buckets.b`,
  );
}

export type LiveChallengeProgress = {
  id: number;
  titleEn: string;
  titleFr: string;
  endsAt: Date;
  endNoticeAt: Date | null;
  daysLeft: number;
  currency: string;
  milestones: { id: number; position: number; metric: Metric; threshold: number; rewardMinor: number; current: number; reached: boolean }[];
};

/** Live challenges the creator is in, each milestone with its progress (no raw events read). */
// Cached per creator until their data changes (lib/dal/cache.ts), after the caller's check.
export const getMyLiveChallenges = (caller: Caller): Promise<LiveChallengeProgress[]> =>
  cachedForCreator(allowCreator(caller), "creator-home.live-challenges", [], () => getMyLiveChallengesUncached(caller));

async function getMyLiveChallengesUncached(caller: Caller): Promise<LiveChallengeProgress[]> {
  const me = allowCreator(caller);
  const db = await getDb();
  const found = await parsedRows(
    db,
    z.object({
      challenge_id: int4,
      title_en: z.string(),
      title_fr: z.string(),
      ends_at: timestamp,
      end_notice_at: timestamp.nullable(),
      currency: z.string(),
      milestone_id: int4,
      position: int4,
      metric: z.enum(metricEnum.enumValues),
      threshold: int8,
      reward_minor: int8,
      current: int8,
      reached: z.boolean(),
    }),
    sql`select c.id as challenge_id, c.title_en, c.title_fr, c.ends_at, c.end_notice_at,
               c.currency as currency, m.id as milestone_id, m.position, m.metric, m.threshold::bigint as threshold,
               m.reward_minor::bigint as reward_minor, coalesce(p.total, 0)::bigint as current,
               exists (select 1 from milestone_awards a where a.enrollment_id = e.id and a.milestone_id = m.id) as reached
        from enrollments e
        join challenges c on c.id = e.challenge_id
        join milestones m on m.challenge_id = c.id
        left join enrollment_progress p on p.enrollment_id = e.id and p.metric = m.metric
        where e.creator_id = ${me.creatorId} and e.withdrawn_at is null
          and c.state = 'published' and now() >= c.starts_at and now() < c.ends_at
        order by c.ends_at, c.id, m.position`,
  );
  const byChallenge = new Map<number, LiveChallengeProgress>();
  for (const r of found) {
    let c = byChallenge.get(r.challenge_id);
    if (!c) {
      c = {
        id: r.challenge_id,
        titleEn: r.title_en,
        titleFr: r.title_fr,
        endsAt: r.ends_at,
        endNoticeAt: r.end_notice_at,
        daysLeft: daysLeft(r.ends_at),
        currency: r.currency,
        milestones: [],
      };
      byChallenge.set(r.challenge_id, c);
    }
    c.milestones.push({
      id: r.milestone_id,
      position: r.position,
      metric: r.metric,
      threshold: r.threshold,
      rewardMinor: r.reward_minor,
      current: r.current,
      reached: r.reached,
    });
  }
  return [...byChallenge.values()];
}

export type NewAward = { id: number; status: "paid" | "unpaid_budget"; titleEn: string; titleFr: string; position: number; rewardMinor: number; currency: string };

/**
 * Milestones reached since the creator last dismissed the banner. A read only: a render may run
 * twice (refresh, prefetch, revalidation), so the banner stays until the creator dismisses it.
 */
// Cached per creator until their data changes (lib/dal/cache.ts), after the caller's check.
export const getMyNewAwards = (caller: Caller): Promise<NewAward[]> =>
  cachedForCreator(allowCreator(caller), "creator-home.new-awards", [], () => getMyNewAwardsUncached(caller));

async function getMyNewAwardsUncached(caller: Caller): Promise<NewAward[]> {
  const me = allowCreator(caller);
  const db = await getDb();
  const found = await parsedRows(
    db,
    z.object({ id: int4, status: z.enum(awardStatusEnum.enumValues), title_en: z.string(), title_fr: z.string(), position: int4, reward_minor: int8, currency: z.string() }),
    sql`select a.id, a.status, c.title_en, c.title_fr, m.position, m.reward_minor::bigint as reward_minor, c.currency as currency
        from milestone_awards a join milestones m on m.id = a.milestone_id join challenges c on c.id = m.challenge_id
        where a.creator_id = ${me.creatorId} and a.seen_at is null
        order by a.id
        limit 50`,
  );
  return found.map((r) => ({ id: r.id, status: r.status, titleEn: r.title_en, titleFr: r.title_fr, position: r.position, rewardMinor: r.reward_minor, currency: r.currency }));
}
