import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rows } from "@/db";
import type { Metric } from "@/db/schema";
import { daysLeft } from "@/lib/domain/pace";
import { ENTRY_STATUSES, earningGroupSql, type EntryStatus } from "../earnings/ledger-sql";
import { allowCreator, type Caller } from "../session";

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
export async function getMyEarningsSummary(caller: Caller): Promise<EarningsSummary> {
  const me = allowCreator(caller);
  const db = await getDb();
  const found = await rows<{ grp: "bonus" | "commission" | "other" | null; pending: number; available: number; in_payout: number; paid: number; currency: string; as_of: string }>(
    db,
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
        select x.grp, coalesce(x.pending, 0)::float8 as pending,
               (coalesce(x.due, 0) - coalesce(x.paid, 0) - coalesce(x.in_payout, 0))::float8 as available,
               coalesce(x.in_payout, 0)::float8 as in_payout, coalesce(x.paid, 0)::float8 as paid,
               me.currency::text as currency, now()::text as as_of
        from me left join (
          select coalesce(e.grp, h.grp) as grp, e.pending, e.due, h.paid, h.in_payout
          from entries e full join held h on h.grp = e.grp
        ) x on true`,
  );
  const totals = { bonus: emptyStatuses(), commission: emptyStatuses(), other: emptyStatuses() };
  for (const r of found) {
    if (!r.grp || !totals[r.grp]) continue;
    for (const status of ENTRY_STATUSES) totals[r.grp][status] += Number(r[status]);
  }
  return { currency: found[0]?.currency ?? "EUR", totals, asOf: new Date(found[0]?.as_of ?? Date.now()) };
}

export const RANGES = { "30d": { days: 30, bucket: "week" }, "90d": { days: 90, bucket: "week" }, "12m": { days: 365, bucket: "month" } } as const;
export type RangeKey = keyof typeof RANGES;
export type SeriesPoint = { bucket: string; bonus: number; commission: number };

/** Bonus and commission totals per week or month over the range, empty buckets included. */
export async function getMyEarningsSeries(caller: Caller, range: RangeKey): Promise<SeriesPoint[]> {
  const me = allowCreator(caller);
  const db = await getDb();
  const { days, bucket } = RANGES[range];
  const unit = sql.raw(`'${bucket}'`);
  const step = sql.raw(`'1 ${bucket}'`);
  const found = await rows<{ bucket: string; bonus: number; commission: number }>(
    db,
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
               coalesce(sums.bonus, 0)::float8 as bonus, coalesce(sums.commission, 0)::float8 as commission
        from buckets left join sums on sums.b = buckets.b
        order by buckets.b`,
  );
  return found.map((r) => ({ bucket: r.bucket, bonus: Number(r.bonus), commission: Number(r.commission) }));
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
export async function getMyLiveChallenges(caller: Caller): Promise<LiveChallengeProgress[]> {
  const me = allowCreator(caller);
  const db = await getDb();
  const found = await rows<{
    challenge_id: number;
    title_en: string;
    title_fr: string;
    ends_at: string;
    end_notice_at: string | null;
    currency: string;
    milestone_id: number;
    position: number;
    metric: Metric;
    threshold: number;
    reward_minor: number;
    current: number;
    reached: boolean;
  }>(
    db,
    sql`select c.id as challenge_id, c.title_en, c.title_fr, c.ends_at::text as ends_at, c.end_notice_at::text as end_notice_at,
               c.currency::text as currency, m.id as milestone_id, m.position, m.metric, m.threshold::float8 as threshold,
               m.reward_minor::float8 as reward_minor, coalesce(p.total, 0)::float8 as current,
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
      const endsAt = new Date(r.ends_at);
      c = {
        id: r.challenge_id,
        titleEn: r.title_en,
        titleFr: r.title_fr,
        endsAt,
        endNoticeAt: r.end_notice_at ? new Date(r.end_notice_at) : null,
        daysLeft: daysLeft(endsAt),
        currency: r.currency,
        milestones: [],
      };
      byChallenge.set(r.challenge_id, c);
    }
    c.milestones.push({
      id: r.milestone_id,
      position: r.position,
      metric: r.metric,
      threshold: Number(r.threshold),
      rewardMinor: Number(r.reward_minor),
      current: Number(r.current),
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
export async function getMyNewAwards(caller: Caller): Promise<NewAward[]> {
  const me = allowCreator(caller);
  const db = await getDb();
  const found = await rows<{ id: number; status: "paid" | "unpaid_budget"; title_en: string; title_fr: string; position: number; reward_minor: number; currency: string }>(
    db,
    sql`select a.id, a.status, c.title_en, c.title_fr, m.position, m.reward_minor::float8 as reward_minor, c.currency::text as currency
        from milestone_awards a join milestones m on m.id = a.milestone_id join challenges c on c.id = m.challenge_id
        where a.creator_id = ${me.creatorId} and a.seen_at is null
        order by a.id
        limit 50`,
  );
  return found.map((r) => ({ id: r.id, status: r.status, titleEn: r.title_en, titleFr: r.title_fr, position: r.position, rewardMinor: Number(r.reward_minor), currency: r.currency }));
}
