// The database's floor of a page: the exact statements the page's DAL calls send, captured from
// the DAL itself (so the floor cannot drift from the code), then replayed through postgres.js
// with the page's shape: steps one after the other, the calls of a step in parallel (the page's
// Promise.all), each call's statements in order. The signed-in user is read once per request,
// as React `cache` does in the page, so its statement is replayed once.
import postgres from "postgres";
import { round } from "./stats";

export type Statement = { text: string; params: unknown[] };
/** What a page asks the database: statements in sequence or in parallel, nested as the code does. */
export type Plan = Statement | { seq: Plan[] } | { par: Plan[] };
export type Loader = () => Promise<unknown>;

type Sql = postgres.Sql;
type Recorded = Statement & { start: number; end: number };

export type Capture = {
  /** The statements of `steps` run as `userId`, with the identity read once up front. */
  plan(userId: number, steps: Loader[][]): Promise<Plan>;
  close(): Promise<void>;
};

const isStatement = (p: Plan): p is Statement => "text" in p;

/**
 * Rebuilds a call's shape from when each statement was sent and answered: a statement sent
 * before every statement of the current group was answered runs beside them (a Promise.all);
 * one sent after is the next step.
 */
function shapeOf(recorded: Recorded[]): Plan {
  const waves: Recorded[][] = [];
  for (const r of [...recorded].sort((a, b) => a.start - b.start)) {
    const wave = waves.at(-1);
    if (wave && r.start < Math.min(...wave.map((w) => w.end))) wave.push(r);
    else waves.push([r]);
  }
  const strip = (r: Recorded): Statement => ({ text: r.text, params: r.params });
  return { seq: waves.map((w) => (w.length === 1 ? strip(w[0]) : { par: w.map(strip) })) };
}

/**
 * Points the app's own database module at `url` with a recording client. The bench process
 * runs under `--conditions=react-server`, so the DAL modules load outside Next.
 */
export async function openCapture(url: string): Promise<Capture> {
  process.env.DATABASE_URL = url;
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const schema = await import("../db/schema");
  const client = postgres(url, { max: 4, onnotice: () => {}, connection: { jit: "off" } });
  let recording: Recorded[] | null = null;
  // drizzle sends every statement through client.unsafe(...) and awaits it: note when each is
  // sent and when it is answered, without changing what is sent.
  const recorder = new Proxy(client, {
    get(target, prop, receiver) {
      if (prop !== "unsafe") return Reflect.get(target, prop, receiver);
      return (text: string, params: unknown[], options?: object) => {
        const pending = target.unsafe(text, params as never[], options);
        if (!recording) return pending;
        const entry: Recorded = { text, params: params ?? [], start: performance.now(), end: Infinity };
        recording.push(entry);
        const then = pending.then.bind(pending);
        const done = () => (entry.end = performance.now());
        Object.defineProperty(pending, "then", {
          value: (ok?: (v: unknown) => unknown, fail?: (e: unknown) => unknown) =>
            then(
              (v: unknown) => (done(), ok ? ok(v) : v),
              (e: unknown) => {
                done();
                if (fail) return fail(e);
                throw e;
              },
            ),
        });
        return pending;
      };
    },
  });
  const db = drizzle(recorder as typeof client, { schema, casing: "snake_case" });
  // db/index.ts keeps its one client on globalThis; handing it ours is the seam the bench uses.
  (globalThis as { __creatorRewardsDb?: unknown }).__creatorRewardsDb = {
    db,
    engine: "postgres",
    close: () => client.end({ timeout: 5 }),
    ready: Promise.resolve(),
  };
  const { runAs } = await import("../lib/auth/identity");
  const { getCurrentUser } = await import("../lib/dal/session");
  const record = async (userId: number, fn: Loader): Promise<Recorded[]> => {
    recording = [];
    try {
      await runAs(userId, fn);
      return recording;
    } finally {
      recording = null;
    }
  };
  return {
    async plan(userId, steps) {
      const identity = await record(userId, () => getCurrentUser());
      const cached = new Set(identity.map((s) => s.text));
      const plan: Plan[] = [shapeOf(identity)];
      for (const step of steps) {
        const calls: Plan[] = [];
        // Each call alone, so its statements are its own; the page runs a step's calls together.
        for (const loader of step) calls.push(shapeOf((await record(userId, loader)).filter((s) => !cached.has(s.text))));
        plan.push(calls.length === 1 ? calls[0] : { par: calls });
      }
      return { seq: plan };
    },
    close: () => client.end({ timeout: 5 }),
  };
}

// As the app sends them (db/index.ts): named prepared statements when there are parameters.
const send = (sql: Sql, s: Statement) => sql.unsafe(s.text, s.params as never[], { prepare: s.params.length > 0 });

export async function runPlan(sql: Sql, plan: Plan): Promise<void> {
  if (isStatement(plan)) await send(sql, plan);
  else if ("seq" in plan) for (const p of plan.seq) await runPlan(sql, p);
  else await Promise.all(plan.par.map((p) => runPlan(sql, p)));
}

/** How many statements, and how many round trips one after the other (the critical path). */
export function planShape(plan: Plan): { statements: number; sequentialRoundTrips: number } {
  if (isStatement(plan)) return { statements: 1, sequentialRoundTrips: 1 };
  const parts = ("seq" in plan ? plan.seq : plan.par).map(planShape);
  const statements = parts.reduce((n, p) => n + p.statements, 0);
  const trips = parts.map((p) => p.sequentialRoundTrips);
  return { statements, sequentialRoundTrips: "seq" in plan ? trips.reduce((a, b) => a + b, 0) : Math.max(0, ...trips) };
}

function statementsOf(plan: Plan): Statement[] {
  if (isStatement(plan)) return [plan];
  return ("seq" in plan ? plan.seq : plan.par).flatMap(statementsOf);
}

export type StatementTiming = { text: string; params: unknown[]; medianMs: number };

/** Each statement of the plan alone, a few times in a row: which one is the page's heaviest. */
export async function timeStatements(sql: Sql, plan: Plan, repeat = 5): Promise<StatementTiming[]> {
  const seen = new Map<string, Statement>();
  for (const s of statementsOf(plan)) seen.set(s.text + JSON.stringify(s.params), s);
  const out: StatementTiming[] = [];
  for (const s of seen.values()) {
    const times: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const t0 = performance.now();
      await send(sql, s);
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
