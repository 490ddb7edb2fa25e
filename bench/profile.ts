// `npx tsx bench/profile.ts <database url> <path>[,<path>…] [seconds]`: CPU profiles of the
// production server (server.mjs under `node --cpu-prof`) while autocannon loads one page, signed
// in as the heavy creator (4 connections, 3 s of warm-up first), one server per page. Prints the
// top self-time frames of each and leaves the .cpuprofile files in bench/work/profiles/ (open
// them in Chrome's DevTools). Needs a build (`npx next build`) and a bench database (`--keep`).
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { signIn } from "./http";
import { BENCH_PASSWORD, HEAVY } from "./scale";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const OUT = path.join(ROOT, "bench", "work", "profiles");
const PORT = Number(process.env.BENCH_PORT ?? 3210) + 5;

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; endTime: number };

/**
 * Self time by frame (function, file, line), in ms, top `n`, with the share of all samples, over
 * the profile's last `windowSeconds` (the measured run: not the start-up and warm-up before it).
 */
export function topFrames(profile: Profile, windowSeconds: number, n = 15): { frame: string; ms: number; share: number }[] {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  let total = 0;
  const stamps: number[] = [];
  let t = profile.endTime - profile.timeDeltas.reduce((a, b) => a + b, 0);
  for (const d of profile.timeDeltas) stamps.push((t += d));
  const from = profile.endTime - windowSeconds * 1e6;
  profile.samples.forEach((id, i) => {
    if (stamps[i] < from) return;
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const f = byId.get(id)!.callFrame;
    const file = f.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\.next\//, ".next/").replace(/^file:\/\//, "");
    const key = `${f.functionName || "(anonymous)"} ${file ? `${file}:${f.lineNumber + 1}` : ""}`.trim();
    self.set(key, (self.get(key) ?? 0) + dt);
  });
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
  const cookie = await signIn(base, HEAVY.email, BENCH_PASSWORD);
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
}

const [databaseUrl, pages, seconds = "10", label = "profile"] = process.argv.slice(2);
if (!databaseUrl || !pages) {
  console.error("usage: npx tsx bench/profile.ts <database url> <path>[,<path>…] [seconds] [label]");
  process.exit(2);
}
mkdirSync(OUT, { recursive: true });
for (const page of pages.split(",")) await profilePage(databaseUrl, page, Number(seconds), label);
