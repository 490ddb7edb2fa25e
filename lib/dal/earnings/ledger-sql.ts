import "server-only";
import { sql } from "drizzle-orm";

// How an entry's status is derived, the same everywhere: paid when its payout is paid, in a
// payout while one holds it, available once its return window has passed, pending before.
// Used with `ledger_entries le left join payout_items pi on pi.ledger_entry_id = le.id and
// pi.released_at is null left join payouts p on p.id = pi.payout_id`.
// The statuses it gives are lib/domain/entry-status.ts's list.

export const entryStatusSql = sql.raw(`(case
  when p.status = 'paid' then 'paid'
  when pi.payout_id is not null then 'in_payout'
  when le.available_at <= now() then 'available'
  else 'pending' end)`);

export const entryJoinsSql = sql.raw(`ledger_entries le
  left join payout_items pi on pi.ledger_entry_id = le.id and pi.released_at is null
  left join payouts p on p.id = pi.payout_id`);

// Earnings group the kinds a creator thinks in: bonuses (with their crossing-day corrections),
// and commissions net of refunds.
export const earningGroupSql = sql.raw(`(case
  when le.kind in ('milestone_award', 'milestone_adjustment') then 'bonus'
  when le.kind in ('commission', 'refund') then 'commission'
  else 'other' end)`);

/**
 * For a refund entry `le`: the paid payout that took the commission it reverses, or null. Only
 * money already paid can be clawed back: while the commission's payout is pending review, held
 * or approved but not paid, its refund is a reversal. A payout holding both (`p`, the payout of
 * the refund entry, may be null) pays the net, so that is no clawback either. Null for every
 * other kind, and for a refund that takes back nothing in the creator's currency (its share
 * rounded to 0 there). lib/domain/refund-label.ts turns it into the label creators and staff see.
 */
export const clawbackOfSql = sql.raw(`(case when le.kind = 'refund' and le.amount_minor < 0 then (
  select min(cp.id) from ledger_entries ce
  join payout_items ci on ci.ledger_entry_id = ce.id and ci.released_at is null
  join payouts cp on cp.id = ci.payout_id
  where ce.order_id = le.order_id and ce.kind = 'commission' and cp.status = 'paid' and cp.id is distinct from p.id) end)`);
