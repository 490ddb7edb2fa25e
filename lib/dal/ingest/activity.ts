import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, transactionRetrying, type Executor, type Tx } from "@/db";
import { awardStatusEnum, ledgerEntries, metricEnum, milestoneAwards } from "@/db/schema";
import { measureKindOf } from "@/lib/domain/measures";
import { activityEventSchema, firstIssue, type ActivityEventInput } from "@/lib/validation/ingest";
import { allowSystem, type Caller } from "../session";
import { lockCreatorVersions } from "../versions";
import type { BatchResult, Rejection } from "./batch";
import { countedParts, eventMetricSql, isDistinctDaysSql } from "../challenges/counted-sql";
import { convertAt, type Converted } from "../rates/fx";
import { int4, int8, parsedRows } from "../row";

// "Counted" (lib/dal/challenges/counted-sql.ts) over the aliases of storeBatch: the enrollment part is
// checked where events meet enrollments (e), the window part where they meet challenges (k).
const counted = countedParts({ at: "occurred_at", startsAt: "k.starts_at", endsAt: "k.ends_at", enrolledAt: "e.enrolled_at", withdrawnAt: "e.withdrawn_at" });

/** A valid event of the batch, with its index in the request (for per-item errors). */
type BatchEvent = { idx: number; id: string; creator: string; metric: string; amount: number; occurred_at: string };
/** An enrollment and measure the batch counted for, with the batch's first and last such event. */
const touchedSchema = z.object({ enrollment_id: int4, measure: z.enum(metricEnum.enumValues), first_at: z.string(), last_at: z.string() });
type Touched = z.output<typeof touchedSchema>;

/** storeBatch's one row: counts, the unknown creators' indexes and what the batch counted for. */
const storedSchema = z.object({
  accepted: int4,
  known: int4,
  unknown: z.array(int4),
  touched: z.array(touchedSchema),
});

/**
 * Takes a batch of activity events from the platform. The caller is the ingest system caller,
 * minted by lib/api/signed-batch.ts once the batch's HMAC signature verified (the platform is the
 * only principal), or the demo seed's.
 * Invalid events are rejected one by one; the valid ones are stored, counted once per id
 * (whatever the replays or concurrency), rolled up, and may award milestones — all in one
 * transaction, so a failure leaves nothing half-written. `db` is for the demo seed, which
 * ingests inside its own transaction (with systemCaller("seed")); everyone else leaves it out.
 */
export async function ingestActivityEvents(caller: Caller, items: unknown[], db?: Executor): Promise<BatchResult> {
  allowSystem(caller, ["ingest", "seed"]);
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
  const handles = [...new Set(batch.map((b) => b.creator))];
  const stored = await transactionRetrying(conn, async (tx) => {
    await lockCreatorVersions(tx, sql`select id from creators where handle in (select jsonb_array_elements_text(${JSON.stringify(handles)}::jsonb))`);
    const result = await storeBatch(tx, batch);
    if (result.touched.length > 0) await settleMilestones(tx, result.touched);
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
async function storeBatch(tx: Tx, events: BatchEvent[]): Promise<{ accepted: number; known: number; unknownCreatorAt: number[]; touched: Touched[] }> {
  const [result] = await parsedRows(
    tx,
    storedSchema,
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
          select distinct c.id as challenge_id, m.metric as measure, ${eventMetricSql("m.metric")} as metric, c.starts_at, c.ends_at
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
          select h.enrollment_id, k.measure, sum(h.amount) as amount, min(h.occurred_at) as first_at, max(h.occurred_at) as last_at
          from enrolled h
          join counting k on k.challenge_id = h.challenge_id and k.metric = h.metric and ${counted.inWindow}
          group by h.enrollment_id, k.measure
        ), up as (
          -- Sums add up here. A distinct-days measure only takes its row lock here (+0): its total
          -- is recounted by settleMilestones once this statement has stored the batch's events.
          -- The row lock serializes every batch that counts for this enrollment and measure
          -- until commit, which is what makes the crossing walk of settleMilestones exact.
          insert into enrollment_progress (enrollment_id, metric, total)
          select enrollment_id, measure, case when ${isDistinctDaysSql("measure")} then 0 else amount end
          from counted order by enrollment_id, measure
          on conflict (enrollment_id, metric)
          do update set total = enrollment_progress.total + excluded.total, updated_at = now()
          returning enrollment_id, metric, total
        )
        select (select count(*) from ev)::int as accepted,
               (select count(*) from resolved where creator_id is not null)::int as known,
               coalesce((select jsonb_agg(idx order by idx) from resolved where creator_id is null), '[]'::jsonb) as unknown,
               -- Referenced so that the progress upsert runs (a data-modifying CTE always does, but
               -- its rows are what settleMilestones starts from).
               coalesce((select jsonb_agg(jsonb_build_object('enrollment_id', k.enrollment_id, 'measure', k.measure,
                                   'first_at', k.first_at::text, 'last_at', k.last_at::text) order by k.enrollment_id, k.measure)
                         from counted k join up on up.enrollment_id = k.enrollment_id and up.metric = k.measure), '[]'::jsonb) as touched`,
  );
  return { accepted: result.accepted, known: result.known, unknownCreatorAt: result.unknown, touched: result.touched };
}

/** A milestone a touched enrollment's total reaches, with its award if any and its crossing. */
const crossingSchema = z.object({
  enrollment_id: int4,
  milestone_id: int4,
  creator_id: int4,
  challenge_id: int4,
  position: int4,
  reward_minor: int8,
  challenge_currency: z.string(),
  creator_currency: z.string(),
  award_id: int4.nullable(),
  award_status: z.enum(awardStatusEnum.enumValues).nullable(),
  crossing_at: z.string(),
  moved: z.boolean().nullable(),
  rate_micros: int8.nullable(),
  /** The award's ledger entries so far (bonus + adjustments), summed per currency. */
  nets: z.record(z.string(), int8).nullable(),
});
type Crossing = z.output<typeof crossingSchema>;

// The crossing walk's "counted", over its aliases: event ev, challenge c, enrollment e.
const walk = countedParts({ at: "ev.occurred_at", startsAt: "c.starts_at", endsAt: "c.ends_at", enrolledAt: "e.enrolled_at", withdrawnAt: "e.withdrawn_at" });

/**
 * Dates and pays the milestones the batch touched, by the crossing rule (docs/ingest-api.md "Money rules",
 * lib/domain/money-rules.ts crossingOf): the crossing event is the first counted event, in
 * (occurred_at, id) order, whose running total reaches the threshold; the award is dated with it
 * and converted at that UTC day's rate. Runs after storeBatch, under the progress row locks it
 * took, so it sees every event that counts for these enrollments (committed or this batch's).
 *
 * - A milestone without an award gets one, in crossing order (budget is spent in that order).
 * - An award whose crossing a late, earlier-dated event moved gets its new reached_at and, when
 *   paid and the cents differ at the new day's rate, a milestone_adjustment entry for the
 *   difference. Events only add, so a crossing only moves earlier: the walk reads events up to
 *   the current reached_at, and runs only when the batch has an event at or before it.
 */
async function settleMilestones(tx: Tx, touched: Touched[]): Promise<void> {
  const distinctDays = touched.filter((t) => measureKindOf(t.measure) === "distinct_days");
  if (distinctDays.length > 0) {
    // Recounted, not added: a day already counted by an earlier batch adds nothing.
    await tx.execute(sql`update enrollment_progress p set total = x.days, updated_at = now()
      from (
        select t.enrollment_id, t.measure,
               (select count(distinct (ev.occurred_at at time zone 'UTC')::date) from activity_events ev
                where ev.creator_id = e.creator_id and ev.metric = ${eventMetricSql("t.measure")} and ${walk.counted}) as days
        from jsonb_to_recordset(${JSON.stringify(distinctDays)}::jsonb) as t(enrollment_id int, measure metric)
        join enrollments e on e.id = t.enrollment_id
        join challenges c on c.id = e.challenge_id
      ) x
      where p.enrollment_id = x.enrollment_id and p.metric = x.measure`);
  }
  const crossings = await parsedRows(
    tx,
    crossingSchema,
    sql`select e.id as enrollment_id, m.id as milestone_id, e.creator_id, c.id as challenge_id, m.position,
               m.reward_minor::bigint as reward_minor, c.currency as challenge_currency, cr.currency as creator_currency,
               a.id as award_id, a.status as award_status,
               -- As text: exact to the microsecond and the same on both drivers; it goes back in as reached_at.
               coalesce(x.at, t.last_at)::text as crossing_at,
               mv.moved,
               (select r.rate_micros::bigint from exchange_rates r
                 where r.base = c.currency and r.quote = cr.currency and r.day <= (coalesce(x.at, t.last_at) at time zone 'UTC')::date
                 order by r.day desc limit 1) as rate_micros,
               -- Only a moved award's entries are read (the adjustment needs what they add up to).
               case when mv.moved then (select jsonb_object_agg(n.currency, n.net) from (
                  -- As text: a jsonb number is a float to JSON.parse, the int8 parser keeps it exact.
                  select le.currency, sum(le.amount_minor)::bigint::text as net from ledger_entries le
                  where le.milestone_award_id = a.id group by 1) n) end as nets
        from jsonb_to_recordset(${JSON.stringify(touched)}::jsonb) as t(enrollment_id int, measure metric, first_at timestamptz, last_at timestamptz)
        join enrollments e on e.id = t.enrollment_id
        join challenges c on c.id = e.challenge_id
        join creators cr on cr.id = e.creator_id
        join enrollment_progress p on p.enrollment_id = e.id and p.metric = t.measure
        join milestones m on m.challenge_id = c.id and m.metric = t.measure and m.threshold <= p.total
        left join milestone_awards a on a.enrollment_id = e.id and a.milestone_id = m.id
        left join lateral (
          select w.occurred_at as at from (
            select s.id, s.occurred_at, sum(s.step) over (order by s.occurred_at, s.id rows between unbounded preceding and current row) as running
            from (
              select ev.id, ev.occurred_at,
                     case when ${isDistinctDaysSql("t.measure")}
                          then (row_number() over (partition by (ev.occurred_at at time zone 'UTC')::date order by ev.occurred_at, ev.id) = 1)::int
                          else ev.amount end as step
              from activity_events ev
              where ev.creator_id = e.creator_id and ev.metric = ${eventMetricSql("t.measure")} and ${walk.counted}
                -- Not "a.reached_at is null or …": as one bound, the index scan stops at it.
                and ev.occurred_at <= coalesce(a.reached_at, 'infinity'::timestamptz)
            ) s
          ) w
          where w.running >= m.threshold
          order by w.occurred_at, w.id
          limit 1
        ) x on true
        -- An award whose crossing this batch moved earlier (events only add, so never later).
        cross join lateral (select a.id is not null and x.at < a.reached_at as moved) mv
        where a.id is null or a.reached_at >= t.first_at
        order by coalesce(x.at, t.last_at), e.id, m.position`,
  );
  const statements = crossings.flatMap((award) => {
    const money = convertAt(award.reward_minor, award.challenge_currency, award.creator_currency, award.rate_micros);
    if (award.award_id === null) return newAward(tx, award, money);
    if (!award.moved) return [];
    const fixes = [tx.execute(sql`update ${milestoneAwards} set reached_at = ${award.crossing_at}::timestamptz where id = ${award.award_id}`)];
    if (award.award_status !== "paid" || award.nets === null) return fixes;
    // What the award's entries should add up to now, per currency, minus what they add up to.
    const currencies = new Set([money.currency, ...Object.keys(award.nets)]);
    for (const currency of currencies) {
      const delta = (currency === money.currency ? money.amountMinor : 0) - (award.nets[currency] ?? 0);
      if (delta === 0) continue;
      const converted = currency === money.currency && money.fxRateMicros !== null;
      fixes.push(
        tx.execute(sql`insert into ${ledgerEntries} (creator_id, kind, milestone_award_id, amount_minor, currency,
                                      original_amount_minor, original_currency, fx_rate_micros, occurred_at, available_at)
            values (${award.creator_id}, 'milestone_adjustment', ${award.award_id}, ${delta}, ${currency},
                    ${converted ? money.originalAmountMinor : null}, ${converted ? money.originalCurrency : null}, ${converted ? money.fxRateMicros : null},
                    ${award.crossing_at}::timestamptz, greatest(now(), ${award.crossing_at}::timestamptz))`),
      );
    }
    return fixes;
  });
  await Promise.all(statements);
}

/**
 * Writes one award per enrollment and milestone, never two: the unique key decides who wins
 * under concurrency, and only the winner spends budget and writes the ledger entry. The budget
 * is taken with a conditional UPDATE, so it is never exceeded; a milestone reached once the
 * budget is spent is recorded as unpaid, with that reason.
 *
 * Two statements per award, and no decision in JavaScript between them, so all of them go to
 * the server in one pipelined burst (postgres.js pipelines a transaction's pending queries) and
 * run in order: a batch's awards spend budget in crossing order.
 */
function newAward(tx: Tx, award: Crossing, money: Converted) {
  const reachedAt = award.crossing_at;
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
}
