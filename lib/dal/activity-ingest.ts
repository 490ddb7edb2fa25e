import "server-only";
import { inArray, sql } from "drizzle-orm";
import { getDb, rows, type Tx } from "@/db";
import { challenges, creators, ledgerEntries, milestoneAwards } from "@/db/schema";
import type { BatchResult, Rejection } from "@/lib/api/signed-batch";
import { activityEventSchema, firstIssue, type ActivityEventInput } from "@/lib/validation/ingest";
import { toCreatorCurrency } from "./fx";

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
  const known = handles.length
    ? await db.select({ id: creators.id, handle: creators.handle }).from(creators).where(inArray(creators.handle, handles))
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
    const fresh = await insertNewEvents(tx, rowsToInsert);
    if (fresh.length === 0) return 0;
    await addToDailyRollup(tx, fresh);
    const progress = await addToEnrollmentProgress(tx, fresh);
    if (progress.length > 0) await awardReachedMilestones(tx, progress);
    return fresh.length;
  });
  return { accepted, duplicates: duplicatesInBatch + rowsToInsert.length - accepted, rejected };
}

/** Receipts make each id count once; only events whose receipt is new are stored. */
async function insertNewEvents(tx: Tx, events: NewEvent[]): Promise<NewEvent[]> {
  return rows<NewEvent>(
    tx,
    sql`with input as (
          select * from jsonb_to_recordset(${JSON.stringify(events)}::jsonb)
            as x(id text, creator_id int, metric metric, amount bigint, occurred_at timestamptz)
        ), fresh as (
          insert into activity_event_receipts (id) select id from input order by id
          on conflict (id) do nothing returning id
        )
        insert into activity_events (id, creator_id, metric, amount, occurred_at)
        select i.id, i.creator_id, i.metric, i.amount, i.occurred_at from input i join fresh f on f.id = i.id
        returning id, creator_id, metric::text as metric, amount::float8 as amount, occurred_at::text as occurred_at`,
  );
}

/** Per-creator, per-metric, per-day totals: what pages read instead of raw events. */
async function addToDailyRollup(tx: Tx, events: NewEvent[]): Promise<void> {
  await tx.execute(
    sql`insert into creator_daily_metrics (creator_id, metric, day, total)
        select creator_id, metric, (occurred_at at time zone 'UTC')::date, sum(amount)
        from jsonb_to_recordset(${JSON.stringify(events)}::jsonb)
          as x(creator_id int, metric metric, amount bigint, occurred_at timestamptz)
        group by 1, 2, 3
        order by 1, 2, 3
        on conflict (creator_id, metric, day)
        do update set total = creator_daily_metrics.total + excluded.total`,
  );
}

/**
 * Adds to each enrollment the events that count for it: the creator's, of a metric the
 * challenge's milestones use, inside the window, after enrolling and before withdrawing.
 * Late and out-of-order events count the same as timely ones.
 */
async function addToEnrollmentProgress(tx: Tx, events: NewEvent[]): Promise<Progress[]> {
  return rows<Progress>(
    tx,
    sql`with ev as (
          select * from jsonb_to_recordset(${JSON.stringify(events)}::jsonb)
            as x(creator_id int, metric metric, amount bigint, occurred_at timestamptz)
        ), counted as (
          select e.id as enrollment_id, ev.metric, sum(ev.amount) as amount, max(ev.occurred_at) as last_at
          from ev
          join enrollments e on e.creator_id = ev.creator_id
            and ev.occurred_at >= e.enrolled_at
            and (e.withdrawn_at is null or ev.occurred_at < e.withdrawn_at)
          join challenges c on c.id = e.challenge_id and c.state <> 'draft'
            and ev.occurred_at >= c.starts_at and ev.occurred_at < c.ends_at
          where exists (select 1 from milestones m where m.challenge_id = c.id and m.metric = ev.metric)
          group by e.id, ev.metric
        ), up as (
          insert into enrollment_progress (enrollment_id, metric, total)
          select enrollment_id, metric, amount from counted order by enrollment_id, metric
          on conflict (enrollment_id, metric)
          do update set total = enrollment_progress.total + excluded.total, updated_at = now()
          returning enrollment_id, metric, total
        )
        select up.enrollment_id, up.metric::text as metric, up.total::float8 as total, counted.last_at::text as last_at
        from up join counted on counted.enrollment_id = up.enrollment_id and counted.metric = up.metric`,
  );
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
               cr.currency::text as creator_currency, p.last_at::text as reached_at
        from p
        join enrollments e on e.id = p.enrollment_id
        join challenges c on c.id = e.challenge_id
        join creators cr on cr.id = e.creator_id
        join milestones m on m.challenge_id = e.challenge_id and m.metric = p.metric and m.threshold <= p.total
        where not exists (select 1 from milestone_awards a where a.enrollment_id = e.id and a.milestone_id = m.id)
        order by m.challenge_id, m.position, e.id`,
  );
  for (const award of due) {
    const reachedAt = new Date(award.reached_at);
    const [inserted] = await tx
      .insert(milestoneAwards)
      .values({
        enrollmentId: award.enrollment_id,
        milestoneId: award.milestone_id,
        creatorId: award.creator_id,
        status: "paid",
        reachedAt,
      })
      .onConflictDoNothing()
      .returning({ id: milestoneAwards.id });
    if (!inserted) continue; // another request awarded it first

    const spent = await tx
      .update(challenges)
      .set({ spentMinor: sql`${challenges.spentMinor} + ${award.reward_minor}` })
      .where(
        sql`${challenges.id} = ${award.challenge_id}
            and (${challenges.budgetMinor} is null or ${challenges.spentMinor} + ${award.reward_minor} <= ${challenges.budgetMinor})`,
      )
      .returning({ id: challenges.id });
    if (spent.length === 0) {
      await tx.update(milestoneAwards).set({ status: "unpaid_budget" }).where(sql`${milestoneAwards.id} = ${inserted.id}`);
      continue;
    }
    const money = await toCreatorCurrency(tx, award.reward_minor, award.challenge_currency, award.creator_currency, reachedAt);
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
