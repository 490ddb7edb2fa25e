import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rows, type Executor, type Tx } from "@/db";
import { ledgerEntries, milestoneAwards } from "@/db/schema";
import type { BatchResult, Rejection } from "@/lib/api/signed-batch";
import { activityEventSchema, firstIssue, type ActivityEventInput } from "@/lib/validation/ingest";
import { countedParts } from "./counted-sql";
import { convertAt } from "./fx";

// "Counted" (lib/dal/counted-sql.ts) over the aliases of storeBatch: the enrollment part is
// checked where events meet enrollments (e), the window part where they meet challenges (k).
const counted = countedParts({ at: "occurred_at", startsAt: "k.starts_at", endsAt: "k.ends_at", enrolledAt: "e.enrolled_at", withdrawnAt: "e.withdrawn_at" });

/** A valid event of the batch, with its index in the request (for per-item errors). */
type BatchEvent = { idx: number; id: string; creator: string; metric: string; amount: number; occurred_at: string };
type DueAward = {
  enrollment_id: number;
  milestone_id: number;
  creator_id: number;
  challenge_id: number;
  position: number;
  reward_minor: number;
  challenge_currency: string;
  creator_currency: string;
  reached_at: string;
  rate_micros: number | null;
};

/**
 * Takes a batch of activity events from the platform. Callers are route handlers that have
 * verified the HMAC signature (lib/api/signed-batch.ts): the platform is the only principal.
 * Invalid events are rejected one by one; the valid ones are stored, counted once per id
 * (whatever the replays or concurrency), rolled up, and may award milestones — all in one
 * transaction, so a failure leaves nothing half-written. `db` is for the demo seed, which
 * ingests inside its own transaction (lib/dal/system.ts); everyone else leaves it out.
 */
export async function ingestActivityEvents(items: unknown[], db?: Executor): Promise<BatchResult> {
  const rejected: Rejection[] = [];
  const valid: { index: number; event: ActivityEventInput }[] = [];
  items.forEach((item, index) => {
    const parsed = activityEventSchema.safeParse(item);
    if (parsed.success) valid.push({ index, event: parsed.data });
    else rejected.push({ index, error: firstIssue(parsed.error) });
  });

  if (valid.length === 0) return { accepted: 0, duplicates: 0, rejected };

  const conn = db ?? (await getDb());
  const batch: BatchEvent[] = valid.map(({ index, event }) => ({
    idx: index,
    id: event.id,
    creator: event.creator,
    metric: event.metric,
    amount: event.amount,
    occurred_at: event.occurredAt.toISOString(),
  }));
  const stored = await conn.transaction(async (tx) => {
    const result = await storeBatch(tx, batch);
    if (result.due.length > 0) await awardReachedMilestones(tx, result.due);
    return result;
  });
  // Unknown creators are rejected; of the rest, what was not stored was already there (a replay)
  // or repeated an id earlier in the batch.
  const byIndex = new Map(batch.map((b) => [b.idx, b]));
  for (const index of stored.unknownCreatorAt) rejected.push({ index, error: `unknown creator "${byIndex.get(index)!.creator}"` });
  rejected.sort((a, b) => a.index - b.index);
  return { accepted: stored.accepted, duplicates: stored.known - stored.accepted, rejected };
}

/**
 * One statement, one round trip, the batch parsed once: creators are found by handle (an
 * unknown one rejects its events), an id repeated in the batch counts once (the first),
 * receipts make each id count once across batches, only events whose receipt is new are
 * stored, then added to the per-day rollup (what pages read instead of raw events) and to the
 * progress of each enrollment they count for: the creator's, of a metric the challenge's
 * milestones use, inside the window, after enrolling and before withdrawing. Late and out-of-order events count the same as timely ones. Returns how many
 * events were new and the milestones the new totals reach that have no award yet, with the
 * day's exchange rate for each (the awards are written next, in the same transaction).
 */
async function storeBatch(tx: Tx, events: BatchEvent[]): Promise<{ accepted: number; known: number; unknownCreatorAt: number[]; due: DueAward[] }> {
  const [result] = await rows<{ accepted: number; known: number; unknown: string; due: string }>(
    tx,
    sql`with resolved as materialized (
          select x.*, c.id as creator_id
          from jsonb_to_recordset(${JSON.stringify(events)}::jsonb)
            as x(idx int, id text, creator text, metric metric, amount bigint, occurred_at timestamptz)
          left join creators c on c.handle = x.creator
        ), input as (
          select distinct on (id) id, creator_id, metric, amount, occurred_at
          from resolved where creator_id is not null
          order by id, idx
        ), fresh as (
          insert into activity_event_receipts (id) select id from input order by id
          on conflict (id) do nothing returning id
        ), ev as (
          insert into activity_events (id, creator_id, metric, amount, occurred_at)
          select i.id, i.creator_id, i.metric, i.amount, i.occurred_at from input i join fresh f on f.id = i.id
          returning creator_id, metric, amount, occurred_at
        ), daily as (
          -- Sorted, so concurrent batches lock the rows they share in the same order.
          insert into creator_daily_metrics (creator_id, metric, day, total)
          select creator_id, metric, (occurred_at at time zone 'UTC')::date, sum(amount)
          from ev
          group by 1, 2, 3
          order by 1, 2, 3
          on conflict (creator_id, metric, day)
          do update set total = creator_daily_metrics.total + excluded.total
        ), counting as materialized (
          -- The challenges open at some moment of the batch, with each metric their milestones
          -- use: a few hundred rows, hashed once, instead of a challenge and a milestone lookup
          -- for each enrollment found (at full bench scale, nine in ten of a batch's 2,800
          -- enrollments are of challenges that are over or do not count that metric).
          select distinct c.id as challenge_id, m.metric, c.starts_at, c.ends_at
          from challenges c
          join milestones m on m.challenge_id = c.id
          where c.state <> 'draft'
            and c.starts_at <= (select max(occurred_at) from ev)
            and c.ends_at > (select min(occurred_at) from ev)
        ), enrolled as materialized (
          -- From the batch's creators to their enrollments (enrollments_creator_idx), never the
          -- other way: left free, the planner joined every event to every challenge using the
          -- metric, then scanned their enrollments (190k buffer hits for 1,000 events at 1/100
          -- scale, growing with the number of challenges). MATERIALIZED fixes this join order.
          select e.id as enrollment_id, e.challenge_id, ev.metric, ev.amount, ev.occurred_at
          from ev
          join enrollments e on e.creator_id = ev.creator_id
            and ${counted.afterEnrolling} and ${counted.beforeWithdrawing}
        ), counted as (
          select h.enrollment_id, h.metric, sum(h.amount) as amount, max(h.occurred_at) as last_at
          from enrolled h
          join counting k on k.challenge_id = h.challenge_id and k.metric = h.metric and ${counted.inWindow}
          group by h.enrollment_id, h.metric
        ), up as (
          insert into enrollment_progress (enrollment_id, metric, total)
          select enrollment_id, metric, amount from counted order by enrollment_id, metric
          on conflict (enrollment_id, metric)
          do update set total = enrollment_progress.total + excluded.total, updated_at = now()
          returning enrollment_id, metric, total
        ), due as (
          -- The milestones reached by the new totals and not awarded yet. The awards themselves
          -- are checked again under the unique key when written: this snapshot may be stale.
          select e.id as enrollment_id, m.id as milestone_id, e.creator_id, m.challenge_id, m.position,
                 m.reward_minor::float8 as reward_minor, c.currency::text as challenge_currency,
                 cr.currency::text as creator_currency, counted.last_at as reached_at,
                 (select r.rate_micros::float8 from exchange_rates r
                   where r.base = c.currency and r.quote = cr.currency and r.day <= (counted.last_at at time zone 'UTC')::date
                   order by r.day desc limit 1) as rate_micros
          from up
          join counted on counted.enrollment_id = up.enrollment_id and counted.metric = up.metric
          join enrollments e on e.id = up.enrollment_id
          join challenges c on c.id = e.challenge_id
          join creators cr on cr.id = e.creator_id
          join milestones m on m.challenge_id = e.challenge_id and m.metric = up.metric and m.threshold <= up.total
          where not exists (select 1 from milestone_awards a where a.enrollment_id = e.id and a.milestone_id = m.id)
        )
        select (select count(*) from ev)::int as accepted,
               (select count(*) from resolved where creator_id is not null)::int as known,
               coalesce((select jsonb_agg(idx order by idx) from resolved where creator_id is null), '[]'::jsonb)::text as unknown,
               coalesce((select jsonb_agg(to_jsonb(due) order by due.challenge_id, due.position, due.enrollment_id) from due), '[]'::jsonb)::text as due`,
  );
  return {
    accepted: Number(result.accepted),
    known: Number(result.known),
    unknownCreatorAt: JSON.parse(result.unknown) as number[],
    due: JSON.parse(result.due) as DueAward[],
  };
}

/**
 * Writes one award per enrollment and milestone, never two: the unique key decides who wins
 * under concurrency, and only the winner spends budget and writes the ledger entry. The budget
 * is taken with a conditional UPDATE, so it is never exceeded; a milestone reached once the
 * budget is spent is recorded as unpaid, with that reason.
 *
 * Two statements per award, and no decision in JavaScript between them, so all of them go to
 * the server in one pipelined burst (postgres.js pipelines a transaction's pending queries) and
 * run in order: the awards of one challenge spend its budget in milestone order, as before.
 */
async function awardReachedMilestones(tx: Tx, due: DueAward[]): Promise<void> {
  const statements = due.flatMap((award) => {
    const money = convertAt(award.reward_minor, award.challenge_currency, award.creator_currency, award.rate_micros === null ? null : Number(award.rate_micros));
    const reachedAt = new Date(award.reached_at).toISOString();
    return [
      // The award, its budget (spent only if this request's award row is new) and its ledger
      // entry (written only if the budget was spent).
      tx.execute(sql`with award as (
            insert into milestone_awards (enrollment_id, milestone_id, creator_id, status, reached_at)
            values (${award.enrollment_id}, ${award.milestone_id}, ${award.creator_id}, 'paid', ${reachedAt}::timestamptz)
            on conflict do nothing
            returning id
          ), spent as (
            update challenges set spent_minor = spent_minor + ${award.reward_minor}
            where id = ${award.challenge_id} and exists (select 1 from award)
              and (budget_minor is null or spent_minor + ${award.reward_minor} <= budget_minor)
            returning id
          )
          insert into ${ledgerEntries} (creator_id, kind, milestone_award_id, amount_minor, currency,
                                        original_amount_minor, original_currency, fx_rate_micros, occurred_at, available_at)
          select ${award.creator_id}, 'milestone_award', award.id, ${money.amountMinor}, ${money.currency},
                 ${money.originalAmountMinor}, ${money.originalCurrency}, ${money.fxRateMicros}, ${reachedAt}::timestamptz, ${reachedAt}::timestamptz
          from award where exists (select 1 from spent)`),
      // The next statement sees the first one's effects: an award this request wrote without
      // a ledger entry is one the budget could not pay. Another request's award is left alone
      // (it has its entry, or that request marks it itself).
      tx.execute(sql`update ${milestoneAwards} a set status = 'unpaid_budget'
          where a.enrollment_id = ${award.enrollment_id} and a.milestone_id = ${award.milestone_id} and a.status = 'paid'
            and a.created_at = now()
            and not exists (select 1 from ledger_entries le where le.milestone_award_id = a.id)`),
    ];
  });
  await Promise.all(statements);
}
