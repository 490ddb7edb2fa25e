// A whole database against the reference model: what the app accepted is read back as a log,
// the model recomputes every award, commission, refund and balance from it, and the result is
// compared with the ledger the app wrote. Used by scripts/check-money-model.ts and its test.
import type { Executor } from "@/db";
import { loadModelInput, readLedgerView } from "./db";
import { contestedChallenges, runModel } from "./model";
import { modelView, type LedgerView } from "./view";

export type CheckReport = {
  counts: { creators: number; events: number; orders: number; refunds: number; awards: number; entries: number };
  differences: string[];
};

export async function checkDatabase(db: Executor, asOf = Date.now()): Promise<CheckReport> {
  const { world, log, scope } = await loadModelInput(db);
  const result = runModel(world, log, asOf);
  const contestedKeys = contestedChallenges(world, result);
  const contested = new Set([...scope.challenges].filter(([, key]) => contestedKeys.has(key)).map(([id]) => id));
  const actual = await readLedgerView(db, { ...scope, contested, asOf });
  const expected = modelView(world, result, asOf);
  return {
    counts: {
      creators: world.creators.length,
      events: log.events.length,
      orders: log.orders.length,
      refunds: log.refunds.length,
      awards: result.awards.length,
      entries: result.entries.length,
    },
    differences: [...result.rejectedRefunds.map((r) => `refund ${r.id} is in the database but the rules refuse it (${r.reason})`), ...diffViews(actual, expected)],
  };
}

/** One line per difference, database first, model second. */
export function diffViews(actual: LedgerView, expected: LedgerView): string[] {
  const out: string[] = [...actual.anomalies];
  const section = <T>(name: string, a: Record<string, T>, e: Record<string, T>) => {
    for (const key of new Set([...Object.keys(a), ...Object.keys(e)])) {
      const x = stable(a[key] ?? null);
      const y = stable(e[key] ?? null);
      if (x !== y) out.push(`${name} ${key}: database ${x}, model ${y}`);
    }
  };
  section("award", actual.awards, expected.awards);
  section("order", actual.orders, expected.orders);
  section("balance", actual.balances, expected.balances);
  const refunds = (v: LedgerView) => Object.fromEntries(v.acceptedRefunds.map((id) => [id, true]));
  section("accepted refund", refunds(actual), refunds(expected));
  return out;
}

/** JSON with keys sorted, so two equal values print the same. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}
