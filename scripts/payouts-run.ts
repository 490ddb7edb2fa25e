// `npm run payouts:run -- --period 2026-11 [--as staff@example.com]`
// Creates the payouts of a month from the command line (a monthly cron job, or by hand).
// There is no session here: the run is recorded under the staff or admin account named by
// --as (or PAYOUTS_RUN_AS), acting as that account (callerForUser: enabled, and checked by
// startPayoutRun for the staff or admin role like any caller), or as the system
// (systemCaller("cli")) when none is given. The period defaults to last month. Works on PGlite
// and on PostgreSQL.
import { register } from "node:module";
import { parseArgs } from "node:util";

// The DAL imports "server-only", which throws outside React Server Components. A script is
// server code: resolve that marker to an empty module, as Next does on the server.
register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
        return next(specifier, context);
      }`,
    ),
);

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
      // An unknown or disabled account: callerForUser refuses the latter.
      caller = user ? await callerForUser(user.id).catch((e: unknown) => (e instanceof UnauthenticatedError ? null : Promise.reject(e))) : null;
      if (!caller) {
        console.error(explain(catalogs.en, "payouts.run.errors.unknown_actor", { email: asEmail }));
        return 2;
      }
    }
    const run = await startPayoutRun(caller ?? systemCaller("cli"), period).catch((e: unknown) => {
      if (e instanceof ForbiddenError) throw new DomainError("payouts.run.errors.actor_not_staff", { email: asEmail ?? "" });
      throw e;
    });
    console.log(`Payout run ${run.period} (#${run.runId}) recorded as ${asEmail ?? "system"}: ${run.payoutCount} payout(s) waiting for review.`);
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
