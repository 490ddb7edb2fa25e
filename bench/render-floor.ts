// `npx tsx bench/render-floor.ts [rounds] [seconds]`: what a page's markup costs in Next.js itself.
//
// Issue 17 asks every measured page for ≥ 0.5× the bare Next page's throughput and the shell for
// ≥ 0.8×. This measures how far Next goes with no app at all: bench/render-floor-app is a bare
// app (no data, session, i18n, CSS or providers) whose pages carry the app's markup with fixed
// words: `/` the heading alone (its own bare page), `/frame` the heading inside the app shell's
// header, `/table` the heading and one page of the earnings list (25 entries). It is built twice
// (bench/bare.ts's prepareNextApp): as is, and with Next 16's cacheComponents, where
// `/table-cached` renders the same list from "use cache". Both are served by `next start` and
// measured in turn (one run of each page, then again; 4 connections), with the server's CPU time
// per request from /proc beside the throughput: the CPU figure moves far less than req/s on a
// shared machine. Prints a table and writes it to bench/work/render-floor.md.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { prepareNextApp } from "./bare";
import { cannonOnce, cpuMs, startServer, type Server } from "./http";
import { median } from "./stats";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const [rounds = 5, seconds = 5] = process.argv.slice(2).map(Number);
const CONNECTIONS = 4;
const PORT = Number(process.env.BENCH_PORT ?? 3210) + 20;

const log = (line: string) => console.log(line);

type Variant = { name: string; work: string; env: Record<string, string>; overlay?: string; pages: { path: string; what: string }[] };
const VARIANTS: Variant[] = [
  {
    name: "Next as is",
    work: "render-floor",
    env: {},
    pages: [
      { path: "/", what: "the heading alone (this app's bare page)" },
      { path: "/frame", what: "the heading in the app shell's header (navigation island, two forms)" },
      { path: "/table", what: "the heading and one page of the earnings list (25 entries)" },
    ],
  },
  {
    name: "cacheComponents",
    work: "render-floor-cache",
    env: { RENDER_FLOOR_CACHE: "1" },
    overlay: "cache-only",
    pages: [
      { path: "/", what: "the heading alone, partial prerendering" },
      { path: "/table", what: "the list rendered on every request, partial prerendering" },
      { path: "/table-cached", what: 'the list from "use cache" (rendered once, then replayed)' },
    ],
  },
];

type Sample = { rps: number; cpuPerRequest: number; errors: number };

async function main() {
  const servers: { variant: Variant; server: Server }[] = [];
  try {
    for (const [i, variant] of VARIANTS.entries()) {
      const app = prepareNextApp(ROOT, { source: "render-floor-app", work: variant.work, overlay: variant.overlay, skip: ["cache-only"], env: variant.env, log });
      const server = await startServer({ root: app.dir, port: PORT + i, env: { ...variant.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }, logFile: path.join(app.dir, "server.log"), kind: "bare" });
      servers.push({ variant, server });
    }
    const sides = servers.flatMap(({ variant, server }) => variant.pages.map((page) => ({ variant, page, server, samples: [] as Sample[] })));
    const once = async (side: (typeof sides)[number], secs: number) => {
      const before = cpuMs(side.server.pid);
      const r = await cannonOnce(`${side.server.base}${side.page.path}`, CONNECTIONS, secs, {});
      const requests = r.latencies.length;
      return { rps: r.perSecond, cpuPerRequest: requests ? (cpuMs(side.server.pid) - before) / requests : NaN, errors: r.errors };
    };
    for (const side of sides) await once(side, 2); // warm-up
    for (let round = 1; round <= rounds; round++) {
      for (const side of sides) side.samples.push(await once(side, seconds));
      log(`round ${round}/${rounds}: ${sides.map((s) => `${s.variant.work}${s.page.path} ${s.samples.at(-1)!.rps.toFixed(0)} req/s`).join(", ")}`);
    }
    const base = sides[0];
    const baseRps = median(base.samples.map((s) => s.rps));
    const baseCpu = median(base.samples.map((s) => s.cpuPerRequest));
    const lines = [
      `Render floor (bench/render-floor.ts), ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC: ${rounds} rounds of ${seconds} s, ${CONNECTIONS} connections, medians; ratios to the first row.`,
      "",
      "| build | page | what it renders | req/s | ÷ bare | server CPU ms per request | × bare | errors |",
      "|---|---|---|---:|---:|---:|---:|---:|",
      ...sides.map((s) => {
        const rps = median(s.samples.map((x) => x.rps));
        const cpu = median(s.samples.map((x) => x.cpuPerRequest));
        const errors = s.samples.reduce((n, x) => n + x.errors, 0);
        return `| ${s.variant.name} | \`${s.page.path}\` | ${s.page.what} | ${rps.toFixed(1)} | ${(rps / baseRps).toFixed(2)}× | ${cpu.toFixed(2)} | ${(cpu / baseCpu).toFixed(2)}× | ${errors} |`;
      }),
    ];
    const out = path.join(ROOT, "bench", "work", "render-floor.md");
    writeFileSync(out, `${lines.join("\n")}\n`);
    log(`\n${lines.join("\n")}\n\nwritten to ${path.relative(ROOT, out)}`);
  } finally {
    for (const { server } of servers) await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
