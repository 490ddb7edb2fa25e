// The model-based property, shared by the PostgreSQL run (several clients at once) and the
// PGlite run (one client). MONEY_MODEL_RUNS sets the number of generated logs.
import fc from "fast-check";
import { beforeAll, expect } from "vitest";
import { checkLog, insertRates, scenario, type Sent } from "./harness";
import type { ModelWorld } from "./model";

/** MONEY_MODEL_RUNS logs when set (a long run), else the file's default. */
export const runs = (byDefault: number) => Number(process.env.MONEY_MODEL_RUNS ?? byDefault);
/** A long run may take as long as it needs; the default one stays well under a minute. */
export const timeout = (byDefault: number) => (process.env.MONEY_MODEL_RUNS ? runs(byDefault) * 20_000 : 55_000);

export function moneyModelProperty(label: string, maxClients: number, numRuns: number) {
  let rates: ModelWorld["rates"] = [];
  beforeAll(async () => {
    rates = await insertRates();
  });
  return async () => {
    const sent: Sent = { requests: 0, items: 0 };
    const tried = { runs: 0, events: 0, orders: 0, refunds: 0, awards: 0 };
    await fc.assert(
      fc.asyncProperty(scenario, fc.tuple(fc.nat(), fc.nat()), async (s, seeds) => {
        tried.runs++;
        const n = await checkLog(s, seeds, rates, maxClients, sent);
        tried.events += n.events;
        tried.orders += n.orders;
        tried.refunds += n.refunds;
        tried.awards += n.awards;
      }),
      // Shrinking replays the database work many times: opt in with MONEY_MODEL_SHRINK=1.
      { numRuns, endOnFailure: !process.env.MONEY_MODEL_SHRINK, seed: process.env.MONEY_MODEL_SEED ? Number(process.env.MONEY_MODEL_SEED) : undefined },
    );
    console.log(
      `money model (${label}): ${tried.runs} logs, ${tried.events} events, ${tried.orders} orders, ${tried.refunds} refunds, ${tried.awards} awards; ` +
        `each delivered twice: ${sent.requests} signed requests, ${sent.items} items`,
    );
    expect(tried.runs).toBe(numRuns);
  };
}
