import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rows, type Tx } from "@/db";
import { ledgerEntries, milestoneAwards } from "@/db/schema";
import type { BatchResult, Rejection } from "@/lib/api/signed-batch";
import { activityEventSchema, firstIssue, type ActivityEventInput } from "@/lib/validation/ingest";
import { convertAt } from "./fx";

type NewEvent = { id: string; creator_id: number; metric: string; amount: number; occurred_at: string };
type Progress = { enrollment_id: number; metric: string; total: number; last_at: string };
type DueAward = {
  enrollment_id: number;
  milestone_id: number;
  creator_id: number;
  challenge_id: number;
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
 * transaction, so a failure leaves nothing half-written.
 */
export async function ingestActivityEvents(items: unknown[]): Promise<BatchResult> {
  const rejected: Rejection[] = [];
  const valid: { index: number; event: ActivityEventInput }[] = [];
  items.forEach((item, index) => {
    const parsed = activityEventSchema.safeParse(item);
    if (parsed.success) valid.push({ index, event: parsed.data });
    else rejected.push({ index, error: firstIssue(parsed.error) });
  });

  const db = await getDb();
  const handles = [...new Set(valid.map((v) => v.event.creator))];
  // One array parameter, not one parameter per handle: the statement text (and its plan) is the
  // same for every batch, where an IN list made a new prepared statement per batch size.
  const known = handles.length
    ? await rows<{ id: number; handle: string }>(
        db,
        sql`select c.id, c.handle from jsonb_array_elements_text(${JSON.stringify(handles)}::jsonb) as h(handle)
            join creators c on c.handle = h.handle`,
      )
    : [];
  const creatorIdByHandle = new Map(known.map((c) => [c.handle, c.id]));

  // Unknown creators are rejected; an id repeated inside the batch counts once (the first).
  const seen = new Set<string>();
  let duplicatesInBatch = 0;
  const rowsToInsert: NewEvent[] = [];
  for (const { index, event } of valid) {
    const creatorId = creatorIdByHandle.get(event.creator);
    if (creatorId === undefined) {
      rejected.push({ index, error: `unknown creator "${event.creator}"` });
      continue;
    }
    if (seen.has(event.id)) {
      duplicatesInBatch++;
      continue;
    }
    seen.add(event.id);
    rowsToInsert.push({ id: event.id, creator_id: creatorId, metric: event.metric, amount: event.amount, occurred_at: event.occurredAt.toISOString() });
  }
  rejected.sort((a, b) => a.index - b.index);
  if (rowsToInsert.length === 0) return { accepted: 0, duplicates: duplicatesInBatch, rejected };

  const accepted = await db.transaction(async (tx) => {
    const { accepted: fresh, progress } = await storeBatch(tx, rowsToInsert);
    if (progress.length > 0) await awardReachedMilestones(tx, progress);
    return fresh;
  });
  return { accepted, duplicates: duplicatesInBatch + rowsToInsert.length - accepted, rejected };
}

/**
 * One statement, one round trip, the batch parsed once: receipts make each id count once, only
 * events whose receipt is new are stored, then added to the per-day rollup (what pages read
 * instead of raw events) and to the progress of each enrollment they count for: the creator's,
 * of a metric the challenge's milestones use, inside the window, after enrolling and before
 * withdrawing. Late and out-of-order events count the same as timely ones. Returns how many
 * events were new and the enrollments' new totals (for awards).
 */
async function storeBatch(tx: Tx, events: NewEvent[]): Promise<{ accepted: number; progress: Progress[] }> {
  const [result] = await rows<{ accepted: number; progress: string }>(
    tx,
    sql`with input as (
          select * from jsonb_to_recordset(${JSON.stringify(events)}::jsonb)
            as x(id text, creator_id int, metric metric, amount bigint, occurred_at timestamptz)
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
        ), hits as materialized (
          -- From the batch's creators to their enrollments (enrollments_creator_idx), never the
          -- other way: left free, the planner joined every event to every challenge using the
          -- metric, then scanned their enrollments (190k buffer hits for 1,000 events at 1/100
          -- scale, growing with the number of challenges). MATERIALIZED fixes this join order.
          select e.id as enrollment_id, e.challenge_id, ev.metric, ev.amount, ev.occurred_at
          from ev
          join enrollments e on e.creator_id = ev.creator_id
            and ev.occurred_at >= e.enrolled_at
            and (e.withdrawn_at is null or ev.occurred_at < e.withdrawn_at)
          join challenges c on c.id = e.challenge_id and c.state <> 'draft'
            and ev.occurred_at >= c.starts_at and ev.occurred_at < c.ends_at
        ), counted as (
          select h.enrollment_id, h.metric, sum(h.amount) as amount, max(h.occurred_at) as last_at
          from hits h
          where exists (select 1 from milestones m where m.challenge_id = h.challenge_id and m.metric = h.metric)
          group by h.enrollment_id, h.metric
        ), up as (
          insert into enrollment_progress (enrollment_id, metric, total)
          select enrollment_id, metric, amount from counted order by enrollment_id, metric
          on conflict (enrollment_id, metric)
          do update set total = enrollment_progress.total + excluded.total, updated_at = now()
          returning enrollment_id, metric, total
        )
        select (select count(*) from ev)::int as accepted,
               coalesce((select jsonb_agg(jsonb_build_object('enrollment_id', up.enrollment_id, 'metric', up.metric,
                                                             'total', up.total, 'last_at', counted.last_at))
                         from up join counted on counted.enrollment_id = up.enrollment_id and counted.metric = up.metric),
                        '[]'::jsonb)::text as progress`,
  );
  return { accepted: Number(result.accepted), progress: JSON.parse(result.progress) as Progress[] };
}

/**
 * Writes one award per enrollment and milestone, never two: the unique key decides who wins
 * under concurrency, and only the winner spends budget and writes the ledger entry. The budget
 * is taken with a conditional UPDATE, so it is never exceeded; a milestone reached once the
 * budget is spent is recorded as unpaid, with that reason.
 */
async function awardReachedMilestones(tx: Tx, progress: Progress[]): Promise<void> {
  const due = await rows<DueAward>(
    tx,
    sql`with p as (
          select * from jsonb_to_recordset(${JSON.stringify(progress)}::jsonb)
            as x(enrollment_id int, metric metric, total bigint, last_at timestamptz)
        )
        select e.id as enrollment_id, m.id as milestone_id, e.creator_id, m.challenge_id,
               m.reward_minor::float8 as reward_minor, c.currency::text as challenge_currency,
               cr.currency::text as creator_currency, p.last_at::text as reached_at,
               (select r.rate_micros::float8 from exchange_rates r
                 where r.base = c.currency and r.quote = cr.currency and r.day <= (p.last_at at time zone 'UTC')::date
                 order by r.day desc limit 1) as rate_micros
        from p
        join enrollments e on e.id = p.enrollment_id
        join challenges c on c.id = e.challenge_id
        join creators cr on cr.id = e.creator_id
        join milestones m on m.challenge_id = e.challenge_id and m.metric = p.metric and m.threshold <= p.total
        where not exists (select 1 from milestone_awards a where a.enrollment_id = e.id and a.milestone_id = m.id)
        order by m.challenge_id, m.position, e.id`,
  );
  // Two round trips per award: the award and its budget in one statement (the budget is spent
  // only by the request whose award row is new), then its ledger entry or its unpaid status.
  for (const award of due) {
    const reachedAt = new Date(award.reached_at);
    const [inserted] = await rows<{ id: number; spent: boolean }>(
      tx,
      sql`with award as (
            insert into milestone_awards (enrollment_id, milestone_id, creator_id, status, reached_at)
            values (${award.enrollment_id}, ${award.milestone_id}, ${award.creator_id}, 'paid', ${award.reached_at}::timestamptz)
            on conflict do nothing
            returning id
          ), spent as (
            update challenges set spent_minor = spent_minor + ${award.reward_minor}
            where id = ${award.challenge_id} and exists (select 1 from award)
              and (budget_minor is null or spent_minor + ${award.reward_minor} <= budget_minor)
            returning id
          )
          select award.id, exists (select 1 from spent) as spent from award`,
    );
    if (!inserted) continue; // another request awarded it first
    if (!inserted.spent) {
      await tx.update(milestoneAwards).set({ status: "unpaid_budget" }).where(sql`${milestoneAwards.id} = ${inserted.id}`);
      continue;
    }
    const money = convertAt(award.reward_minor, award.challenge_currency, award.creator_currency, award.rate_micros === null ? null : Number(award.rate_micros));
    await tx.insert(ledgerEntries).values({
      creatorId: award.creator_id,
      kind: "milestone_award",
      milestoneAwardId: inserted.id,
      ...money,
      occurredAt: reachedAt,
      availableAt: reachedAt,
    });
  }
}
