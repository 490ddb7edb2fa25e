// `npm run simulate`: sends realistic, signed activity (and optionally orders) to a running app so
// the demo moves while you watch. Every second it posts one batch to /api/events.
//
//   npm run simulate -- [--duration 600] [--url http://localhost:3000] [--handles demo.creator,other]
//                       [--codes abc123,def456] [--replay 0.05] [--seed 42] [--fast [--rate 10]]
//
// By default the pace is a believable Live (scripts/simulate-pace.ts): a few hundred Stars a
// minute, a few badges and minutes, a new session now and then, so progress bars creep over a few
// minutes instead of jumping.
// --fast      the firehose instead: --rate random events per second (default 10), thousands of Stars a minute
// --duration  seconds to run (default 600, or 60 with --fast)
// --handles   creators to simulate (default demo.creator, the demo sign-in)
// --codes     affiliate codes: also send a paid order now and then through one of them
// --replay    share of batches sent twice, to show that each event id counts once (default 0.05)
// --seed      replay the same run (a seeded random generator)
// The HMAC secret is INGEST_SECRET, or the development default.
import { randomUUID } from "node:crypto";
import { sign } from "../lib/domain/signature";
import { ingestSecret } from "../lib/env";
import { fastTick, pacedTick, seededRng } from "./simulate-pace";

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const fast = process.argv.includes("--fast");
const url = flag("url", process.env.APP_URL ?? "http://localhost:3000").replace(/\/$/, "");
const rate = Math.max(1, Number(flag("rate", "10")));
const duration = Math.max(1, Number(flag("duration", fast ? "60" : "600")));
const handles = flag("handles", "demo.creator").split(",").filter(Boolean);
const codes = flag("codes", "").split(",").filter(Boolean);
const replayShare = Number(flag("replay", "0.05"));
const seed = flag("seed", "");
const random = seed ? seededRng(Number(seed)) : Math.random;

function tick() {
  const now = new Date().toISOString();
  const events = fast
    ? fastTick(random, rate).map((e) => ({ ...e, creator: handles[Math.floor(random() * handles.length)] }))
    : handles.flatMap((creator) => pacedTick(random).map((e) => ({ ...e, creator })));
  return events.map((e) => ({ id: `evt_sim_${randomUUID()}`, creator: e.creator, metric: e.metric, amount: e.amount, occurredAt: now }));
}

async function post(path: string, payload: unknown) {
  const body = JSON.stringify(payload);
  const response = await fetch(`${url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-signature": sign(body, ingestSecret()) },
    body,
  });
  return { status: response.status, result: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}

let sent = 0;
let accepted = 0;
let duplicates = 0;
const totals: Record<string, number> = {};
console.log(`Simulating ${fast ? `${rate} events/s (fast)` : "a believable Live"} for ${duration}s on ${url} for ${handles.join(", ")}…`);
for (let second = 0; second < duration; second++) {
  const started = Date.now();
  const events = tick();
  try {
    const { status, result } = events.length ? await post("/api/events", { events }) : { status: 200, result: { accepted: 0 } as Record<string, unknown> };
    sent += events.length;
    if (status === 200) for (const e of events) totals[e.metric] = (totals[e.metric] ?? 0) + e.amount;
    if (status !== 200) console.error(`  /api/events answered ${status}: ${JSON.stringify(result)}`);
    accepted += Number(result.accepted ?? 0);
    duplicates += Number(result.duplicates ?? 0);
    if (events.length && random() < replayShare) {
      const replay = await post("/api/events", { events });
      duplicates += Number(replay.result.duplicates ?? 0);
    }
    if (codes.length && random() < (fast ? 0.2 : 0.03)) {
      const amount = 1500 + Math.floor(random() * 8000);
      const order = { id: `ord_sim_${randomUUID()}`, type: "paid", affiliateCode: codes[Math.floor(random() * codes.length)], amount, currency: "EUR", occurredAt: new Date().toISOString() };
      const { status: s, result: r } = await post("/api/orders", { orders: [order] });
      if (s !== 200) console.error(`  /api/orders answered ${s}: ${JSON.stringify(r)}`);
    }
  } catch (error) {
    console.error(`  could not reach ${url}: ${(error as Error).message}`);
  }
  if ((second + 1) % 10 === 0 || second === duration - 1) {
    console.log(`  ${second + 1}s: sent ${sent}, accepted ${accepted}, duplicates ${duplicates}`);
  }
  await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - started))));
}
// What was accepted, per metric: enough to check a progress bar against.
console.log(`Totals: ${JSON.stringify(totals)}`);
console.log("Done.");
