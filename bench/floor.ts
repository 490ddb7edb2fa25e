// The database's floor of a page: the exact statements the page's DAL calls send, captured from
// the DAL itself (so the floor cannot drift from the code), then replayed through postgres.js
// with the page's shape: steps one after the other, the calls of a step in parallel (the page's
// Promise.all), each call's statements in order. The signed-in user is read once per request,
// as React `cache` does in the page, so its statement is replayed once.
import postgres from "postgres";
import { round } from "./stats";

export type Statement = { text: string; params: unknown[] };
/** Steps in order; the branches of a step in parallel; a branch's statements in order. */
export type Plan = Statement[][][];
export type Loader = () => Promise<unknown>;

type Sql = postgres.Sql;
type Recorded = { query: string; params: unknown[] };

export type Capture = {
  /** The statements of `steps` run as `userId`, with the identity read once up front. */
  plan(userId: number, steps: Loader[][]): Promise<Plan>;
  close(): Promise<void>;
};

/**
 * Points the app's own database module at `url` with a recording client. The bench process
 * registers bench/server-only-hook.mjs first, so the DAL modules load outside Next.
 */
export async function openCapture(url: string): Promise<Capture> {
  process.env.DATABASE_URL = url;
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const schema = await import("../db/schema");
  const client = postgres(url, { max: 4, onnotice: () => {} });
  let recording: Recorded[] | null = null;
  const db = drizzle(client, { schema, casing: "snake_case", logger: { logQuery: (query, params) => recording?.push({ query, params }) } });
  // db/index.ts keeps its one client on globalThis; handing it ours is the seam the bench uses.
  (globalThis as { __creatorRewardsDb?: unknown }).__creatorRewardsDb = {
    db,
    engine: "postgres",
    close: () => client.end({ timeout: 5 }),
    ready: Promise.resolve(),
  };
  const { runAs } = await import("../lib/auth/identity");
  const { getCurrentUser } = await import("../lib/dal/session");
  const record = async (userId: number, fn: Loader): Promise<Statement[]> => {
    recording = [];
    try {
      await runAs(userId, fn);
      return recording.map((r) => ({ text: r.query, params: r.params }));
    } finally {
      recording = null;
    }
  };
  return {
    async plan(userId, steps) {
      const identity = await record(userId, () => getCurrentUser());
      const cached = new Set(identity.map((s) => s.text));
      const plan: Plan = [[identity]];
      for (const step of steps) {
        const branches: Statement[][] = [];
        for (const loader of step) branches.push((await record(userId, loader)).filter((s) => !cached.has(s.text)));
        plan.push(branches);
      }
      return plan;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

export async function runPlan(sql: Sql, plan: Plan): Promise<void> {
  for (const step of plan) {
    await Promise.all(
      step.map(async (branch) => {
        for (const s of branch) await sql.unsafe(s.text, s.params as never[]);
      }),
    );
  }
}

export function planShape(plan: Plan): { statements: number; sequentialRoundTrips: number } {
  let statements = 0;
  let sequential = 0;
  for (const step of plan) {
    statements += step.reduce((n, b) => n + b.length, 0);
    sequential += Math.max(0, ...step.map((b) => b.length));
  }
  return { statements, sequentialRoundTrips: sequential };
}

export type StatementTiming = { text: string; params: unknown[]; medianMs: number };

/** Each statement of the plan alone, a few times in a row: which one is the page's heaviest. */
export async function timeStatements(sql: Sql, plan: Plan, repeat = 5): Promise<StatementTiming[]> {
  const seen = new Map<string, Statement>();
  for (const step of plan) for (const branch of step) for (const s of branch) seen.set(s.text + JSON.stringify(s.params), s);
  const out: StatementTiming[] = [];
  for (const s of seen.values()) {
    const times: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const t0 = performance.now();
      await sql.unsafe(s.text, s.params as never[]);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    out.push({ text: s.text, params: s.params, medianMs: round(times[Math.floor(times.length / 2)]) });
  }
  return out.sort((a, b) => b.medianMs - a.medianMs);
}

/** EXPLAIN (ANALYZE, BUFFERS) of one statement with its parameters, inside a rolled-back transaction. */
export async function explain(sql: Sql, s: Statement): Promise<string> {
  let text = "";
  await sql
    .begin(async (tx) => {
      const found = await tx.unsafe<{ "QUERY PLAN": string }[]>(`explain (analyze, buffers) ${s.text}`, s.params as never[]);
      text = found.map((r) => r["QUERY PLAN"]).join("\n");
      throw new Rollback();
    })
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return text;
}

class Rollback extends Error {}
