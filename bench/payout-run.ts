// The payout run as standalone SQL, until lib/dal has one on this branch. Same rule as the
// product: per creator and currency, the ledger entries available by the end of the period (and
// by now), never kind 'payout', that no unreleased payout item holds; a sum of at least the
// minimum becomes one payout waiting for review with its items, a smaller one rolls over.
// One statement picks and attaches the entries, so what is summed is exactly what is attached.
// Used by the generator for the payout history and measured over all creators by the bench.

export const PAYOUT_MINIMUM_MINOR = 10_000;
export const FOUR_EYES_LIMIT_MINOR = 100_000;

export function payoutRunSql(run: { period: string; endIso: string; startedAt?: string; actorId: number | null }): string[] {
  const period = run.period.replace(/[^0-9-]/g, "");
  const end = `'${run.endIso.replace(/[^0-9TZ:.+-]/g, "")}'::timestamptz`;
  const startedAt = run.startedAt ? `'${run.startedAt.replace(/[^0-9TZ:.+-]/g, "")}'::timestamptz` : "now()";
  return [
    `select pg_advisory_xact_lock(727002)`,
    `insert into payout_runs (period, status, started_by, started_at) values ('${period}', 'running', ${run.actorId ?? "null"}, ${startedAt})`,
    `with run as (select id from payout_runs where period = '${period}'),
     eligible as materialized (
       select le.id, le.creator_id, le.currency, le.amount_minor
       from ledger_entries le
       where le.kind <> 'payout'
         and le.available_at < ${end}
         and le.available_at <= now()
         and not exists (select 1 from payout_items pi where pi.ledger_entry_id = le.id and pi.released_at is null)
     ), new_payouts as (
       insert into payouts (run_id, creator_id, currency, amount_minor, status, approvals_required, created_at, updated_at)
       select (select id from run), e.creator_id, e.currency, sum(e.amount_minor)::bigint, 'pending_review',
              case when sum(e.amount_minor) > ${FOUR_EYES_LIMIT_MINOR} then 2 else 1 end, ${startedAt}, ${startedAt}
       from eligible e
       group by e.creator_id, e.currency
       having sum(e.amount_minor) >= ${PAYOUT_MINIMUM_MINOR}
       returning id, creator_id, currency
     ), new_items as (
       insert into payout_items (payout_id, ledger_entry_id)
       select np.id, e.id from eligible e join new_payouts np on np.creator_id = e.creator_id and np.currency = e.currency
       returning payout_id
     )
     update payout_runs set status = 'finished', finished_at = now(),
       payout_count = (select count(distinct payout_id) from new_items)
     where id = (select id from run)`,
  ];
}
