// Lighthouse in the browser, run by the bench against `next start` (issue 17's goals: performance
// ≥ 0.90 and Total Blocking Time ≤ 400 ms on the five pages below, mobile defaults, median of 3).
//
// In `npm run bench` it scores the bench's own server, signed in with the bench's cookies. Alone:
//
//   npm run bench:lighthouse                      # builds nothing: starts `next start` on a fresh
//                                                 # PGlite database with the demo data (port 3230)
//   npm run bench:lighthouse -- --base http://127.0.0.1:3230   # an app already running (demo data)
//   npm run bench:lighthouse -- --runs 1          # one run per page instead of three
//
// Method: Lighthouse's default (mobile) configuration, performance category only, simulated
// throttling, Debian's Chromium headless. A signed-in page gets the session as an extra Cookie
// header on every request (Lighthouse resets the browser's storage between runs). Each page is
// scored `runs` times in a row; the report keeps the median score and the median TBT.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { median } from "./stats";

export const LIGHTHOUSE_GOALS = { score: 0.9, tbtMs: 400 } as const;

export type LighthouseTarget = { id: string; title: string; path: string; cookie?: string };
export type LighthouseRun = { score: number; tbtMs: number; lcpMs: number; fcpMs: number; cls: number; siMs: number };
export type LighthousePage = {
  id: string;
  title: string;
  path: string;
  runs: LighthouseRun[];
  score: number;
  tbtMs: number;
  lcpMs: number;
  cls: number;
  /** The machine's 1-minute load average before the page's first run and after its last: TBT is CPU time, so a busy machine inflates it. */
  load: [number, number];
};
export type LighthouseResult = { method: string; chromium: string; runsPerPage: number; pages: LighthousePage[] };

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// As e2e's Playwright config launches it, headless.
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

/** The five pages of the issue's Lighthouse goal; `challengeId` is one the creator may open. */
export function lighthouseTargets(cookies: { creator: string; staff: string }, challengeId: number): LighthouseTarget[] {
  return [
    { id: "login", title: "Sign-in (`/login`)", path: "/login" },
    { id: "creator-home", title: "Creator home (`/creator`)", path: "/creator", cookie: cookies.creator },
    { id: "creator-challenge", title: "Creator challenge page (`/creator/challenges/[id]`)", path: `/creator/challenges/${challengeId}`, cookie: cookies.creator },
    { id: "creator-earnings", title: "Creator earnings (`/creator/earnings`)", path: "/creator/earnings", cookie: cookies.creator },
    { id: "staff-payouts", title: "Staff payout queue (`/staff/payouts`)", path: "/staff/payouts", cookie: cookies.staff },
  ];
}

export async function measureLighthouse(
  base: string,
  targets: LighthouseTarget[],
  opts: { runs?: number; log?: (line: string) => void } = {},
): Promise<LighthouseResult> {
  const runs = opts.runs ?? 3;
  const log = opts.log ?? (() => {});
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const userDataDir = path.join(os.tmpdir(), `cr-lighthouse-${process.pid}`);
  mkdirSync(userDataDir, { recursive: true });
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, userDataDir, logLevel: "silent" });
  const pages: LighthousePage[] = [];
  try {
    for (const target of targets) {
      const url = `${base}${target.path}`;
      // One unmeasured load first: the server's first render of a route compiles nothing in
      // production, but it fills caches (intl, the module graph) that every later view finds.
      await fetch(url, { headers: target.cookie ? { cookie: target.cookie } : {}, redirect: "manual" }).catch(() => undefined);
      const loadBefore = os.loadavg()[0];
      const done: LighthouseRun[] = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(url, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance"],
          extraHeaders: target.cookie ? { Cookie: target.cookie } : undefined,
        });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
        if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        // A redirect to /login would score the login page instead: the session must hold.
        if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) throw new Error(`Lighthouse on ${url} ended on ${lhr.finalDisplayedUrl}`);
        const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
        done.push({
          score: lhr.categories.performance?.score ?? 0,
          tbtMs: Math.round(audit("total-blocking-time")),
          lcpMs: Math.round(audit("largest-contentful-paint")),
          fcpMs: Math.round(audit("first-contentful-paint")),
          cls: Math.round(audit("cumulative-layout-shift") * 1000) / 1000,
          siMs: Math.round(audit("speed-index")),
        });
        const last = done.at(-1)!;
        log(`${target.path} run ${i + 1}/${runs}: performance ${last.score.toFixed(2)}, TBT ${last.tbtMs} ms, LCP ${last.lcpMs} ms, CLS ${last.cls}`);
      }
      pages.push({
        id: target.id,
        title: target.title,
        path: target.path,
        runs: done,
        score: median(done.map((r) => r.score)),
        tbtMs: median(done.map((r) => r.tbtMs)),
        lcpMs: median(done.map((r) => r.lcpMs)),
        cls: median(done.map((r) => r.cls)),
        load: [Math.round(loadBefore * 10) / 10, Math.round(os.loadavg()[0] * 10) / 10],
      });
    }
  } finally {
    chrome.kill();
    rmSync(userDataDir, { recursive: true, force: true });
  }
  return {
    method: `Lighthouse ${LIGHTHOUSE_VERSION} (default mobile configuration, simulated throttling, performance category only), ${CHROMIUM} headless; median of ${runs} runs per page; signed-in pages get the session cookie as an extra header.`,
    chromium: CHROMIUM,
    runsPerPage: runs,
    pages,
  };
}

const LIGHTHOUSE_VERSION = "12.8.2";

export function lighthouseTable(result: LighthouseResult): string {
  const met = (p: LighthousePage) => p.score >= LIGHTHOUSE_GOALS.score && p.tbtMs <= LIGHTHOUSE_GOALS.tbtMs;
  return [
    `| page | performance (median of ${result.runsPerPage}) | limit | Total Blocking Time | limit | LCP | CLS | runs (score / TBT) | load average | goal |`,
    "|---|---:|---:|---:|---:|---:|---:|---|---|---|",
    ...result.pages.map(
      (p) =>
        `| ${p.title} | **${p.score.toFixed(2)}** | ≥ ${LIGHTHOUSE_GOALS.score.toFixed(2)} | **${p.tbtMs} ms** | ≤ ${LIGHTHOUSE_GOALS.tbtMs} ms | ${p.lcpMs} ms | ${p.cls} | ${p.runs.map((r) => `${r.score.toFixed(2)} / ${r.tbtMs}`).join(", ")} | ${p.load?.join(" → ") ?? "?"} | ${met(p) ? "✅ met" : "❌ missed"} |`,
    ),
  ].join("\n");
}

// ---- alone: `npm run bench:lighthouse` -------------------------------------------------------

async function alone() {
  const { signIn, startServer } = await import("./http");
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
  const work = path.join(root, "bench", "work");
  mkdirSync(work, { recursive: true });
  const runs = Number(option("--runs") ?? 3);
  const log = (line: string) => console.log(`[lighthouse] ${line}`);

  let base = option("--base");
  let stop: (() => Promise<void>) | undefined;
  if (!base) {
    const port = Number(process.env.BENCH_LIGHTHOUSE_PORT ?? 3230);
    const pgliteDir = path.join(os.tmpdir(), `cr-lighthouse-db-${process.pid}`);
    rmSync(pgliteDir, { recursive: true, force: true });
    log(`next start -p ${port} on a fresh PGlite database (demo data), ${pgliteDir}`);
    const server = await startServer({
      root,
      port,
      logFile: path.join(work, "server-lighthouse.log"),
      env: {
        DATABASE_URL: "",
        PGLITE_DIR: pgliteDir,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        AUTH_SECRET: "bench-auth-secret-0123456789abcdef0123456789abcdef",
        INGEST_SECRET: "bench-ingest-secret",
        AUTH_URL: `http://127.0.0.1:${port}`,
      },
    });
    base = server.base;
    stop = async () => {
      await server.stop();
      rmSync(pgliteDir, { recursive: true, force: true });
    };
  }
  try {
    const password = process.env.DEMO_PASSWORD ?? "demo-password";
    const creator = await signIn(base, "creator@example.com", password);
    const staff = await signIn(base, "staff@example.com", password);
    // A challenge the demo creator can open: the first one its list links to.
    const list = await (await fetch(`${base}/creator/challenges`, { headers: { cookie: creator } })).text();
    const challengeId = Number(/\/creator\/challenges\/(\d+)/.exec(list)?.[1]);
    if (!challengeId) throw new Error("no challenge linked from /creator/challenges");
    const result = await measureLighthouse(base, lighthouseTargets({ creator, staff }, challengeId), { runs, log });
    writeFileSync(path.join(work, "lighthouse.json"), JSON.stringify(result, null, 2) + "\n");
    console.log(`\n${result.method}\n\n${lighthouseTable(result)}\n`);
    log(`wrote ${path.relative(root, path.join(work, "lighthouse.json"))}`);
  } finally {
    await stop?.();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  alone().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
