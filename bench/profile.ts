// `npx tsx bench/profile.ts <database url> <path>[,<path>…] [seconds]`: CPU profiles of the
// production server (server.mjs under `node --cpu-prof`) while autocannon loads one page, signed
// in as the page's area asks (`/staff/…` as bench staff, `/marketing/…` as bench marketing, any
// other as the heavy creator; 4 connections, 3 s of warm-up first), one server per page. Prints
// the top self-time frames of each, then the top inclusive-time frames of the app's own code
// (a frame's time with all it calls, each frame counted once per sample), and leaves the
// .cpuprofile files in bench/work/profiles/ (open them in Chrome's DevTools). Needs a build
// (`npx next build`) and a bench database (`--keep`).
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { signIn } from "./http";
import { BENCH_PASSWORD, HEAVY, MARKETING_EMAIL, STAFF_EMAIL } from "./scale";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const OUT = path.join(ROOT, "bench", "work", "profiles");
const PORT = Number(process.env.BENCH_PORT ?? 3210) + 5;

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };

/** Who a page is measured as: its area's bench user. */
function emailFor(page: string): string {
  if (page.startsWith("/staff")) return STAFF_EMAIL;
  if (page.startsWith("/marketing")) return MARKETING_EMAIL;
  return HEAVY.email;
}

function frameKey(f: Node["callFrame"]): string {
  const file = f.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\.next\//, ".next/").replace(/^file:\/\//, "");
  return `${f.functionName || "(anonymous)"} ${file ? `${file}:${f.lineNumber + 1}` : ""}`.trim();
}

/** The sample indexes inside the profile's last `windowSeconds`, with each one's duration in ms. */
function windowSamples(profile: Profile, windowSeconds: number): { id: number; ms: number }[] {
  const out: { id: number; ms: number }[] = [];
  let t = profile.endTime - profile.timeDeltas.reduce((a, b) => a + b, 0);
  const from = profile.endTime - windowSeconds * 1e6;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    if (t >= from) out.push({ id, ms: (profile.timeDeltas[i] ?? 0) / 1000 });
  });
  return out;
}

/**
 * Inclusive time by frame over the window: each sample is charged once to every distinct frame
 * on its stack. `keep` picks the frames shown (e.g. the app's own chunks, not React's runtime).
 */
export function inclusiveFrames(profile: Profile, windowSeconds: number, keep: (frame: string) => boolean, n = 15): { frame: string; ms: number; share: number }[] {
  const parent = new Map<number, number>();
  for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const total = new Map<string, number>();
  let all = 0;
  for (const s of windowSamples(profile, windowSeconds)) {
    all += s.ms;
    const seen = new Set<string>();
    for (let id: number | undefined = s.id; id !== undefined; id = parent.get(id)) {
      const key = frameKey(byId.get(id)!.callFrame);
      if (seen.has(key) || !keep(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + s.ms);
    }
  }
  return [...total.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([frame, ms]) => ({ frame, ms: Math.round(ms), share: Math.round((ms / all) * 1000) / 10 }));
}

type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; endTime: number };

/**
 * Self time by frame (function, file, line), in ms, top `n`, with the share of all samples, over
 * the profile's last `windowSeconds` (the measured run: not the start-up and warm-up before it).
 */
export function topFrames(profile: Profile, windowSeconds: number, n = 15): { frame: string; ms: number; share: number }[] {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  let total = 0;
  for (const s of windowSamples(profile, windowSeconds)) {
    total += s.ms;
    const key = frameKey(byId.get(s.id)!.callFrame);
    self.set(key, (self.get(key) ?? 0) + s.ms);
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([frame, ms]) => ({ frame, ms: Math.round(ms), share: Math.round((ms / total) * 1000) / 10 }));
}

async function profilePage(databaseUrl: string, page: string, seconds: number, label: string): Promise<void> {
  const dir = path.join(OUT, `tmp-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const child = spawn(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${dir}`, "server.mjs", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", AUTH_SECRET: "bench-auth-secret-0123456789abcdef0123456789abcdef", INGEST_SECRET: "bench-ingest-secret", NEXT_TELEMETRY_DISABLED: "1", HIDE_DEMO_ACCOUNTS: "1", BENCH_ROUTES: "1", SEED_ON_START: "0" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${PORT}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    if (i > 300) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 300));
  }
  const cookie = await signIn(base, emailFor(page), BENCH_PASSWORD);
  const run = (duration: number) => autocannon({ url: `${base}${page}`, connections: 4, duration, headers: page.startsWith("/login") ? {} : { cookie } });
  await run(3);
  const result = await run(seconds);
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error("no profile written");
  const target = path.join(OUT, `${label}-${page.replace(/\W+/g, "_").replace(/^_|_$/g, "") || "root"}.cpuprofile`);
  renameSync(path.join(dir, file), target);
  rmSync(dir, { recursive: true, force: true });
  const profile = JSON.parse(readFileSync(target, "utf8")) as Profile;
  console.log(`\n### ${page} (${label}): ${result.requests.average} req/s average over ${seconds} s, median ${result.latency.p50} ms (${path.relative(ROOT, target)})\n`);
  console.log("| self ms | share | frame |\n|---:|---:|---|");
  for (const f of topFrames(profile, seconds)) console.log(`| ${f.ms} | ${f.share} % | \`${f.frame}\` |`);
  // The app's own code (its server chunks, not the framework's runtime or node_modules' chunks).
  const own = (frame: string) => frame.includes(".next/server/") && !frame.includes("node_modules_") && !frame.includes("[turbopack]_runtime");
  console.log("\n| inclusive ms | share | app frame |\n|---:|---:|---|");
  for (const f of inclusiveFrames(profile, seconds, own)) console.log(`| ${f.ms} | ${f.share} % | \`${f.frame}\` |`);
}

const [databaseUrl, pages, seconds = "10", label = "profile"] = process.argv.slice(2);
if (!databaseUrl || !pages) {
  console.error("usage: npx tsx bench/profile.ts <database url> <path>[,<path>…] [seconds] [label]");
  process.exit(2);
}
mkdirSync(OUT, { recursive: true });
for (const page of pages.split(",")) await profilePage(databaseUrl, page, Number(seconds), label);
