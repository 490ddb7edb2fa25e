// `npm run bench [-- --quick] [-- --keep] [-- --build | --no-build] [-- --save-baseline] [-- --no-lighthouse]`
// (`npm run bench:lighthouse` runs the Lighthouse part alone, on the demo data: bench/lighthouse.ts)
//
// Benchmarks the app at scale on the local PostgreSQL and writes bench/REPORT.md and
// bench/report.json. Full run: a 1/100 database first (pages for the heavy creator), then the
// full one (100,000 creators, 10,000,000 events, 1,000,000 orders): every page beside the
// framework's ceiling and its database floor, SQL floors of pages not merged yet, a payout run,
// ingest against COPY, first-load JS and the server's memory. --quick runs the 1/100 database
// only (CI smoke, under two minutes with a current build). Databases are cr_bench_<timestamp>,
// dropped at the end unless --keep. See bench/cases.ts to add a page.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { firstLoadJs } from "./bundles";
import { PAGES, SQL_FLOORS, payoutRunCase, type BenchUser, type Ctx } from "./cases";
import { explain, openCapture, planShape, runPlan, timeStatements, type Capture, type Plan, type StatementTiming } from "./floor";
import { generate, type Generated } from "./generate";
import { prepareBareApp, prepareNextApp } from "./bare";
import { measureAlternating, measureHttp, measureInterleaved, measureLoop, probe, signIn, startServer, type Protocol, type Server } from "./http";
import { measureIngest, type IngestResult } from "./ingest";
import { bareTarget, lighthouseTargets, measureLighthouse, type LighthouseResult } from "./lighthouse";
import { runPayouts } from "./payout-run";
import { BASELINE_FILES, renderReport, type Baseline } from "./report";
import { BENCH_PASSWORD, FULL, HEAVY, LIGHT, MARKETING_EMAIL, SMALL, STAFF_EMAIL, scaleOf, type Scale } from "./scale";
import { median, round, type Measurement } from "./stats";

// Run under `--conditions=react-server` (package.json): the DAL's `server-only` marker is empty there.

// The bench's own process runs the pages' DAL calls to capture their SQL (the floor): with the
// creator pages' cache on, a second capture of the same read would send nothing. The server
// keeps it on (its env below), as in production.
process.env.DAL_CACHE = "off";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const WORK = path.join(ROOT, "bench", "work");
const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
const keep = args.has("--keep");
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PORT = Number(process.env.BENCH_PORT ?? 3210);
// PORT + 1 is the history-growth phase's second server; PORT + 2 the bare Next app; PORT + 3 the
// render floor (bench/render-floor-app: the app's markup in a bare Next app).
const BARE_PORT = PORT + 2;
const RENDER_FLOOR_PORT = PORT + 3;
const AUTH_SECRET = "bench-auth-secret-0123456789abcdef0123456789abcdef";
const INGEST_SECRET = "bench-ingest-secret";

const PAGE_PROTOCOL: Protocol = quick
  ? { runs: 2, seconds: 2, warmupSeconds: 1, connections: 4 }
  : { runs: 3, seconds: 5, warmupSeconds: 2, connections: 4 };
const INGEST_PROTOCOLS: Protocol[] = quick
  ? [{ runs: 1, seconds: 3, warmupSeconds: 1, connections: 2 }]
  : [2, 4].map((connections) => ({ runs: 3, seconds: 6, warmupSeconds: 2, connections }));
const PAYOUT_RUNS = quick ? 1 : 3;

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s`;
const log = (line: string) => console.log(`[${elapsed()}] ${line}`);
const sub = (line: string) => console.log(`         ${line}`);

export type PageResult = {
  id: string;
  title: string;
  user: BenchUser;
  path: string;
  htmlKb: number;
  http: Measurement;
  floor: Measurement;
  shape: { statements: number; sequentialRoundTrips: number };
  heaviest: StatementTiming[];
  explain?: string;
};
export type SqlFloorResult = {
  id: string;
  title: string;
  note: string;
  floor: Measurement;
  shape: { statements: number; sequentialRoundTrips: number };
  heaviest: StatementTiming[];
  explain?: string;
};
export type Phase = {
  label: string;
  scale: Scale;
  database: string;
  generated: Generated;
  ceiling: Measurement;
  /**
   * The floor rows, measured in turn with the ceiling: the bare Next page (bench/bare-app, its own
   * `next start` beside the app: the denominator of every "÷ bare page" ratio; absent in runs
   * before round 8), `/bench-bare` (a heading from a route handler inside the app, outside the
   * proxy, layouts and session) and `/creator/bench-shell` (the same heading inside the proxy,
   * the root and creator layouts, signed in as the heavy creator).
   */
  frame?: {
    barePage?: Measurement;
    bare: Measurement;
    shell: Measurement;
    /** bench/render-floor-app: the heading alone, in the app shell's markup, and with one page of the earnings list. */
    renderFloor?: { page: Measurement; frame: Measurement; table: Measurement };
  };
  pages: PageResult[];
  sqlFloors: SqlFloorResult[];
  payoutRun?: { title: string; seconds: number[]; medianSeconds: number; payouts: number; items: number; explain: string };
  ingest: IngestResult[];
  memory: { peakRssMb: number; hwmMb: number };
  /** The heavy creator's pages in the smaller database and in this one, measured in alternation. */
  growth?: GrowthResult[];
  /** Lighthouse on the issue's five pages, against this phase's server (bench/lighthouse.ts). */
  lighthouse?: LighthouseResult;
};
export type GrowthResult = { id: string; title: string; from: string; small: Measurement; full: Measurement; smallFloor: Measurement; fullFloor: Measurement };
export type Report = {
  mode: "quick" | "full";
  startedAt: string;
  finishedAt: string;
  totalSeconds: number;
  machine: Record<string, string>;
  build: { built: boolean; seconds: number | null; bareApp?: { built: boolean; seconds: number | null }; renderFloor?: { built: boolean; seconds: number | null } };
  bundles: ReturnType<typeof firstLoadJs>;
  protocols: { page: Protocol; ingest: Protocol[]; payoutRuns: number };
  /** Where this run served the apps, and the app's connection pool (absent in runs before round 13). */
  servers?: { app: number; bare: number; renderFloor: number; poolSize: number };
  phases: Phase[];
};

function machine(): Record<string, string> {
  const cpu = os.cpus();
  const pg = spawnSync("psql", [ADMIN_URL, "-Atc", "show server_version"], { encoding: "utf8" }).stdout.trim();
  const pgSettings = spawnSync(
    "psql",
    [ADMIN_URL, "-Atc", "select string_agg(name || '=' || current_setting(name), ', ' order by name) from pg_settings where name in ('shared_buffers','work_mem','max_wal_size','jit','max_parallel_workers_per_gather','effective_cache_size','autovacuum','synchronous_commit')"],
    { encoding: "utf8" },
  ).stdout.trim();
  return {
    "CPU cores (nproc)": String(os.availableParallelism()),
    "CPU model": cpu[0]?.model ?? "unknown",
    memory: `${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
    "load average at start (1, 5, 15 min)": os.loadavg().map((x) => x.toFixed(2)).join(", "),
    kernel: `${os.type()} ${os.release()}`,
    PostgreSQL: pg || "unknown",
    // As the machine has them (this CI machine turns autovacuum off; the generator vacuums).
    "PostgreSQL settings (the machine's, untouched)": pgSettings,
    "Node.js": process.version,
    Next: JSON.parse(readFileSync(path.join(ROOT, "node_modules/next/package.json"), "utf8")).version,
    // BENCH_MACHINE_NOTE says what else ran on the machine; the load average above is measured.
    shared:
      process.env.BENCH_MACHINE_NOTE ??
      "a development VM: the Node server, PostgreSQL and the load generator share its cores; each ratio is taken against a limit measured in the same run",
  };
}

/** Builds when there is no build or a source file is newer than it (or --build); --no-build never. */
function ensureBuild(): { built: boolean; seconds: number | null } {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  const newest = (dir: string): number => {
    let m = 0;
    for (const name of readdirSync(dir)) {
      if (name === "node_modules" || name.startsWith(".") || name === "work") continue;
      const p = path.join(dir, name);
      const s = statSync(p);
      m = Math.max(m, s.isDirectory() ? newest(p) : s.mtimeMs);
    }
    return m;
  };
  const stale = !existsSync(buildId) || ["app", "components", "lib", "db", "messages"].some((d) => newest(path.join(ROOT, d)) > statSync(buildId).mtimeMs);
  if (args.has("--no-build") || (!stale && !args.has("--build"))) {
    log(stale ? "build is stale but --no-build: using it" : "build is current: not rebuilding");
    return { built: false, seconds: null };
  }
  log("building (npx next build)…");
  const s = Date.now();
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const seconds = round((Date.now() - s) / 1000, 1);
  log(`built in ${seconds} s`);
  return { built: true, seconds };
}

async function createDatabase(label: string): Promise<Database> {
  const name = `cr_bench_${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${label}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "db/migrate.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url.toString() },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const a = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}

const ratio = (a: number, b: number) => round(a / b, 2);

type Database = { name: string; url: string; drop: () => Promise<void> };
type PhaseOptions = { pagesOnly: boolean; keepDatabase?: boolean; growthFrom?: { label: string; database: Database }; lighthouse?: boolean; bareAppDir: string; renderFloorDir: string };

async function runPhase(label: string, scale: Scale, options: PhaseOptions): Promise<{ phase: Phase; database: Database }> {
  log(`phase "${label}": database at scale ${scale.name}`);
  const db = await createDatabase(label.replace(/\W/g, ""));
  sub(`database ${db.name}, migrated`);
  const connect = () => postgres(db.url, { max: 1, onnotice: () => {} });
  const genSql = connect();
  let generated: Generated;
  try {
    generated = await generate(genSql, scale, (l) => sub(l.trim()), connect);
  } finally {
    await genSql.end({ timeout: 5 });
  }
  sub(`generated in ${generated.seconds.toFixed(0)} s: ${Object.entries(generated.counts).map(([k, v]) => `${k} ${v.toLocaleString("en")}`).join(", ")}`);

  // The app's own pool size and connection settings (db/index.ts: no JIT), so the floor and the
  // payout run have the same connections to work with as the server.
  const sql = postgres(db.url, { max: 10, onnotice: () => {}, connection: { jit: "off" } });
  // The app's client goes through drizzle, which swaps postgres.js's json and timestamp
  // serializers for pass-through ones; the replay client gets the same, so parameters match.
  drizzle(sql);
  let server: Server | undefined;
  let bareServer: Server | undefined;
  let floorServer: Server | undefined;
  const capture = await openCapture(db.url);
  try {
    log(`phase "${label}": node server.mjs -p ${PORT}, and the bare Next app (next start -p ${BARE_PORT})`);
    server = await startServer({
      root: ROOT,
      port: PORT,
      logFile: path.join(WORK, `server-${label.replace(/\W/g, "")}.log`),
      env: { DATABASE_URL: db.url, NODE_ENV: "production", AUTH_SECRET, INGEST_SECRET, NEXT_TELEMETRY_DISABLED: "1", HIDE_DEMO_ACCOUNTS: "1", BENCH_ROUTES: "1", DAL_CACHE: process.env.BENCH_DAL_CACHE ?? "on" },
    });
    bareServer = await startServer({
      root: options.bareAppDir,
      port: BARE_PORT,
      kind: "bare",
      logFile: path.join(WORK, `server-bare-${label.replace(/\W/g, "")}.log`),
      env: { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    floorServer = await startServer({
      root: options.renderFloorDir,
      port: RENDER_FLOOR_PORT,
      kind: "bare",
      logFile: path.join(WORK, `server-render-floor-${label.replace(/\W/g, "")}.log`),
      env: { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    const cookies: Record<BenchUser, string> = {
      heavy: await signIn(server.base, HEAVY.email, BENCH_PASSWORD),
      light: await signIn(server.base, LIGHT.email, BENCH_PASSWORD),
      staff: await signIn(server.base, STAFF_EMAIL, BENCH_PASSWORD),
      marketing: await signIn(server.base, MARKETING_EMAIL, BENCH_PASSWORD),
    };
    const userIds: Record<BenchUser, number> = generated.users;
    const ctx: Ctx = { anchor: generated.anchor, challengeId: 1, creatorIds: { heavy: HEAVY.creatorId, light: LIGHT.creatorId } };
    sub("signed in as the heavy creator, the light creator, staff and marketing through /api/auth/callback/credentials");

    log(`phase "${label}": the floor rows in turn, ${PAGE_PROTOCOL.connections} connections — the bare Next page, GET /bench-bare (route handler), GET /api/health (route handler, select 1), GET /creator/bench-shell (heavy creator), and the render floor's /, /frame and /table`);
    const shellCheck = await probe(`${server.base}/creator/bench-shell`, cookies.heavy);
    if (shellCheck.status !== 200) throw new Error(`/creator/bench-shell answered ${shellCheck.status}, not 200`);
    const bareCheck = await probe(`${bareServer.base}/`);
    if (bareCheck.status !== 200) throw new Error(`the bare Next app's / answered ${bareCheck.status}, not 200`);
    const [barePage, bare, ceiling, shell, floorPage, floorFrame, floorTable] = await measureInterleaved(
      [
        { url: `${bareServer.base}/` },
        { url: `${server.base}/bench-bare` },
        { url: `${server.base}/api/health` },
        { url: `${server.base}/creator/bench-shell`, headers: { cookie: cookies.heavy } },
        { url: `${floorServer.base}/` },
        { url: `${floorServer.base}/frame` },
        { url: `${floorServer.base}/table` },
      ],
      PAGE_PROTOCOL,
    );
    const line = (name: string, m: Measurement) => sub(`${name} median ${m.medianMs} ms, p95 ${m.p95Ms} ms, ${m.perSecond} req/s (${round(m.perSecond / barePage.perSecond, 2)}× the bare page)`);
    line("bare Next page:", barePage);
    line("/bench-bare:   ", bare);
    line("/api/health:   ", ceiling);
    line("shell:         ", shell);
    line("render floor /:", floorPage);
    line("render floor /frame (the shell's markup):", floorFrame);
    line("render floor /table (25 list entries):", floorTable);
    const frame = { barePage, bare, shell, renderFloor: { page: floorPage, frame: floorFrame, table: floorTable } };

    const pages: PageResult[] = [];
    for (const page of PAGES) {
      const users: BenchUser[] = options.pagesOnly || !page.alsoLight ? [page.user] : [page.user, "light"];
      for (const user of users) {
        const url = `${server.base}${page.path(ctx)}`;
        const check = await probe(url, cookies[user]);
        if (check.status !== 200) throw new Error(`${page.path(ctx)} as ${user} answered ${check.status}, not 200`);
        log(`phase "${label}": ${page.title} as ${user} (${Math.round(check.bytes / 1024)} KB of HTML)`);
        const http = await measureHttp(url, PAGE_PROTOCOL, { headers: { cookie: cookies[user] } });
        sub(`page:  median ${http.medianMs} ms, p95 ${http.p95Ms} ms, ${http.perSecond} req/s${http.errors ? `, ${http.errors} errors` : ""}`);
        const plan = await capture.plan(userIds[user], await page.dal(ctx));
        const floor = await measureLoop(() => runPlan(sql, plan), PAGE_PROTOCOL);
        const shape = planShape(plan);
        sub(`floor: median ${floor.medianMs} ms, p95 ${floor.p95Ms} ms, ${floor.perSecond} /s (${shape.statements} statements, ${shape.sequentialRoundTrips} round trips in sequence)`);
        const heaviest = await timeStatements(sql, plan);
        const result: PageResult = { id: page.id, title: page.title, user, path: page.path(ctx), htmlKb: round(check.bytes / 1024, 1), http, floor, shape, heaviest: heaviest.slice(0, 5) };
        if (user === page.user && !options.pagesOnly) result.explain = await explain(sql, heaviest[0]);
        pages.push(result);
      }
    }

    let lighthouse: LighthouseResult | undefined;
    if (options.lighthouse && !args.has("--no-lighthouse")) {
      const runs = quick ? 1 : 3;
      log(`phase "${label}": Lighthouse (mobile defaults, median of ${runs}) as the heavy creator and staff`);
      const targets = [bareTarget(bareServer.base), ...lighthouseTargets({ creator: cookies.heavy, staff: cookies.staff }, ctx.challengeId)];
      lighthouse = await measureLighthouse(server.base, targets, { runs, log: sub });
      for (const p of lighthouse.pages)
        sub(`${p.title}: ${p.runs.length ? `performance ${p.score.toFixed(2)}, TBT ${p.tbtMs} ms` : `failed (${p.failures?.at(-1)})`}`);
    }

    // Before anything writes to either database (ingest adds events and awards): the heavy
    // creator's pages on the smaller database and on this one, in alternation.
    const growth = options.growthFrom ? await measureGrowth(options.growthFrom, server, cookies.heavy, sql, ctx, userIds.heavy, capture, label) : undefined;

    const sqlFloors: SqlFloorResult[] = [];
    let payoutRun: Phase["payoutRun"];
    const ingest: IngestResult[] = [];
    if (!options.pagesOnly) {
      for (const c of SQL_FLOORS) {
        log(`phase "${label}": SQL floor — ${c.title}`);
        const identity = await capture.plan(userIds[c.user], []);
        const plan: Plan = { seq: [identity, ...c.steps(ctx).map((step) => ({ par: step }))] };
        const floor = await measureLoop(() => runPlan(sql, plan), PAGE_PROTOCOL);
        const heaviest = await timeStatements(sql, plan);
        sub(`floor: median ${floor.medianMs} ms, p95 ${floor.p95Ms} ms, ${floor.perSecond} /s; heaviest statement ${heaviest[0].medianMs} ms`);
        sqlFloors.push({ id: c.id, title: c.title, note: c.note, floor, shape: planShape(plan), heaviest: heaviest.slice(0, 3), explain: await explain(sql, heaviest[0]) });
      }

      const run = payoutRunCase(ctx);
      log(`phase "${label}": ${run.title}, ${PAYOUT_RUNS} time(s), each rolled back`);
      const seconds: number[] = [];
      let payouts = 0;
      let items = 0;
      for (let i = 0; i < PAYOUT_RUNS; i++) {
        const s = performance.now();
        await sql
          .begin(async (tx) => {
            await runPayouts(tx, run.run);
            seconds.push(round((performance.now() - s) / 1000, 2));
            const [counts] = await tx<{ payouts: number; items: number }[]>`
              select (select count(*) from payouts p join payout_runs r on r.id = p.run_id where r.period = ${ctx.anchor.slice(0, 7)})::int as payouts,
                     (select count(*) from payout_items i join payouts p on p.id = i.payout_id join payout_runs r on r.id = p.run_id
                      where r.period = ${ctx.anchor.slice(0, 7)})::int as items`;
            payouts = counts.payouts;
            items = counts.items;
            throw new RolledBack();
          })
          .catch((e) => {
            if (!(e instanceof RolledBack)) throw e;
          });
        sub(`run ${i + 1}: ${seconds.at(-1)} s, ${payouts.toLocaleString("en")} payouts, ${items.toLocaleString("en")} items`);
      }
      const explainRun = await explainPayoutRun(sql, run.run);
      payoutRun = { title: run.title, seconds, medianSeconds: median(seconds), payouts, items, explain: explainRun };

      for (const protocol of INGEST_PROTOCOLS) {
        log(`phase "${label}": POST /api/events, batches of 1,000, ${protocol.connections} connections`);
        // Each write test starts from a clean checkpoint, so it is not charged with flushing the
        // previous step's writes (the payout runs' WAL, or the last test's COPY).
        await sql`checkpoint`;
        const r = await measureIngest(server.base, INGEST_SECRET, sql, scale.creators, protocol);
        sub(
          `${r.eventsPerSecond.toLocaleString("en")} events/s (batch median ${r.http.medianMs} ms, p95 ${r.http.p95Ms} ms${r.http.errors ? `, ${r.http.errors} errors` : ""}); ` +
            `COPY ${r.copy.rowsPerSecond.toLocaleString("en")} rows/s over ${r.copy.streams} streams → ${r.ratioToCopy} of COPY`,
        );
        ingest.push(r);
      }
      // A database kept for a later phase gets its statistics back after the ingest's inserts,
      // as autovacuum would do in a while (the heavy creator's rows are untouched by ingest).
      if (options.keepDatabase) await sql`analyze`;
    }
    const memory = server.memory();
    sub(`server memory: peak RSS ${memory.peakRssMb} MB (sampled every 200 ms over the process tree), VmHWM ${memory.hwmMb} MB`);
    return { phase: { label, scale, database: db.name, generated, ceiling, frame, pages, sqlFloors, payoutRun, ingest, memory, growth, lighthouse }, database: db };
  } finally {
    await server?.stop();
    await bareServer?.stop();
    await floorServer?.stop();
    await capture.close();
    await sql.end({ timeout: 5 });
    if (keep) sub(`kept database ${db.name} (--keep)`);
    else if (options.keepDatabase) sub(`database ${db.name} kept for the next phase`);
    else {
      await db.drop();
      sub(`dropped database ${db.name}`);
    }
  }
}

class RolledBack extends Error {}

/**
 * The heavy creator's pages on the smaller database (a second server on it) and on this one,
 * one run each in turn, and the same for their SQL floors: the history-growth ratio without the
 * machine's mood between two phases in it. The captured statements are the same on both
 * databases: the heavy creator, its user and challenge 1 have the same ids at every scale.
 */
async function measureGrowth(
  from: NonNullable<PhaseOptions["growthFrom"]>,
  server: Server,
  cookie: string,
  sql: postgres.Sql,
  ctx: Ctx,
  heavyUserId: number,
  capture: Capture,
  label: string,
): Promise<GrowthResult[]> {
  log(`phase "${label}": history growth — a second server on the ${from.label} database, pages and floors in alternation`);
  const other = await startServer({
    root: ROOT,
    port: PORT + 1,
    logFile: path.join(WORK, "server-growth.log"),
    env: { DATABASE_URL: from.database.url, NODE_ENV: "production", AUTH_SECRET, INGEST_SECRET, NEXT_TELEMETRY_DISABLED: "1", HIDE_DEMO_ACCOUNTS: "1", BENCH_ROUTES: "1", DAL_CACHE: process.env.BENCH_DAL_CACHE ?? "on" },
  });
  const smallSql = postgres(from.database.url, { max: 10, onnotice: () => {} });
  drizzle(smallSql);
  try {
    const smallCookie = await signIn(other.base, HEAVY.email, BENCH_PASSWORD);
    const out: GrowthResult[] = [];
    for (const page of PAGES.filter((p) => p.user === "heavy")) {
      const [small, full] = await measureAlternating(
        { url: `${other.base}${page.path(ctx)}`, headers: { cookie: smallCookie } },
        { url: `${server.base}${page.path(ctx)}`, headers: { cookie } },
        PAGE_PROTOCOL,
      );
      const plan = await capture.plan(heavyUserId, await page.dal(ctx));
      const [smallFloor, fullFloor] = await measureAlternating({ fn: () => runPlan(smallSql, plan) }, { fn: () => runPlan(sql, plan) }, PAGE_PROTOCOL);
      sub(`${page.title}: page ${small.medianMs} → ${full.medianMs} ms (${round(full.medianMs / small.medianMs, 2)}×), floor ${smallFloor.medianMs} → ${fullFloor.medianMs} ms (${round(fullFloor.medianMs / smallFloor.medianMs, 2)}×)`);
      out.push({ id: page.id, title: page.title, from: from.label, small, full, smallFloor, fullFloor });
    }
    return out;
  } finally {
    await other.stop();
    await smallSql.end({ timeout: 5 });
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of the run's main statement, after its run row exists, rolled back. */
async function explainPayoutRun(sql: postgres.Sql, run: Parameters<typeof runPayouts>[1]): Promise<string> {
  let text = "";
  await sql
    .begin(async (tx) => {
      text = (await runPayouts(tx, run, { explain: true })) ?? "";
      throw new RolledBack();
    })
    .catch((e) => {
      if (!(e instanceof RolledBack)) throw e;
    });
  return text;
}

function loadBaselines(): Baseline[] {
  return BASELINE_FILES.flatMap((b) => {
    const file = path.join(ROOT, "bench", b.file);
    return existsSync(file) ? [{ ...b, report: JSON.parse(readFileSync(file, "utf8")) as Report }] : [];
  });
}

/** `--render`: writes bench/REPORT.md again from bench/report.json (after editing NOTES.md). */
function renderOnly() {
  const report = JSON.parse(readFileSync(path.join(ROOT, "bench", "report.json"), "utf8")) as Report;
  const notesFile = path.join(ROOT, "bench", "NOTES.md");
  writeFileSync(path.join(ROOT, "bench", "REPORT.md"), renderReport(report, loadBaselines(), existsSync(notesFile) ? readFileSync(notesFile, "utf8") : ""));
  log("rendered bench/REPORT.md from bench/report.json");
}

async function main() {
  if (args.has("--render")) return renderOnly();
  mkdirSync(WORK, { recursive: true });
  const startedAt = new Date().toISOString();
  log(`Creator Rewards benchmark, ${quick ? "quick (1/100 scale)" : "full"} run`);
  const info = machine();
  for (const [k, v] of Object.entries(info)) sub(`${k}: ${v}`);
  const build: Report["build"] = ensureBuild();
  const bareApp = prepareBareApp(ROOT, { force: args.has("--build"), log });
  build.bareApp = { built: bareApp.built, seconds: bareApp.seconds };
  const renderFloor = prepareNextApp(ROOT, { source: "render-floor-app", work: "render-floor", skip: ["cache-only"], force: args.has("--build"), log });
  build.renderFloor = { built: renderFloor.built, seconds: renderFloor.seconds };
  const bundles = firstLoadJs(ROOT);
  sub(`first-load JS: ${bundles.routes.map((r) => `${r.route} ${r.gzipKb} KB`).join(", ")}`);

  const phases: Phase[] = [];
  if (quick) phases.push((await runPhase("quick (1/100)", SMALL, { pagesOnly: false, lighthouse: true, bareAppDir: bareApp.dir, renderFloorDir: renderFloor.dir })).phase);
  else {
    const small = await runPhase("small (1/100)", SMALL, { pagesOnly: false, keepDatabase: true, bareAppDir: bareApp.dir, renderFloorDir: renderFloor.dir });
    phases.push(small.phase);
    try {
      // BENCH_FULL_FACTOR (e.g. 0.02) runs the full pipeline on a smaller "full" database: a dry run of the harness.
      const factor = Number(process.env.BENCH_FULL_FACTOR ?? 1);
      const full = factor === 1 ? FULL : scaleOf(factor, `${factor}`);
      phases.push((await runPhase("full", full, { pagesOnly: false, growthFrom: { label: small.phase.label, database: small.database }, lighthouse: true, bareAppDir: bareApp.dir, renderFloorDir: renderFloor.dir })).phase);
    } finally {
      if (!keep) {
        await small.database.drop();
        sub(`dropped database ${small.database.name}`);
      }
    }
  }
  const report: Report = {
    mode: quick ? "quick" : "full",
    startedAt,
    finishedAt: new Date().toISOString(),
    totalSeconds: Math.round((Date.now() - t0) / 1000),
    machine: info,
    build,
    bundles,
    protocols: { page: PAGE_PROTOCOL, ingest: INGEST_PROTOCOLS, payoutRuns: PAYOUT_RUNS },
    // The server inherits this process's environment: its pool is DATABASE_POOL_SIZE or env.ts's default.
    servers: { app: PORT, bare: BARE_PORT, renderFloor: RENDER_FLOOR_PORT, poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10) },
    phases,
  };
  const baselineFile = path.join(ROOT, "bench", "baseline.json");
  const notesFile = path.join(ROOT, "bench", "NOTES.md");
  const notes = existsSync(notesFile) ? readFileSync(notesFile, "utf8") : "";
  const out = quick ? WORK : path.join(ROOT, "bench");
  const json = JSON.stringify(report, (key, value) => (key === "latencies" ? undefined : value), 2) + "\n";
  writeFileSync(path.join(out, "report.json"), json);
  writeFileSync(path.join(out, "REPORT.md"), renderReport(report, loadBaselines(), notes));
  if (args.has("--save-baseline")) writeFileSync(baselineFile, json);
  log(`wrote ${path.relative(ROOT, path.join(out, "REPORT.md"))} and report.json in ${report.totalSeconds} s`);
}

// Helper kept for the report: ratios of a page to its limits.
export const ratios = (page: PageResult, ceiling: Measurement) => ({
  latencyToCeiling: ratio(page.http.medianMs, ceiling.medianMs),
  rpsToCeiling: ratio(page.http.perSecond, ceiling.perSecond),
  latencyToFloor: ratio(page.http.medianMs, page.floor.medianMs),
});

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
