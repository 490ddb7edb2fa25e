// The payout rules' numbers, in one place: the app (payout run, pages) and the demo seed read
// them from here. Each can be overridden by an environment variable (README, "Environment variables").
// Plain module (no "server-only") so that scripts such as db/seed.ts can import it; the variables
// are checked by the one schema in env.ts (zod only, also plain).
import { readEnv } from "../../env";

/** Staff compare and limit payouts in this currency, at the stored rate of the payout's run. */
export const REPORTING_CURRENCY = "EUR";

/** Default smallest payout, in minor units of the creator's own currency (100.00). */
export const PAYOUT_MINIMUM_MINOR = 10_000;
/** Default four-eyes limit, in EUR minor units (€1,000.00): above it, two different approvers. */
export const FOUR_EYES_LIMIT_EUR_MINOR = 100_000;
/** Default return window: a commission stays pending this many days before it is available. */
export const COMMISSION_HOLD_DAYS = 30;
/** Default days a held payout gets before staff decide again (the hold's "decide by" date). */
export const PAYOUT_HOLD_DAYS = 14;

/** Minimum payout in the creator's currency's minor units; smaller balances roll over. */
export const payoutMinimumMinor = () => readEnv().PAYOUT_MINIMUM_MINOR ?? PAYOUT_MINIMUM_MINOR;
/** Four-eyes limit in EUR minor units. */
export const fourEyesLimitEurMinor = () => readEnv().PAYOUT_FOUR_EYES_LIMIT_EUR_MINOR ?? FOUR_EYES_LIMIT_EUR_MINOR;

/** Approvals a payout needs, from its amount in EUR (never its amount in another currency). */
export function approvalsRequiredFor(amountEurMinor: number, limitEurMinor: number = fourEyesLimitEurMinor()): 1 | 2 {
  return amountEurMinor > limitEurMinor ? 2 : 1;
}
