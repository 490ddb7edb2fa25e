// `npm run payouts:run -- --period 2026-11 [--as staff@example.com]`
// Creates the payouts of a month from the command line (a monthly cron job, or by hand).
// There is no session here: the run is recorded under the staff or admin account named by
// --as (or PAYOUTS_RUN_AS), checked to exist and to have that role, or as the system when
// none is given. The period defaults to last month. Works on PGlite and on PostgreSQL.
import { parseArgs } from "node:util";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { period: { type: "string" }, as: { type: "string" }, help: { type: "boolean", short: "h" } },
    strict: true,
  });
  if (values.help) {
    console.log("Usage: npm run payouts:run -- [--period YYYY-MM] [--as staff@example.com]");
    return 0;
  }
  // The embedded database must not fill itself with demo data because a script opened it.
  process.env.SEED_ON_START ??= "0";
  const { previousPeriod } = await import("../lib/domain/period");
  const { runPayoutsFromCommandLine } = await import("../lib/dal/payout-runs");
  const { DomainError } = await import("../lib/errors");
  const { closeDb } = await import("../db");
  const { catalogs } = await import("../messages");

  const period = values.period ?? previousPeriod();
  const asEmail = values.as ?? process.env.PAYOUTS_RUN_AS;
  try {
    const run = await runPayoutsFromCommandLine(period, { asEmail });
    console.log(`Payout run ${run.period} (#${run.runId}) recorded as ${run.actor}: ${run.payoutCount} payout(s) waiting for review.`);
    for (const t of run.totals) console.log(`  ${t.currency}  ${String(t.count).padStart(5)}  ${(t.amountMinor / 100).toFixed(2).padStart(14)}`);
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(explain(catalogs.en, error.code, error.values));
      return 2;
    }
    throw error;
  } finally {
    await closeDb();
  }
}

/** The English message for a refusal, with its values filled in (plain {name} placeholders). */
function explain(catalog: unknown, code: string, values: Record<string, string | number>): string {
  const text = code.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], catalog);
  if (typeof text !== "string") return code;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
