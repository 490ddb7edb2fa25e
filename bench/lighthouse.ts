// Lighthouse in the browser, run by the bench against the app's production server (`node
// server.mjs`; issue 17's goals: performance ≥ 0.90 and Total Blocking Time ≤ 400 ms on the five
// pages below, mobile defaults, median of 3), and once against the bare Next app's page
// (bench/bare.ts) to show what a bare page scores on this machine.
//
// In `npm run bench` it scores the bench's own server, signed in with the bench's cookies. Alone:
//
//   npm run bench:lighthouse                      # builds the bare app if needed, not the app:
//                                                 # starts `node server.mjs` on a fresh PGlite
//                                                 # database with the demo data (port 3230) and
//                                                 # the bare app (port 3232)
//   npm run bench:lighthouse -- --base http://127.0.0.1:3230   # an app already running (demo data)
//   npm run bench:lighthouse -- --runs 1          # one run per page instead of three
//   npm run bench:lighthouse -- --no-bare         # without the bare app's page
//
// Method: Lighthouse's default (mobile) configuration, performance category only, simulated
// throttling, Debian's Chromium headless. A signed-in page gets the session as an extra Cookie
// header on every request (Lighthouse resets the browser's storage between runs). Each page is
// scored `runs` times in a row; the report keeps the median score and the median TBT. A run that
// fails in the browser (NO_NAVSTART, a trace Chromium did not finish, a protocol timeout) is tried
// again with a fresh Chromium, up to RUN_ATTEMPTS times; a page none of whose runs succeeded is
// reported as failed, with the error, and the bench goes on.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { median } from "./stats";

export const LIGHTHOUSE_GOALS = { score: 0.9, tbtMs: 400 } as const;
const RUN_ATTEMPTS = 3;

export type LighthouseTarget = {
  id: string;
  title: string;
  path: string;
  cookie?: string;
  /** Another server than the one measured (the bare app). */
  base?: string;
  /** Shown for comparison, not judged against the goals (the bare Next page). */
  reference?: boolean;
};
export type LighthouseRun = { score: number; tbtMs: number; lcpMs: number; fcpMs: number; cls: number; siMs: number };
export type LighthousePage = {
  id: string;
  title: string;
  path: string;
  runs: LighthouseRun[];
  /** Medians of the runs that succeeded; NaN (null in report.json) when none did. */
  score: number;
  tbtMs: number;
  lcpMs: number;
  cls: number;
  /** The machine's 1-minute load average before the page's first run and after its last: TBT is CPU time, so a busy machine inflates it. */
  load: [number, number];
  reference?: boolean;
  /** Runs that failed after every attempt, with the last error; the page failed when `runs` is empty. */
  failures?: string[];
  /** Attempts that failed and were tried again. */
  retries?: string[];
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

/** The bare Next app's page (bench/bare-app), for comparison. */
export function bareTarget(base: string): LighthouseTarget {
  return { id: "bare-page", title: "Bare Next page (bench/bare-app, `/`; for comparison, no goal)", path: "/", base, reference: true };
}

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

/** A page that ends elsewhere (a redirect to /login): trying again would not help. */
class WrongPage extends Error {}

export async function measureLighthouse(
  base: string,
  targets: LighthouseTarget[],
  opts: { runs?: number; log?: (line: string) => void; /** Keep every run's full report (JSON) here, for diagnosis. */ saveDir?: string } = {},
): Promise<LighthouseResult> {
  const runs = opts.runs ?? 3;
  const log = opts.log ?? (() => {});
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const userDataDir = path.join(os.tmpdir(), `cr-lighthouse-${process.pid}`);
  const launch = () => {
    rmSync(userDataDir, { recursive: true, force: true });
    mkdirSync(userDataDir, { recursive: true });
    return chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, userDataDir, logLevel: "silent" });
  };
  let chrome = await launch();
  const once = async (url: string, target: LighthouseTarget): Promise<LighthouseRun> => {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
      extraHeaders: target.cookie ? { Cookie: target.cookie } : undefined,
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error("Lighthouse returned nothing");
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    // A redirect to /login would score the login page instead: the session must hold.
    if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) throw new WrongPage(`ended on ${lhr.finalDisplayedUrl}`);
    if (opts.saveDir) {
      mkdirSync(opts.saveDir, { recursive: true });
      writeFileSync(path.join(opts.saveDir, `${target.id}-${Date.now()}.json`), JSON.stringify(lhr));
    }
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    return {
      score: lhr.categories.performance?.score ?? 0,
      tbtMs: Math.round(audit("total-blocking-time")),
      lcpMs: Math.round(audit("largest-contentful-paint")),
      fcpMs: Math.round(audit("first-contentful-paint")),
      cls: Math.round(audit("cumulative-layout-shift") * 1000) / 1000,
      siMs: Math.round(audit("speed-index")),
    };
  };
  const pages: LighthousePage[] = [];
  try {
    for (const target of targets) {
      const url = `${target.base ?? base}${target.path}`;
      // One unmeasured load first: the server's first render of a route compiles nothing in
      // production, but it fills caches (intl, the module graph) that every later view finds.
      await fetch(url, { headers: target.cookie ? { cookie: target.cookie } : {}, redirect: "manual" }).catch(() => undefined);
      const loadBefore = os.loadavg()[0];
      const done: LighthouseRun[] = [];
      const failures: string[] = [];
      const retries: string[] = [];
      runs: for (let i = 0; i < runs; i++) {
        for (let attempt = 1; ; attempt++) {
          try {
            done.push(await once(url, target));
            const last = done.at(-1)!;
            log(`${target.path} run ${i + 1}/${runs}: performance ${last.score.toFixed(2)}, TBT ${last.tbtMs} ms, LCP ${last.lcpMs} ms, CLS ${last.cls}`);
            break;
          } catch (error) {
            const message = (error as Error).message;
            if (error instanceof WrongPage) {
              failures.push(message);
              log(`${target.path} run ${i + 1}/${runs}: ${message}; the page is not scored`);
              break runs;
            }
            // The browser may be what broke: the next attempt gets a fresh one.
            chrome.kill();
            chrome = await launch();
            if (attempt >= RUN_ATTEMPTS) {
              failures.push(message);
              log(`${target.path} run ${i + 1}/${runs}: failed ${attempt} times (${message}); run skipped`);
              break;
            }
            retries.push(message);
            log(`${target.path} run ${i + 1}/${runs}, attempt ${attempt}: ${message}; trying again`);
          }
        }
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
        ...(target.reference ? { reference: true } : {}),
        ...(failures.length ? { failures } : {}),
        ...(retries.length ? { retries } : {}),
      });
    }
  } finally {
    chrome.kill();
    rmSync(userDataDir, { recursive: true, force: true });
  }
  return {
    method: `Lighthouse ${LIGHTHOUSE_VERSION} (default mobile configuration, simulated throttling, performance category only), ${CHROMIUM} headless; median of ${runs} runs per page; signed-in pages get the session cookie as an extra header; a run that fails in the browser is tried again with a fresh Chromium, up to ${RUN_ATTEMPTS} attempts.`,
    chromium: CHROMIUM,
    runsPerPage: runs,
    pages,
  };
}

/** Scored: at least one run succeeded (report.json has null for a failed page's medians). */
export const scored = (p: LighthousePage) => p.runs.length > 0 && Number.isFinite(p.score);

const LIGHTHOUSE_VERSION = "12.8.2";

export function lighthouseTable(result: LighthouseResult): string {
  const met = (p: LighthousePage) => p.score >= LIGHTHOUSE_GOALS.score && p.tbtMs <= LIGHTHOUSE_GOALS.tbtMs;
  const row = (p: LighthousePage) => {
    const failed = p.failures?.length ? ` ${p.runs.length ? `${p.failures.length} run(s) failed` : "**failed**"}: ${p.failures.at(-1)!.replace(/\|/g, "/").slice(0, 160)}` : "";
    const retried = p.retries?.length ? ` (${p.retries.length} attempt(s) tried again: ${[...new Set(p.retries.map((r) => r.split(" ")[0]))].join(", ")})` : "";
    const runs = p.runs.map((r) => `${r.score.toFixed(2)} / ${r.tbtMs}`).join(", ");
    if (!scored(p)) return `| ${p.title} | — | ≥ ${LIGHTHOUSE_GOALS.score.toFixed(2)} | — | ≤ ${LIGHTHOUSE_GOALS.tbtMs} ms | — | — |${failed}${retried} | ${p.load?.join(" → ") ?? "?"} | ${p.reference ? "—" : "❌ failed"} |`;
    return `| ${p.title} | **${p.score.toFixed(2)}** | ≥ ${LIGHTHOUSE_GOALS.score.toFixed(2)} | **${p.tbtMs} ms** | ≤ ${LIGHTHOUSE_GOALS.tbtMs} ms | ${p.lcpMs} ms | ${p.cls} | ${runs}${failed}${retried} | ${p.load?.join(" → ") ?? "?"} | ${p.reference ? "— (reference)" : met(p) ? "✅ met" : "❌ missed"} |`;
  };
  return [
    `| page | performance (median of ${result.runsPerPage}) | limit | Total Blocking Time | limit | LCP | CLS | runs (score / TBT) | load average | goal |`,
    "|---|---:|---:|---:|---:|---:|---:|---|---|---|",
    ...result.pages.map(row),
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
    log(`node server.mjs -p ${port} on a fresh PGlite database (demo data), ${pgliteDir}`);
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
  let bare: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    if (!args.includes("--no-bare")) {
      const { prepareBareApp } = await import("./bare");
      const { dir } = prepareBareApp(root, { log });
      const barePort = Number(process.env.BENCH_LIGHTHOUSE_PORT ?? 3230) + 2;
      log(`the bare Next app: next start -p ${barePort}`);
      bare = await startServer({ root: dir, port: barePort, kind: "bare", logFile: path.join(work, "server-lighthouse-bare.log"), env: { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
    }
    const password = process.env.DEMO_PASSWORD ?? "demo-password";
    const creator = await signIn(base, "creator@example.com", password);
    const staff = await signIn(base, "staff@example.com", password);
    // A challenge the demo creator can open: the first one its list links to.
    const list = await (await fetch(`${base}/creator/challenges`, { headers: { cookie: creator } })).text();
    const challengeId = Number(/\/creator\/challenges\/(\d+)/.exec(list)?.[1]);
    if (!challengeId) throw new Error("no challenge linked from /creator/challenges");
    const targets = [...(bare ? [bareTarget(bare.base)] : []), ...lighthouseTargets({ creator, staff }, challengeId)];
    // --save-lhr: every run's full Lighthouse report in bench/work/lighthouse/, to see what blocks.
    const result = await measureLighthouse(base, targets, { runs, log, saveDir: args.includes("--save-lhr") ? path.join(work, "lighthouse") : undefined });
    writeFileSync(path.join(work, "lighthouse.json"), JSON.stringify(result, null, 2) + "\n");
    console.log(`\n${result.method}\n\n${lighthouseTable(result)}\n`);
    log(`wrote ${path.relative(root, path.join(work, "lighthouse.json"))}`);
  } finally {
    await bare?.stop();
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
