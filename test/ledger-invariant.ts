// The money rules every payout test re-checks after it runs, over the whole database:
// - for each creator and currency, the non-payout entries add up to available + pending + in a
//   payout + paid (an entry counted twice, say in two live payouts, breaks the equality);
// - the kind 'payout' entries add up to minus what was paid;
// - a payout's amount is the sum of its entries; a rejected payout holds none, a live one all;
// - an entry sits in at most one live payout, and a payout debit is never in a payout;
// - a payout's amount by earning group is the sum of its entries of that group, and an entry
//   in a live payout is available (the creator's summary relies on both).
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { getDb, rows } from "@/db";

export async function expectLedgerInvariant(): Promise<void> {
  const db = await getDb();
  const balances = await rows<{
    creator_id: number;
    currency: string;
    earned: number;
    available: number;
    pending: number;
    in_payout: number;
    paid: number;
    paid_payouts: number;
    debits: number;
  }>(
    db,
    sql`with keys as (
          select creator_id, currency from ledger_entries group by 1, 2
          union select creator_id, currency from payouts group by 1, 2
        ), earned as (
          select creator_id, currency, sum(amount_minor) as total from ledger_entries where kind <> 'payout' group by 1, 2
        ), by_status as (
          select le.creator_id, le.currency,
                 sum(le.amount_minor) filter (where p.status = 'paid') as paid,
                 sum(le.amount_minor) filter (where p.status is distinct from 'paid' and pi.payout_id is not null) as in_payout,
                 sum(le.amount_minor) filter (where pi.payout_id is null and le.available_at <= now()) as available,
                 sum(le.amount_minor) filter (where pi.payout_id is null and le.available_at > now()) as pending
          from ledger_entries le
          left join payout_items pi on pi.ledger_entry_id = le.id and pi.released_at is null
          left join payouts p on p.id = pi.payout_id
          where le.kind <> 'payout'
          group by 1, 2
        ), debits as (
          select creator_id, currency, sum(amount_minor) as total from ledger_entries where kind = 'payout' group by 1, 2
        ), paid_payouts as (
          select creator_id, currency, sum(amount_minor) as total from payouts where status = 'paid' group by 1, 2
        )
        select k.creator_id, k.currency::text as currency,
               coalesce(e.total, 0)::float8 as earned,
               coalesce(s.available, 0)::float8 as available, coalesce(s.pending, 0)::float8 as pending,
               coalesce(s.in_payout, 0)::float8 as in_payout, coalesce(s.paid, 0)::float8 as paid,
               coalesce(pp.total, 0)::float8 as paid_payouts, coalesce(d.total, 0)::float8 as debits
        from keys k
        left join earned e using (creator_id, currency)
        left join by_status s using (creator_id, currency)
        left join debits d using (creator_id, currency)
        left join paid_payouts pp using (creator_id, currency)`,
  );
  const broken = balances.filter(
    (b) =>
      Number(b.earned) !== Number(b.available) + Number(b.pending) + Number(b.in_payout) + Number(b.paid) ||
      Number(b.debits) !== -Number(b.paid) ||
      Number(b.paid) !== Number(b.paid_payouts),
  );
  expect(broken, "balances that do not add up").toEqual([]);

  const [v] = await rows<Record<string, number>>(
    db,
    sql`select
      (select count(*)::int from (select ledger_entry_id from payout_items where released_at is null group by 1 having count(*) > 1) x) as entry_in_two_payouts,
      (select count(*)::int from payouts p where p.status <> 'rejected' and p.amount_minor <> (
        select coalesce(sum(l.amount_minor), 0) from payout_items i join ledger_entries l on l.id = i.ledger_entry_id
        where i.payout_id = p.id and i.released_at is null)) as payout_amount_mismatch,
      (select count(*)::int from payout_items i join payouts p on p.id = i.payout_id
        where (p.status = 'rejected') <> (i.released_at is not null)) as release_mismatch,
      (select count(*)::int from payout_items i join ledger_entries l on l.id = i.ledger_entry_id where l.kind = 'payout') as debit_in_payout,
      (select count(*)::int from payouts p cross join lateral (
        select coalesce(sum(l.amount_minor) filter (where l.kind = 'milestone_award'), 0) as bonus,
               coalesce(sum(l.amount_minor) filter (where l.kind in ('commission', 'refund')), 0) as commission,
               coalesce(sum(l.amount_minor) filter (where l.kind not in ('milestone_award', 'commission', 'refund')), 0) as other
        from payout_items i join ledger_entries l on l.id = i.ledger_entry_id where i.payout_id = p.id) g
        where p.bonus_minor <> g.bonus or p.commission_minor <> g.commission or p.other_minor <> g.other) as payout_groups_mismatch,
      (select count(*)::int from payout_items i join ledger_entries l on l.id = i.ledger_entry_id
        where i.released_at is null and l.available_at > now()) as unavailable_entry_in_payout,
      (select count(*)::int from payouts p where (p.status = 'paid') <>
        exists (select 1 from ledger_entries l where l.payout_id = p.id and l.kind = 'payout' and l.amount_minor = -p.amount_minor)) as paid_without_debit,
      (select count(*)::int from payouts p where p.status in ('approved', 'paid') and
        (select count(*) from payout_approvals a where a.payout_id = p.id) < p.approvals_required) as approved_without_approvals`,
  );
  expect(v, "ledger rules").toEqual({
    entry_in_two_payouts: 0,
    payout_amount_mismatch: 0,
    release_mismatch: 0,
    debit_in_payout: 0,
    payout_groups_mismatch: 0,
    unavailable_entry_in_payout: 0,
    paid_without_debit: 0,
    approved_without_approvals: 0,
  });
}
