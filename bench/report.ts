// Renders bench/REPORT.md from the raw numbers (the same numbers go to bench/report.json).
import type { PageResult, Phase, Report } from "./run";
import type { Measurement } from "./stats";
import { LIGHTHOUSE_GOALS, lighthouseTable, scored } from "./lighthouse";

const GROWTH_GOAL = 1.2;
const INGEST_GOAL = 20_000;
const INGEST_COPY_GOAL = 0.3;
const PAYOUT_RUN_GOAL_S = 30;
const FIRST_LOAD_GOAL_KB = 150;

const n = (x: number, digits = 0) => x.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (x: number) => `${n(x, x < 10 ? 2 : 1)} ms`;
const r2 = (x: number) => `${n(x, 2)}×`;
const ok = (pass: boolean) => (pass ? "✅ met" : "❌ missed");
const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

function pageRow(p: PageResult, ceiling: Measurement): string {
  return `| ${p.title} | ${p.user} | ${ms(p.http.medianMs)} | ${ms(p.http.p95Ms)} | ${n(p.http.perSecond, 1)} | ${r2(p.http.perSecond / ceiling.perSecond)} | ${ms(p.floor.medianMs)} | ${n(p.floor.perSecond, 1)} | ${r2(p.http.medianMs / p.floor.medianMs)} | ${p.shape.statements} / ${p.shape.sequentialRoundTrips} | ${n(p.htmlKb, 1)} |`;
}

/** The denominator of "÷ bare page": the bare Next app's page, or (runs before round 8) the route handler. */
export function bareOf(phase: Phase): { m: Measurement; name: string } | undefined {
  const f = phase.frame;
  if (!f) return undefined;
  return f.barePage ? { m: f.barePage, name: "the bare Next page" } : { m: f.bare, name: "`/bench-bare` (route handler; this run had no bare Next page)" };
}

function pagesTable(phase: Phase): string {
  const c = phase.ceiling;
  const f = phase.frame;
  const lines: string[] = [];
  const b = bareOf(phase);
  if (f && b) {
    const d = b.m;
    const floorRow = (what: string, m: Measurement, note: string) => `| ${what} | ${ms(m.medianMs)} | ${ms(m.p95Ms)} | **${n(m.perSecond, 1)}** | ${r2(m.perSecond / d.perSecond)} | ${note} |`;
    lines.push(
      `The floor rows, ${f.barePage ? "measured in turn (one run of each, and again) so that they see the same machine" : "measured one after the other"}; the ratio is to ${b.name}:`,
      "",
      "| row | median | p95 | req/s | ÷ bare page | what it is |",
      "|---|---:|---:|---:|---:|---|",
      ...(f.barePage ? [floorRow("bare Next page (bench/bare-app, `/`)", f.barePage, "issue 17's denominator: a bare Next app beside ours (`next start`, same node_modules), one dynamic page that reads a header, a minimal layout, no providers")] : []),
      floorRow("`GET /bench-bare` (ceiling, for information)", f.bare, "a heading from a route handler inside our app, outside the proxy, layouts and session: no React render"),
      floorRow("`GET /api/health` (ceiling, for information)", c, "a route handler running `select 1` through the app's database client"),
      floorRow("the shell (`/creator/bench-shell`)", f.shell, "the same heading as a page inside everything a creator page pays for: the proxy, root and creator layouts, next-intl, the session"),
      ...(f.renderFloor
        ? [
            floorRow("render floor: the heading (bench/render-floor-app, `/`)", f.renderFloor.page, "Next alone again (`next start`): the bare page's heading, read inside Suspense"),
            floorRow("render floor: the shell's markup (`/frame`)", f.renderFloor.frame, "Next alone: the heading inside components/app-shell.tsx's markup with fixed words (navigation island, language and sign-out forms); no session, data, i18n or CSS"),
            floorRow("render floor: one page of the earnings list (`/table`)", f.renderFloor.table, "Next alone: the heading and 25 entries with the earnings page's markup and fixed words (two links a row, a badge, formatted money); no session, data, i18n or CSS"),
          ]
        : []),
      "",
      ...(f.renderFloor
        ? [
            `**What Next alone costs for this markup.** With no app code at all, Next renders the shell's markup at ${r2(f.renderFloor.frame.perSecond / d.perSecond)} of the bare page's throughput and one page of a 25-entry list at ${r2(f.renderFloor.table.perSecond / d.perSecond)}: a page that renders such a list (the earnings page; the staff queue, with more cells a row) cannot go faster than that here, whatever the app does, and its goal asks for 0.5×. bench/render-floor.ts measures the same markup with the server's CPU per request, and with Next 16's cacheComponents and "use cache" (bench/NOTES.md, round 10).`,
            "",
          ]
        : []),
      `Each page's median latency split into the framework (${f.barePage ? "the bare Next page" : "the route handler"}), the shell (shell − framework) and the page itself (page − shell):`,
      "",
      "| page | signed in as | req/s | ÷ bare page (goal ≥ 0.5×) | framework | shell | page | page's SQL floor |",
      "|---|---|---:|---:|---:|---:|---:|---:|",
      `| the shell alone (\`/creator/bench-shell\`) | heavy | ${n(f.shell.perSecond, 1)} | **${r2(f.shell.perSecond / d.perSecond)}** (goal ≥ 0.8×) ${ok(f.shell.perSecond / d.perSecond >= 0.8)} | ${ms(d.medianMs)} | ${ms(f.shell.medianMs - d.medianMs)} | — | — |`,
      ...phase.pages.map(
        (p) =>
          `| ${p.title} | ${p.user} | ${n(p.http.perSecond, 1)} | **${r2(p.http.perSecond / d.perSecond)}** ${ok(p.http.perSecond / d.perSecond >= 0.5)} | ${ms(d.medianMs)} | ${ms(f.shell.medianMs - d.medianMs)} | ${ms(p.http.medianMs - f.shell.medianMs)} | ${ms(p.floor.medianMs)} |`,
      ),
      "",
    );
  } else lines.push(`Ceiling (framework, same server): \`GET /api/health\` — median ${ms(c.medianMs)}, p95 ${ms(c.p95Ms)}, **${n(c.perSecond, 1)} req/s**.`, "");
  lines.push(
    "| page | signed in as | median | p95 | req/s | req/s ÷ ceiling (`/api/health`) | SQL floor median | floor /s | page ÷ floor (median) | statements / sequential round trips | HTML KB |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...phase.pages.map((p) => pageRow(p, c)),
  );
  return lines.join("\n");
}

function findPage(phase: Phase | undefined, id: string, user: string) {
  return phase?.pages.find((p) => p.id === id && p.user === user);
}

function growth(report: Report): { rows: string[]; pass: boolean | null; worst: number | null } {
  const rows: string[] = [];
  let pass: boolean | null = null;
  let worst: number | null = null;
  const full = report.phases.at(-1)!;
  const small = report.phases.length > 1 ? report.phases[0] : undefined;
  for (const g of full.growth ?? []) {
    const ratio = g.full.medianMs / g.small.medianMs;
    const floorRatio = g.fullFloor.medianMs / g.smallFloor.medianMs;
    worst = Math.max(worst ?? 0, ratio);
    pass = (pass ?? true) && ratio <= GROWTH_GOAL;
    rows.push(
      `| ${g.title} | heavy creator, ${n(small?.generated.counts.activity_events ?? 0)} → ${n(full.generated.counts.activity_events)} events in the database (alternating runs, two servers) | ${ms(g.small.medianMs)} → ${ms(g.full.medianMs)} (p95 ${ms(g.small.p95Ms)} → ${ms(g.full.p95Ms)}) | **${r2(ratio)}** ${ok(ratio <= GROWTH_GOAL)} | ${ms(g.smallFloor.medianMs)} → ${ms(g.fullFloor.medianMs)} (**${r2(floorRatio)}**) |`,
    );
  }
  for (const page of full.pages.filter((p) => p.user === "heavy")) {
    const before = findPage(small, page.id, "heavy");
    if (before)
      rows.push(
        `| ${page.title} | same, measured in each phase (minutes apart; ceiling ${ms(small!.ceiling.medianMs)} → ${ms(full.ceiling.medianMs)}) | ${ms(before.http.medianMs)} → ${ms(page.http.medianMs)} | ${r2(page.http.medianMs / before.http.medianMs)} | ${ms(before.floor.medianMs)} → ${ms(page.floor.medianMs)} (${r2(page.floor.medianMs / before.floor.medianMs)}) |`,
      );
    const light = findPage(full, page.id, "light");
    if (light)
      rows.push(
        `| ${page.title} | light → heavy creator in the same database (${n(full.generated.counts["light creator: events"])} → ${n(full.generated.counts["heavy creator: events"])} own events, ${n(full.generated.counts["light creator: ledger_entries"])} → ${n(full.generated.counts["heavy creator: ledger_entries"])} own ledger entries) | ${ms(light.http.medianMs)} → ${ms(page.http.medianMs)} | ${r2(page.http.medianMs / light.http.medianMs)} | ${ms(light.floor.medianMs)} → ${ms(page.floor.medianMs)} (${r2(page.floor.medianMs / light.floor.medianMs)}) |`,
      );
  }
  return { rows, pass, worst };
}

function explainBlock(title: string, text: string | undefined, statement?: { text: string; params: unknown[]; medianMs: number }): string {
  if (!text) return "";
  return [
    `<details><summary>${title}${statement ? ` — heaviest statement, ${ms(statement.medianMs)} alone` : ""}</summary>`,
    "",
    statement ? "```sql\n" + statement.text.trim() + "\n-- parameters: " + JSON.stringify(statement.params) + "\n```\n" : "",
    "```",
    text,
    "```",
    "</details>",
    "",
  ].join("\n");
}

const loadAt = (r: Report) => r.machine["load average at start (1, 5, 15 min)"]?.split(",")[0] ?? "?";

/** An earlier run to compare with, and what changed since. */
export type Baseline = { file: string; title: string; intro: string; report: Report };

// Each round of fixes keeps the run that came before it.
export const BASELINE_FILES: Omit<Baseline, "report">[] = [
  {
    file: "baseline.json",
    title: "Round 1: before and after fixes 1–4",
    intro: "before the first fixes (ingest join order, the challenge page loaded once, Recharts out of the first load, the latest events in index order)",
  },
  {
    file: "baseline-full.json",
    title: "Round 2: before and after fixes 5–9",
    intro: "before the second round (prepared statements, payout totals by group for the creator's summary, ingest's awards and creator lookup folded into its statement, charts out of three more first loads, the queue and audience indexes, the marketing page's estimate computed once)",
  },
  {
    file: "baseline-full-2.json",
    title: "Round 3: before and after fixes 10–11",
    intro: "before the third round (covering indexes for a creator's ledger entries and orders, loose index scans for the staff queue's choices)",
  },
  {
    file: "baseline-full-3.json",
    title: "Round 4: before and after fix 12",
    intro: "before the fourth round (ingest matches enrollments to the challenges open during the batch with one hash join; COPY's ceiling is the median of three runs)",
  },
  {
    file: "baseline-full-4.json",
    title: "Round 5: before and after fix 13",
    intro: "before the fifth round (Intl formatters built once per locale and style instead of once per amount or date; each write test starts from a checkpoint)",
  },
  {
    file: "baseline-full-5.json",
    title: "Round 6: before and after fixes 14–17",
    intro: "before the sixth round (the staff queue's chart and filters read from covering indexes, the audience estimate's rules written into its statement, one responsive table instead of every list rendered twice, only the message namespaces an area's client components use sent to the browser)",
  },
  {
    file: "baseline-full-6.json",
    title: "Round 7: before and after fixes 18–21",
    intro: "before the seventh round (the session cookie decoded once per token, parsed messages shared across requests, the creator pages' data cached by data version; that run had no bare-page or shell row), on a quiet machine where this run's machine was shared with six other sessions",
  },
];

// The first "Buffers:" line of a plan: what the statement read, whatever the machine's load.
function buffersOf(plan: string | undefined): string | null {
  const line = plan?.split("\n").find((l) => l.trim().startsWith("Buffers:"));
  return line ? line.trim().replace(/^Buffers: /, "") : null;
}

function compareBaseline(report: Report, b0: Baseline): string {
  const baseline = b0.report;
  // Compare like with like: the baseline's phase and this run's phase at the same scale.
  const pairs = baseline.phases
    .map((then) => ({ then, now: report.phases.find((p) => p.scale.name === then.scale.name) }))
    .filter((x): x is { then: Phase; now: Phase } => Boolean(x.now));
  if (pairs.length === 0) return "";
  const rows: string[] = [];
  for (const { then, now } of pairs) {
    const scale = `at ${now.scale.name} scale`;
    for (const p of now.pages) {
      const b = then.pages.find((x) => x.id === p.id && x.user === p.user);
      if (b)
        rows.push(
          `| ${p.title} (${p.user}), ${scale} | ${ms(b.http.medianMs)} → ${ms(p.http.medianMs)} | ${n(b.http.perSecond, 1)} → ${n(p.http.perSecond, 1)} (ceiling ${n(then.ceiling.perSecond, 0)} → ${n(now.ceiling.perSecond, 0)}) | ${ms(b.floor.medianMs)} → ${ms(p.floor.medianMs)} | ${b.shape.statements}/${b.shape.sequentialRoundTrips} → ${p.shape.statements}/${p.shape.sequentialRoundTrips} |`,
        );
    }
    for (const s of now.sqlFloors) {
      const b = then.sqlFloors.find((x) => x.id === s.id);
      if (b) rows.push(`| ${s.title} (SQL floor), ${scale} | ${ms(b.floor.medianMs)} → ${ms(s.floor.medianMs)} | ${n(b.floor.perSecond, 1)} → ${n(s.floor.perSecond, 1)} | — | — |`);
    }
    // A page measured before only as a modeled SQL floor: its floor then, beside its own SQL now.
    for (const p of now.pages) {
      const b = then.sqlFloors.find((x) => x.id === p.id);
      if (b) rows.push(`| ${p.title}, ${scale}: modeled SQL floor → the page's own SQL | — | ${n(b.floor.perSecond, 1)} → ${n(p.floor.perSecond, 1)} | ${ms(b.floor.medianMs)} → ${ms(p.floor.medianMs)} | ${b.shape.statements}/${b.shape.sequentialRoundTrips} → ${p.shape.statements}/${p.shape.sequentialRoundTrips} |`);
    }
    // The heaviest statement's buffers: independent of the machine's load.
    for (const p of now.pages) {
      const b = then.pages.find((x) => x.id === p.id && x.user === p.user);
      const before = buffersOf(b?.explain);
      const after = buffersOf(p.explain);
      if (b && before && after && (b.heaviest[0]?.medianMs !== undefined))
        rows.push(`| ${p.title} (${p.user}), heaviest statement alone, ${scale} | ${ms(b.heaviest[0].medianMs)} → ${ms(p.heaviest[0].medianMs)} | — | buffers ${before} → ${after} | — |`);
    }
    if (now.payoutRun && then.payoutRun) rows.push(`| Payout run, ${scale} | ${n(then.payoutRun.medianSeconds, 2)} s → ${n(now.payoutRun.medianSeconds, 2)} s | — | — | — |`);
    for (const i of now.ingest) {
      const b = then.ingest.find((x) => x.connections === i.connections);
      if (b)
        rows.push(
          `| POST /api/events, ${i.connections} connections, ${scale} | ${n(b.eventsPerSecond)} → **${n(i.eventsPerSecond)}** events/s (batch median ${ms(b.http.medianMs)} → ${ms(i.http.medianMs)}) | ${n(b.ratioToCopy, 2)} → ${n(i.ratioToCopy, 2)} of COPY | — | — |`,
        );
    }
  }
  for (const r of report.bundles.routes) {
    const b = baseline.bundles.routes.find((x) => x.route === r.route);
    if (b && Math.abs(b.gzipKb - r.gzipKb) >= 1) rows.push(`| first-load JS ${r.route} | ${n(b.gzipKb, 1)} KB → **${n(r.gzipKb, 1)} KB** gzip | — | — | — |`);
  }
  if (rows.length === 0) return "";
  return [
    `### ${b0.title}`,
    "",
    `Before: the ${baseline.mode} run of ${baseline.startedAt.slice(0, 16).replace("T", " ")} UTC (bench/${b0.file}), ${b0.intro}; after: this run, compared at the same scale (same generator, so the same data). The machine's load differed between the two runs (load average at start ${loadAt(baseline)} → ${loadAt(report)}): compare the pages' rates with the ceiling's beside them, and the buffers, which do not depend on the load.`,
    "",
    "| what | median (or rate) before → after | per second before → after | SQL floor before → after | statements / round trips in sequence |",
    "|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}

export function renderReport(report: Report, baselines: Baseline[], notes: string): string {
  const full = report.phases.at(-1)!;
  const g = growth(report);
  const bestIngest = [...full.ingest].sort((a, b) => b.eventsPerSecond - a.eventsPerSecond)[0];
  const lines: string[] = [];
  lines.push(`# Benchmark report (${report.mode} run)`);
  lines.push("");
  lines.push(
    `Generated by \`npm run bench${report.mode === "quick" ? " -- --quick" : ""}\` on ${report.startedAt.slice(0, 16).replace("T", " ")} UTC in ${n(report.totalSeconds / 60, 1)} minutes. Raw numbers: [report.json](report.json). ` +
      `How it works and how to add a page: [bench/cases.ts](cases.ts) and [bench/README.md](README.md).`,
  );
  lines.push("");
  lines.push("## Goals");
  lines.push("");
  lines.push("| goal | measured | |");
  lines.push("|---|---|---|");
  if (g.pass !== null && g.worst !== null) {
    lines.push(`| page cost does not grow with history: the heavy creator's pages at ${n(report.phases[0].generated.counts.activity_events)} vs ${n(full.generated.counts.activity_events)} events, within ${GROWTH_GOAL}× (median latency) | worst ${r2(g.worst)} | ${ok(g.pass)} |`);
  }
  const frame = full.frame;
  const bare = bareOf(full);
  if (frame && bare) {
    const d = bare.m.perSecond;
    const of = frame.barePage ? "the bare Next page's throughput" : "the route handler's throughput (no bare Next page in this run)";
    const shellRatio = frame.shell.perSecond / d;
    lines.push(`| the shell alone at ≥ 0.8× ${of} (${full.label}) | ${n(frame.shell.perSecond, 1)} ÷ ${n(d, 1)} req/s = ${r2(shellRatio)} | ${ok(shellRatio >= 0.8)} |`);
    for (const p of full.pages.filter((x) => x.user !== "light")) {
      const r = p.http.perSecond / d;
      lines.push(`| ${p.title} at ≥ 0.5× ${of} (${full.label}) | ${n(p.http.perSecond, 1)} ÷ ${n(d, 1)} req/s = ${r2(r)} | ${ok(r >= 0.5)} |`);
    }
  }
  if (full.payoutRun) {
    lines.push(`| payout run over all creators ≤ ${PAYOUT_RUN_GOAL_S} s (${full.label}) | ${n(full.payoutRun.medianSeconds, 2)} s (median of ${full.payoutRun.seconds.length}) | ${ok(full.payoutRun.medianSeconds <= PAYOUT_RUN_GOAL_S)} |`);
  }
  const heaviestJs = [...report.bundles.routes].sort((a, b) => b.gzipKb - a.gzipKb)[0];
  if (heaviestJs) {
    const over = report.bundles.routes.filter((r) => r.gzipKb > FIRST_LOAD_GOAL_KB);
    lines.push(`| first-load JS ≤ ${FIRST_LOAD_GOAL_KB} kB gzip on every route | largest ${heaviestJs.route} ${n(heaviestJs.gzipKb, 1)} kB; ${over.length} of ${report.bundles.routes.length} routes over${over.length ? ` (${over.map((r) => `${r.route} ${n(r.gzipKb, 1)}`).join(", ")})` : ""} | ${ok(over.length === 0)} |`);
  }
  const lastIngest = baselines.at(-1)?.report.phases.at(-1)?.ingest;
  if (bestIngest && lastIngest?.length && report.mode === "full") {
    const before = [...lastIngest].sort((a, b) => b.eventsPerSecond - a.eventsPerSecond)[0];
    lines.push(`| ingest stays at or above its last full-scale figure (bench/${baselines.at(-1)!.file}) | ${n(before.eventsPerSecond)} → ${n(bestIngest.eventsPerSecond)} events/s; of COPY ${n(before.ratioToCopy, 2)} → ${n(bestIngest.ratioToCopy, 2)} (the machines differ: the ratio to COPY is the comparable figure) | ${ok(bestIngest.eventsPerSecond >= before.eventsPerSecond)} events/s, ${ok(bestIngest.ratioToCopy >= before.ratioToCopy)} ratio |`);
  }
  if (bestIngest) {
    lines.push(`| ingest at least ${n(INGEST_GOAL)} events/s | ${n(bestIngest.eventsPerSecond)} events/s (${bestIngest.connections} connections) | ${ok(bestIngest.eventsPerSecond >= INGEST_GOAL)} |`);
    lines.push(`| ingest at least ${INGEST_COPY_GOAL} of COPY into the same table | ${n(bestIngest.ratioToCopy, 2)} (COPY ${n(bestIngest.copy.rowsPerSecond)} rows/s) | ${ok(bestIngest.ratioToCopy >= INGEST_COPY_GOAL)} |`);
  }
  const lh = report.phases.findLast((p) => p.lighthouse)?.lighthouse;
  const judged = lh?.pages.filter((p) => !p.reference) ?? [];
  if (lh && judged.length) {
    const measured = judged.filter(scored);
    const failed = judged.filter((p) => !scored(p));
    const worstScore = Math.min(...measured.map((p) => p.score));
    const worstTbt = Math.max(...measured.map((p) => p.tbtMs));
    const barePage = lh.pages.find((p) => p.reference && scored(p));
    lines.push(
      `| Lighthouse (mobile, median of ${lh.runsPerPage}) ≥ ${LIGHTHOUSE_GOALS.score.toFixed(2)} with Total Blocking Time ≤ ${LIGHTHOUSE_GOALS.tbtMs} ms on ${judged.map((p) => `\`${p.path}\``).join(", ")} | ${measured.length ? `lowest score ${worstScore.toFixed(2)}, highest TBT ${worstTbt} ms` : "no page scored"}${failed.length ? `; failed: ${failed.map((p) => `\`${p.path}\``).join(", ")}` : ""}${barePage ? ` (the bare Next page: ${barePage.score.toFixed(2)}, TBT ${barePage.tbtMs} ms)` : ""} | ${ok(failed.length === 0 && measured.length > 0 && worstScore >= LIGHTHOUSE_GOALS.score && worstTbt <= LIGHTHOUSE_GOALS.tbtMs)} |`,
    );
  }
  lines.push("");

  lines.push("## Machine");
  lines.push("");
  lines.push("| | |");
  lines.push("|---|---|");
  for (const [k, v] of Object.entries(report.machine)) lines.push(`| ${k} | ${v} |`);
  lines.push("");

  lines.push("## Method");
  lines.push("");
  const p = report.protocols.page;
  // Runs before round 13 did not record them: the defaults they ran with.
  const servers = report.servers ?? { app: 3210, bare: 3212, renderFloor: 3213, poolSize: 10 };
  lines.push(
    `- **Server**: the app's production server, \`node server.mjs -p ${servers.app} -H 127.0.0.1\` (what \`npm start\` runs: Next.js behind the app's thin HTTP layer), of one production build (\`npx next build\`${report.build.built ? `, built by this run in ${report.build.seconds} s` : ", current build reused"}), NODE_ENV=production, AUTH_SECRET and INGEST_SECRET set, DATABASE_URL on a fresh database \`cr_bench_<timestamp>\` migrated with the app's migrations (db/migrate.ts); the app's pool of ${servers.poolSize} connections.`,
  );
  lines.push(
    `- **Pages**: signed in through Auth.js's own endpoints (CSRF token from /api/auth/csrf, POST /api/auth/callback/credentials), each page checked to answer 200, then autocannon 8.0.0 with ${p.connections} connections: ${p.warmupSeconds} s of warm-up, then ${p.runs} runs of ${p.seconds} s. Latency median and p95 over every request of every run; requests per second the median of the runs.`,
  );
  lines.push(
    `- **Bare Next page** (the denominator of every "÷ bare page" ratio and of the ≥ 0.5× and ≥ 0.8× goals, as issue 17 defines it): a bare Next app beside ours, bench/bare-app — a minimal html/body layout with no providers and one dynamic page that reads a request header and renders a heading — built by the bench with the repository's node_modules (the same Next and React${report.build.bareApp?.built ? `; built by this run in ${report.build.bareApp.seconds} s` : ""}) and served by \`next start -p ${servers.bare}\` on the same machine while the app's pages are measured (bench/bare.ts).`,
  );
  lines.push(
    `- **Render floor**: bench/render-floor-app, a second bare Next app (same node_modules, \`next start -p ${servers.renderFloor}\`) whose pages carry the app's markup with fixed words and nothing else: \`/\` the heading, \`/frame\` the heading inside the app shell's header (components/app-shell.tsx: a navigation island of five links, the user's name, the language and sign-out forms), \`/table\` the heading and one page of the earnings list (25 entries, as app/creator/earnings/page.tsx renders them). It separates what a page's markup costs in Next from what the app's own code adds; measured in turn with the floor rows.`,
  );
  lines.push(
    "- **Ceilings, for information**: `GET /api/health` on the app's server — a dynamic route handler that runs `select 1` through the same database client — and `GET /bench-bare`, a route handler that answers a heading as HTML after reading a request header, outside the proxy (its matcher skips the path), the root layout, next-intl and the session. Neither renders React, so both cost less than any page: they bound the framework, they are not twins of a page.",
  );
  lines.push(
    "- **The shell**: `GET /creator/bench-shell` is the bare page's heading inside everything a creator page pays for: the proxy and its CSP nonce, the root layout, next-intl and the messages sent to the browser, the session decoded and the user read by the creator layout, the app shell. It and `/bench-bare` answer 404 unless the server runs with BENCH_ROUTES=1. The bare page, the two ceilings and the shell are measured in turn (one run of each, and again), so they see the same machine; the pages follow. A page's median is split into framework (the bare page), shell (shell − bare page) and page (page − shell).",
  );
  lines.push(
    "- **The creator pages' cache** (lib/dal/cache.ts) is on in the server, as in production: the creator home, challenge and earnings pages are measured as repeated views of unchanged data, so after the first request their reads come from the cache and each request sends one query for the data versions. Their SQL floor is what a view sends when the data has changed (a miss), captured with the cache off. BENCH_DAL_CACHE=off measures the server without it.",
  );
  lines.push(
    "- **Floor**: the same SQL run directly with postgres.js, with the same protocol (named prepared statements, as the app sends them) and concurrency. The statements are not copied by hand: the bench runs the page's own DAL calls (bench/cases.ts) once with a recording client and replays exactly what they sent — steps in order, the page's `Promise.all` in parallel, the signed-in user read once as React `cache` does. The difference between page and floor is Next.js, React rendering, Auth.js and HTTP.",
  );
  lines.push(
    "- **History growth**: the heavy creator (same events, enrollments, orders, ledger and payouts at every scale: the generator derives every value from a hash of the row's key) is measured in a 1/100 database and then in the full one; the ratio is the cost of the platform's history. The same page for a creator with 1/100 of the heavy creator's own history, in the full database, shows the cost of the creator's own history (informative, no goal: a longer history legitimately has more to sum).",
  );
  lines.push(
    `- **Ingest**: \`POST /api/events\`, new batches of 1,000 events (many creators per batch, events of the last 6 hours, so they reach live enrollments), each signed with lib/domain/signature.ts and the server's INGEST_SECRET; ${report.protocols.ingest.map((x) => `${x.connections} connections (${x.runs} × ${x.seconds} s)`).join(" and ")}. Ceiling: COPY of rows of the same shape into the same table (activity_events) over as many connections, as many rows as the app took in one run, three times: the median run is the ceiling. The app's runs and COPY's each start from a CHECKPOINT, so neither is charged with flushing the step before it. COPY writes only that table; an accepted batch also writes its receipts, the daily rollup, enrollment progress and any award, in one transaction.`,
  );
  lines.push(`- **Payout run**: the app's own statement (lib/dal/payouts/run.ts \`createPayoutsSql\`, run by bench/payout-run.ts) over all creators in one transaction, ${report.protocols.payoutRuns} time(s), rolled back each time so every timing sees the same ledger.`);
  lines.push("- **Memory**: VmRSS of the app server's process tree (`node server.mjs`) sampled every 200 ms, and the kernel's VmHWM (peak resident set) of each process.");
  lines.push("");

  lines.push("## Data");
  lines.push("");
  for (const phase of report.phases) {
    lines.push(`**${phase.label}** (generated in SQL with generate_series in ${n(phase.generated.seconds, 0)} s; anchor ${phase.generated.anchor}):`);
    lines.push("");
    lines.push("| table | rows |");
    lines.push("|---|---:|");
    for (const [k, v] of Object.entries(phase.generated.counts)) lines.push(`| ${k} | ${n(v)} |`);
    lines.push("");
    lines.push(`<details><summary>Generation steps</summary>\n\n| step | seconds |\n|---|---:|\n${phase.generated.steps.map((s) => `| ${s.step} | ${n(s.seconds, 1)} |`).join("\n")}\n\n</details>`);
    lines.push("");
  }
  lines.push(
    "Followers: 8 % 1k–10k, 84 % 10k–1M, 8 % 1M–20M, log-uniform in each band. Activity: per creator a count skewed by u⁴ (most creators quiet), grouped in Live sessions on a few days of the last 12 months; the heavy creator goes Live most days. Orders: skewed over 200,000 affiliate links (uniform over the year), 5 % fully refunded; commissions wait for the product's return window. Payout history: one run per completed month for 6 months (older runs 90 % paid, the last one mostly pending review). Load-time shortcuts on the generator's own sessions only: synchronous_commit=off, session_replication_role=replica (no FK checks or triggers while loading), large work_mem, the activity tables' indexes dropped during the load and rebuilt from their own definitions; VACUUM ANALYZE after loading.",
  );
  lines.push("");

  for (const phase of report.phases) {
    lines.push(`## Pages — ${phase.label} database`);
    lines.push("");
    lines.push(pagesTable(phase));
    lines.push("");
  }

  if (g.rows.length) {
    lines.push("## Does the cost grow with history?");
    lines.push("");
    lines.push("| page | comparison | page median | ratio | SQL floor median (ratio) |");
    lines.push("|---|---|---|---:|---|");
    lines.push(...g.rows);
    lines.push("");
    lines.push("The goal is judged on the alternating measurement: a second app server (`node server.mjs`) on the 1/100 database, one run on each server in turn, so both see the same machine. The per-phase rows are measured minutes apart on a shared machine and are shown for completeness.");
    lines.push("");
  }

  if (full.sqlFloors.length) {
    lines.push(`## Database floors of pages not on this branch yet (${full.label} database)`);
    lines.push("");
    lines.push("| page | what | floor median | p95 | per second | statements / sequential round trips |");
    lines.push("|---|---|---:|---:|---:|---:|");
    for (const s of full.sqlFloors) lines.push(`| ${s.title} | ${s.note} | ${ms(s.floor.medianMs)} | ${ms(s.floor.p95Ms)} | ${n(s.floor.perSecond, 1)} | ${s.shape.statements} / ${s.shape.sequentialRoundTrips} |`);
    lines.push("");
    lines.push("Each includes the signed-in user's row, as every page reads it. Once a page is merged, it becomes a page entry in bench/cases.ts and is measured like the others.");
    lines.push("");
  }

  if (full.payoutRun) {
    const pr = full.payoutRun;
    lines.push("## Payout run");
    lines.push("");
    lines.push(
      `${pr.title}: **${n(pr.medianSeconds, 2)} s** (median of ${pr.seconds.map((s) => n(s, 2)).join(", ")} s) for ${n(pr.payouts)} payouts holding ${n(pr.items)} ledger entries, out of ${n(full.generated.counts.ledger_entries)} ledger entries and ${n(full.generated.counts.payout_items)} payout items already there. ` +
        `Its limit is one sequential scan of the ledger: the floor of any run that must look at every entry.`,
    );
    lines.push("");
  }

  if (full.ingest.length) {
    lines.push("## Ingest");
    lines.push("");
    lines.push("| connections | events/s | batch median | batch p95 | errors | events accepted (receipts) | COPY rows/s (same streams, median of runs) | ÷ COPY |");
    lines.push("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const i of full.ingest)
      lines.push(`| ${i.connections} | **${n(i.eventsPerSecond)}** | ${ms(i.http.medianMs)} | ${ms(i.http.p95Ms)} | ${i.http.errors} | ${n(i.accepted)} | ${n(i.copy.rowsPerSecond)}${i.copy.runsPerSecond ? ` (${i.copy.runsPerSecond.map((r) => n(r)).join(", ")})` : ""} | ${n(i.ratioToCopy, 2)} |`);
    lines.push("");
  }

  lines.push("## First-load JavaScript per route (gzip)");
  lines.push("");
  lines.push(report.bundles.method);
  lines.push("");
  lines.push(`Shared by every route (framework and runtime): ${n(report.bundles.sharedGzipKb, 1)} KB gzip.`);
  lines.push("");
  lines.push("| route | chunks | raw KB | gzip KB |");
  lines.push("|---|---:|---:|---:|");
  for (const r of report.bundles.routes) lines.push(`| ${r.route} | ${r.chunks} | ${n(r.rawKb, 1)} | **${n(r.gzipKb, 1)}** |`);
  lines.push("");

  for (const phase of report.phases.filter((p) => p.lighthouse)) {
    const lh = phase.lighthouse!;
    lines.push(`## Lighthouse (${phase.label} database): performance ≥ ${LIGHTHOUSE_GOALS.score.toFixed(2)}, Total Blocking Time ≤ ${LIGHTHOUSE_GOALS.tbtMs} ms`);
    lines.push("");
    lines.push(lh.method);
    lines.push("");
    lines.push(lighthouseTable(lh));
    lines.push("");
  }

  lines.push("## Server memory");
  lines.push("");
  lines.push("| phase | peak RSS of the app server's process tree | VmHWM (largest process) |");
  lines.push("|---|---:|---:|");
  for (const phase of report.phases) lines.push(`| ${phase.label} | ${n(phase.memory.peakRssMb)} MB | ${n(phase.memory.hwmMb)} MB |`);
  lines.push("");

  const comparisons = baselines.map((b) => compareBaseline(report, b)).filter(Boolean);
  if (comparisons.length) {
    lines.push("## Before and after the fixes");
    lines.push("");
    lines.push(...comparisons.reverse());
  }
  if (notes.trim()) {
    lines.push(notes.trim());
    lines.push("");
  }

  lines.push(`## EXPLAIN (ANALYZE, BUFFERS) of each page's heaviest query (${full.label} database)`);
  lines.push("");
  lines.push("The heaviest statement is found by running each of the page's statements alone five times.");
  lines.push("");
  for (const page of full.pages) if (page.explain) lines.push(explainBlock(`${page.title}, ${page.user}`, page.explain, page.heaviest[0]));
  for (const s of full.sqlFloors) lines.push(explainBlock(s.title, s.explain, s.heaviest[0]));
  if (full.payoutRun) lines.push(explainBlock("Payout run (the statement that picks and attaches the entries)", full.payoutRun.explain));
  lines.push("");
  lines.push("<details><summary>Every page's statements, slowest first (median of 5 runs alone)</summary>");
  lines.push("");
  for (const page of full.pages) {
    lines.push(`**${page.title}, ${page.user}**`);
    lines.push("");
    for (const h of page.heaviest) lines.push(`- ${ms(h.medianMs)} — \`${oneLine(h.text).slice(0, 160)}…\``);
    lines.push("");
  }
  lines.push("</details>");
  lines.push("");
  return lines.join("\n");
}
