// Payouts for the payout tests (the DAL's and the staff actions'): a staff reviewer, a month of
// their own, and a payout of a given amount made by a real payout run.
import { startPayoutRun } from "@/lib/dal/payouts/run";
import { asCaller } from "@/test/caller";
import { createCreator, createUser } from "@/test/factories";
import { addEntry, inPeriod, payoutsOf } from "@/test/ledger";

// Every test takes its own months, far in the past, in increasing order: a run for a month
// sweeps every creator's available entries, so tests assert on their own creators only.
let month = 0;
export const nextPeriod = () => {
  const d = new Date(Date.UTC(2019, month++, 1));
  return d.toISOString().slice(0, 7);
};

export async function staff() {
  return createUser("staff");
}

/** A creator with one available entry of `amountMinor`, paid out by a run of a month of its own. */
export async function payoutFor(amountMinor: number, options: { reviewer?: { id: number } } = {}) {
  const reviewer = options.reviewer ?? (await staff());
  const c = await createCreator();
  const period = nextPeriod();
  await addEntry(c.creator.id, amountMinor, inPeriod(period));
  await asCaller(reviewer.id, (c) => startPayoutRun(c, period));
  const [payout] = await payoutsOf(c.creator.id);
  return { ...c, reviewer, payout, period };
}
