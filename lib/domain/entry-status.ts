// The statuses of a creator's ledger entry, in the order a cent moves through them: pending
// during its return window, available once it has passed, in a payout while one holds it, paid.
// The one list: the SQL that derives a status (lib/dal/earnings/ledger-sql.ts), the earnings
// filter (lib/validation/shop.ts) and the page's badges all read it.
export const ENTRY_STATUSES = ["pending", "available", "in_payout", "paid"] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
