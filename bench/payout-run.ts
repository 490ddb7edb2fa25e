// The payout run, as the app runs it: the statement is lib/dal/payouts/run.ts createPayoutsSql,
// rendered by drizzle's own dialect, with the app's minimum and four-eyes limit (lib/env.ts).
// What differs is around it: no session and no audit row (executeRun writes one after), and the
// caller owns the transaction, so the bench can roll each timing back and the generator can
// backdate the runs of the payout history.
import type postgres from "postgres";
import { PgDialect } from "drizzle-orm/pg-core";

// lib/dal/payouts/run.ts RUN_LOCK: a bench run waits for any run of the app, as runs do.
const RUN_LOCK = 727_002;

/**
 * Runs the payouts of `period` inside `tx`: the lock, the run row, the app's statement, the run
 * marked finished. With `explain`, the statement runs under EXPLAIN (ANALYZE, BUFFERS) (it still
 * writes) and its plan is returned.
 */
export async function runPayouts(
  tx: postgres.TransactionSql,
  run: { period: string; endIso: string; actorId: number | null },
  options: { explain?: boolean } = {},
): Promise<string | null> {
  // Imported when called: bench/run.ts registers its "server-only" hook before that.
  const [{ createPayoutsSql }, { fourEyesLimitEurMinor, payoutMinimumMinor }] = await Promise.all([import("../lib/dal/payouts/run"), import("../lib/domain/payout-rules")]);
  await tx.unsafe(`select pg_advisory_xact_lock(${RUN_LOCK})`);
  const [created] = await tx.unsafe<{ id: number }[]>(
    `insert into payout_runs (period, status, started_by) values ($1, 'running', $2) returning id`,
    [run.period, run.actorId],
  );
  const query = new PgDialect().sqlToQuery(
    createPayoutsSql({ runId: created.id, end: new Date(run.endIso), minimumMinor: payoutMinimumMinor(), fourEyesLimitEurMinor: fourEyesLimitEurMinor() }),
  );
  const params = query.params as postgres.ParameterOrJSON<never>[];
  let plan: string | null = null;
  if (options.explain) {
    const found = await tx.unsafe<{ "QUERY PLAN": string }[]>(`explain (analyze, buffers) ${query.sql}`, params);
    plan = `${query.sql}\n-- parameters: ${JSON.stringify(query.params)}\n\n${found.map((r) => r["QUERY PLAN"]).join("\n")}`;
  } else await tx.unsafe(query.sql, params);
  await tx.unsafe(
    `update payout_runs set status = 'finished', finished_at = now(), payout_count = (select count(*) from payouts where run_id = $1) where id = $1`,
    [created.id],
  );
  return plan;
}
