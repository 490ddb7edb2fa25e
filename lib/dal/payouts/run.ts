import "server-only";
import { desc, eq, min, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Executor } from "@/db";
import { ledgerEntries, payoutRuns, users } from "@/db/schema";
import { isFuturePeriod, isPeriod, periodBounds, periodOf } from "@/lib/domain/period";
import { fourEyesLimitEurMinor, payoutMinimumMinor, REPORTING_CURRENCY } from "@/lib/domain/payout-rules";
import { DomainError, ForbiddenError } from "@/lib/errors";
import { recordAudit } from "../audit/record";
import { clockSql } from "../clock";
import { earningGroupSql } from "../earnings/ledger-sql";
import { int4, int8, parsedRows } from "../row";
import { AREA_ROLES, allow, allowSystem, type Caller } from "../session";

// Any two runs, whatever their periods, take turns: the one statement that picks entries then
// always sees what the previous run took.
const RUN_LOCK = 727_002;

export type PayoutRunResult = {
  runId: number;
  period: string;
  payoutCount: number;
  /** Per currency: how many payouts and how much they add up to. */
  totals: { currency: string; count: number; amountMinor: number }[];
};

/**
 * Creates the payouts of a period: for each creator and currency, the ledger entries available
 * by the end of the period (and by now) that no live payout holds, never kind 'payout', summed;
 * a sum that reaches the minimum becomes one payout waiting for review, a smaller one rolls
 * over. One transaction; a period runs once (payout_runs.period is unique), and an entry sits in
 * at most one live payout (partial unique index on payout_items). `at` is for the demo seed,
 * which runs past months at the time they ran in its story; the app runs at the database's now.
 */
async function executeRun(db: Executor, period: string, actorId: number | null, at?: Date): Promise<PayoutRunResult> {
  if (!isPeriod(period)) throw new DomainError("payouts.run.errors.period_format");
  if (isFuturePeriod(period)) throw new DomainError("payouts.run.errors.future", { period });
  const { end } = periodBounds(period);
  // A month that ended before the platform's first money was earned is a typo, not a run to
  // record forever. Earned (occurred_at), not available: a run's entries may still be on hold.
  const [first] = await db.select({ at: min(ledgerEntries.occurredAt) }).from(ledgerEntries);
  if (first?.at && end.getTime() <= first.at.getTime()) {
    throw new DomainError("trust.validation.period_too_early", { first: periodOf(first.at) });
  }
  const minimum = payoutMinimumMinor();
  const fourEyes = fourEyesLimitEurMinor();
  const now = clockSql(at);

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${RUN_LOCK})`);
    const [run] = await tx
      .insert(payoutRuns)
      .values({ period, status: "running", startedBy: actorId, startedAt: now })
      .onConflictDoNothing({ target: payoutRuns.period })
      .returning({ id: payoutRuns.id });
    if (!run) throw new DomainError("payouts.run.errors.already_run", { period });

    const created = await parsedRows(
      tx,
      z.object({ currency: z.string(), count: int4, amount: int8 }),
      createPayoutsSql({ runId: run.id, end, minimumMinor: minimum, fourEyesLimitEurMinor: fourEyes, now }),
    );
    const totals = created.map((c) => ({ currency: c.currency, count: c.count, amountMinor: c.amount }));
    const payoutCount = totals.reduce((n, t) => n + t.count, 0);

    await tx.execute(
      sql`update payout_runs set status = 'finished', payout_count = ${payoutCount}, finished_at = ${now} where id = ${run.id}`,
    );
    await recordAudit(tx, {
      actorId,
      action: "payout_run.create",
      entityType: "payout_run",
      entityId: run.id,
      before: null,
      after: { period, payoutCount, totals, minimumMinor: minimum, fourEyesLimitEurMinor: fourEyes },
      at,
    });
    return { runId: run.id, period, payoutCount, totals };
  });
}

/**
 * The statement that creates a run's payouts and their items. One statement, one snapshot: the
 * entries summed are exactly the entries attached. Exported for the benchmark, which times this
 * very statement over 100,000 creators (bench/payout-run.ts); call it only inside executeRun's
 * transaction and lock.
 */
export function createPayoutsSql(run: { runId: number; end: Date; minimumMinor: number; fourEyesLimitEurMinor: number; now?: SQL }): SQL {
  const now = run.now ?? sql`now()`;
  return sql`with eligible as materialized (
      select le.id, le.creator_id, le.currency, le.amount_minor, ${earningGroupSql} as grp
      from ledger_entries le
      where le.kind <> 'payout'
        and le.available_at < ${run.end.toISOString()}::timestamptz
        and le.available_at <= ${now}
        and not exists (
          select 1 from payout_items pi where pi.ledger_entry_id = le.id and pi.released_at is null)
    ), run_rates as (
      -- The run's rate from each currency to EUR: the latest known today, stored on the payout so
      -- that the four-eyes limit, the queue's filter and sort compare one currency.
      ${runRatesSql(now)}
    ), sums as (
      select e.creator_id, e.currency, sum(e.amount_minor)::bigint as amount,
             coalesce(sum(e.amount_minor) filter (where e.grp = 'bonus'), 0)::bigint as bonus,
             coalesce(sum(e.amount_minor) filter (where e.grp = 'commission'), 0)::bigint as commission,
             coalesce(sum(e.amount_minor) filter (where e.grp = 'other'), 0)::bigint as other
      from eligible e
      group by e.creator_id, e.currency
      having sum(e.amount_minor) >= ${run.minimumMinor} and sum(e.amount_minor) > 0
    ), priced as (
      select s.*, rr.rate, ${eurAmountSql(sql`s.amount`, sql`rr.rate`)} as amount_eur
      from sums s left join run_rates rr on rr.currency = s.currency
    ), new_payouts as (
      insert into payouts (run_id, creator_id, currency, amount_minor, bonus_minor, commission_minor, other_minor,
                           eur_rate_micros, amount_eur_minor, status, approvals_required, created_at, updated_at)
      select ${run.runId}, p.creator_id, p.currency, p.amount, p.bonus, p.commission, p.other, p.rate, p.amount_eur,
             'pending_review',
             -- no known rate: the payout cannot be shown to be under the limit, so two approvals
             case when p.amount_eur is null or p.amount_eur > ${run.fourEyesLimitEurMinor} then 2 else 1 end,
             ${now}, ${now}
      from priced p
      returning id, creator_id, currency, amount_minor
    ), new_items as (
      insert into payout_items (payout_id, ledger_entry_id)
      select np.id, e.id from eligible e
      join new_payouts np on np.creator_id = e.creator_id and np.currency = e.currency
      returning payout_id
    )
    select np.currency::text as currency, count(*)::int as count, sum(np.amount_minor)::bigint as amount
    from new_payouts np
    where np.id in (select payout_id from new_items)
    group by np.currency
    order by np.currency`;
}

// Each currency of the eligible entries with its rate to EUR on the run's day: direct, else the
// inverse of EUR→it.
const runRatesSql = (now: SQL) => sql`select c.currency, case when c.currency = ${REPORTING_CURRENCY} then 1000000::bigint else coalesce(
        (select x.rate_micros from exchange_rates x
          where x.base = c.currency and x.quote = ${REPORTING_CURRENCY} and x.day <= (${now})::date order by x.day desc limit 1),
        (select round(1000000000000::numeric / x.rate_micros)::bigint from exchange_rates x
          where x.base = ${REPORTING_CURRENCY} and x.quote = c.currency and x.day <= (${now})::date order by x.day desc limit 1)
      ) end as rate
      from (select distinct e.currency from eligible e) c`;

/** amount × rate (millionths) in EUR minor units, rounded half to even like convertMinor (both positive). */
function eurAmountSql(amount: SQL, rate: SQL): SQL {
  const n = sql`(${amount}::numeric * ${rate})`;
  return sql`(div(${n}, 1000000) + case when 2 * mod(${n}, 1000000) > 1000000
       or (2 * mod(${n}, 1000000) = 1000000 and mod(div(${n}, 1000000), 2) = 1) then 1 else 0 end)::bigint`;
}

/** For the seed's system caller only: the seed's transaction, and the time its story dates the run. */
export type RunOptions = { db?: Executor; at?: Date };

/**
 * Starts a run. A staff member or admin is recorded as its author; the CLI (scripts/payouts-run.ts)
 * passes callerForUser(id of --as), checked here like any account, or systemCaller("cli") for a run
 * recorded as the system; the demo seed passes systemCaller("seed", adminId) with its transaction
 * and the time of its story. Same rules and statement for every run.
 */
export async function startPayoutRun(caller: Caller, period: string, options: RunOptions = {}): Promise<PayoutRunResult> {
  let actorId: number | null;
  if (caller.kind === "system") {
    actorId = allowSystem(caller, ["cli", "seed"]).actorId;
    if (caller.purpose !== "seed" && (options.db || options.at)) throw new ForbiddenError();
  } else {
    if (options.db || options.at) throw new ForbiddenError();
    actorId = allow(caller, AREA_ROLES.staff).id;
  }
  return executeRun(options.db ?? (await getDb()), period, actorId, options.at);
}

export type PayoutRunSummary = { id: number; period: string; payoutCount: number; startedAt: Date; startedBy: string | null };

/** The latest runs, newest period first, for the run form's context. */
export async function listRecentPayoutRuns(caller: Caller, limit = 6): Promise<PayoutRunSummary[]> {
  allow(caller, AREA_ROLES.staff);
  const db = await getDb();
  return db
    .select({ id: payoutRuns.id, period: payoutRuns.period, payoutCount: payoutRuns.payoutCount, startedAt: payoutRuns.startedAt, startedBy: users.name })
    .from(payoutRuns)
    .leftJoin(users, eq(users.id, payoutRuns.startedBy))
    .orderBy(desc(payoutRuns.period))
    .limit(limit);
}
