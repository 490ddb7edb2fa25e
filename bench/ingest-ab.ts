// `npx tsx bench/ingest-ab.ts <database url> [rounds] [connections]`: what the data-version
// triggers (migrations 0011–0017) cost POST /api/events, measured by alternation on one database
// and one server. Each round measures, in turn: the triggers as shipped on a data_versions table
// left as the previous round left it ("on"), the same after `vacuum data_versions` ("on,
// vacuumed"), and the ingest's version triggers disabled ("off"). Prints each variant's median
// over the rounds and its ratio to "off". Needs a build (`npx next build`) and a bench database
// (`npm run bench -- --quick --keep`); writes events into it.
import path from "node:path";
import postgres from "postgres";
import { measureHttp, startServer, type Protocol } from "./http";
import { BATCH, EventSource, signedBatch } from "./ingest";
import { median, round } from "./stats";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const [url, roundsArg, connectionsArg] = process.argv.slice(2);
if (!url) throw new Error("usage: npx tsx bench/ingest-ab.ts <database url> [rounds] [connections]");
const rounds = Number(roundsArg ?? 3);
const protocol: Protocol = { runs: 1, seconds: 6, warmupSeconds: 1, connections: Number(connectionsArg ?? 2) };
const SECRET = "bench-ingest-secret";
const PORT = Number(process.env.BENCH_PORT ?? 3210) + 6;

// The tables an ingest batch writes, and their version triggers.
const WRITTEN = ["activity_events", "creator_daily_metrics", "enrollment_progress", "milestone_awards", "ledger_entries"];

const sql = postgres(url, { max: 2, onnotice: () => {} });
const triggers = await sql<{ table: string; trigger: string }[]>`
  select c.relname as table, t.tgname as trigger
  from pg_trigger t join pg_class c on c.oid = t.tgrelid
  where not t.tgisinternal and c.relname = any(${WRITTEN}) and t.tgname like '%data_version%'
  order by 1, 2`;
console.log(`version triggers on the ingest's tables: ${triggers.map((t) => `${t.table}.${t.trigger}`).join(", ")}`);

async function setTriggers(enabled: boolean) {
  for (const t of triggers) await sql.unsafe(`alter table "${t.table}" ${enabled ? "enable" : "disable"} trigger "${t.trigger}"`);
}

const [{ creators }] = await sql<{ creators: number }[]>`select count(*)::int as creators from creators`;
const source = new EventSource(creators);
const server = await startServer({
  root: ROOT,
  port: PORT,
  logFile: path.join(ROOT, "bench", "work", "server-ingest-ab.log"),
  env: { DATABASE_URL: url, NODE_ENV: "production", AUTH_SECRET: "bench-auth-secret-0123456789abcdef0123456789abcdef", INGEST_SECRET: SECRET, NEXT_TELEMETRY_DISABLED: "1", HIDE_DEMO_ACCOUNTS: "1" },
});

type Variant = "on" | "on, vacuumed" | "off";
const results: Record<Variant, number[]> = { on: [], "on, vacuumed": [], off: [] };
const batchMs: Record<Variant, number[]> = { on: [], "on, vacuumed": [], off: [] };
try {
  for (let r = 0; r < rounds; r++) {
    for (const variant of Object.keys(results) as Variant[]) {
      await setTriggers(variant !== "off");
      if (variant === "on, vacuumed") await sql`vacuum data_versions`;
      await sql`checkpoint`;
      const [{ dead }] = await sql<{ dead: number }[]>`select coalesce(n_dead_tup, 0)::int as dead from pg_stat_user_tables where relname = 'data_versions'`;
      const m = await measureHttp(`${server.base}/api/events`, protocol, { setup: () => signedBatch(source, SECRET) });
      const eventsPerSecond = round(m.perSecond * BATCH, 0);
      results[variant].push(eventsPerSecond);
      batchMs[variant].push(m.medianMs);
      console.log(`round ${r + 1}, ${variant.padEnd(12)}: ${eventsPerSecond.toLocaleString("en")} events/s, batch median ${m.medianMs} ms${m.errors ? `, ${m.errors} errors` : ""} (data_versions dead tuples before: ${dead.toLocaleString("en")})`);
    }
  }
} finally {
  await setTriggers(true);
  await server.stop();
  await sql.end({ timeout: 5 });
}
const off = median(results.off);
for (const variant of Object.keys(results) as Variant[]) {
  console.log(`${variant.padEnd(12)}: median ${median(results[variant]).toLocaleString("en")} events/s (${round(median(results[variant]) / off, 2)}× off), batch median ${median(batchMs[variant])} ms, over ${rounds} rounds of ${protocol.seconds} s at ${protocol.connections} connections`);
}
