// `npm run simulate`: sends realistic, signed activity (and optionally orders) to a running app so
// the demo moves while you watch. Every second it posts one batch to /api/events.
//
//   npm run simulate -- --rate 20 --duration 120 [--url http://localhost:3000] [--handles demo.creator,other]
//                       [--codes abc123,def456] [--replay 0.1]
//
// --rate      events per second (default 10)        --duration  seconds to run (default 60)
// --handles   creators to simulate (default demo.creator, the demo sign-in)
// --codes     affiliate codes: also send a paid order now and then through one of them
// --replay    share of batches sent twice, to show that each event id counts once (default 0.05)
// The HMAC secret is INGEST_SECRET, or the development default.
import { randomUUID } from "node:crypto";
import { sign } from "../lib/domain/signature";
import { ingestSecret } from "../lib/env";

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const url = flag("url", process.env.APP_URL ?? "http://localhost:3000").replace(/\/$/, "");
const rate = Math.max(1, Number(flag("rate", "10")));
const duration = Math.max(1, Number(flag("duration", "60")));
const handles = flag("handles", "demo.creator").split(",").filter(Boolean);
const codes = flag("codes", "").split(",").filter(Boolean);
const replayShare = Number(flag("replay", "0.05"));

// What a minute of a Live looks like, roughly: stars in bursts, minutes, the odd guest.
function randomEvent(handle: string) {
  const roll = Math.random();
  const [metric, amount] =
    roll < 0.45 ? ["stars_received", 5 + Math.floor(Math.random() * 120)]
    : roll < 0.8 ? ["minutes_streamed", 1 + Math.floor(Math.random() * 15)]
    : roll < 0.9 ? ["badges_sold", 1 + Math.floor(Math.random() * 6)]
    : roll < 0.97 ? ["live_sessions", 1]
    : ["live_with_guest", 1];
  return { id: `evt_sim_${randomUUID()}`, creator: handle, metric, amount, occurredAt: new Date().toISOString() };
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
console.log(`Simulating ${rate} events/s for ${duration}s on ${url} for ${handles.join(", ")}…`);
for (let second = 0; second < duration; second++) {
  const started = Date.now();
  const events = Array.from({ length: rate }, () => randomEvent(handles[Math.floor(Math.random() * handles.length)]));
  try {
    const { status, result } = await post("/api/events", { events });
    sent += events.length;
    if (status !== 200) console.error(`  /api/events answered ${status}: ${JSON.stringify(result)}`);
    accepted += Number(result.accepted ?? 0);
    duplicates += Number(result.duplicates ?? 0);
    if (Math.random() < replayShare) {
      const replay = await post("/api/events", { events });
      duplicates += Number(replay.result.duplicates ?? 0);
    }
    if (codes.length && Math.random() < 0.2) {
      const amount = 1500 + Math.floor(Math.random() * 8000);
      const order = { id: `ord_sim_${randomUUID()}`, type: "paid", affiliateCode: codes[Math.floor(Math.random() * codes.length)], amount, currency: "EUR", occurredAt: new Date().toISOString() };
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
console.log("Done.");
