// `npm run payouts:run -- --period 2026-11 [--as staff@example.com]`
// Creates the payouts of a month from the command line (a monthly cron job, or by hand).
// There is no session here: the run is recorded under the staff or admin account named by
// --as (or PAYOUTS_RUN_AS), acting as that account (callerForUser: enabled, and checked by
// startPayoutRun for the staff or admin role like any caller), or as the system
// (systemCaller("cli")) when none is given. The period defaults to last month. Works on PGlite
// and on PostgreSQL.
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
  const { toMajorString } = await import("../lib/domain/money");
  const { startPayoutRun } = await import("../lib/dal/payouts/run");
  const { callerForUser, systemCaller } = await import("../lib/dal/system-caller");
  const { DomainError, ForbiddenError, UnauthenticatedError } = await import("../lib/errors");
  const { closeDb, getDb } = await import("../db");
  const { users } = await import("../db/schema");
  const { eq } = await import("drizzle-orm");
  const { catalogs } = await import("../messages");

  const period = values.period ?? previousPeriod();
  const asEmail = (values.as ?? process.env.PAYOUTS_RUN_AS)?.trim().toLowerCase() || undefined;
  try {
    let caller;
    if (asEmail) {
      const [user] = await (await getDb()).select({ id: users.id }).from(users).where(eq(users.email, asEmail));
      if (!user) throw new UnauthenticatedError();
      caller = await callerForUser(user.id); // refuses a disabled account the same way
    }
    const run = await startPayoutRun(caller ?? systemCaller("cli"), period); // checks the role
    console.log(`Payout run ${run.period} (#${run.runId}) recorded as ${asEmail ?? "system"}: ${run.payoutCount} payout(s) waiting for review.`);
    for (const t of run.totals) console.log(`  ${t.currency}  ${String(t.count).padStart(5)}  ${toMajorString(t.amountMinor).padStart(14)}`);
    return 0;
  } catch (caught) {
    // The account named by --as is unknown or disabled, or is not staff or admin.
    const email = asEmail ?? "";
    const error =
      caught instanceof UnauthenticatedError ? new DomainError("payouts.run.errors.unknown_actor", { email })
      : caught instanceof ForbiddenError ? new DomainError("payouts.run.errors.actor_not_staff", { email })
      : caught;
    if (error instanceof DomainError) {
      console.error(explain(catalogs.en, error.code, error.values));
      return 2;
    }
    throw caught;
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
