// POST /api/events with signed batches of 1,000, against COPY of the same rows into the same
// table: what the app sustains beside what PostgreSQL can take on this machine.
import { randomBytes } from "node:crypto";
import type postgres from "postgres";
import { sign } from "../lib/domain/signature";
import { measureHttp, type Protocol } from "./http";
import type { Measurement } from "./stats";
import { median, round } from "./stats";

type Sql = postgres.Sql;

const METRICS = ["stars_received", "minutes_streamed", "badges_sold", "live_sessions", "live_with_guest"] as const;
export const BATCH = 1000;
const COPY_RUNS = 3;

/** Realistic traffic: many creators per batch, events of the last six hours (inside live challenges). */
export class EventSource {
  private seq = 0;
  private readonly tag = randomBytes(4).toString("hex");
  constructor(private readonly creators: number) {}

  event() {
    const n = this.seq++;
    const r = Math.random();
    const metric = r < 0.45 ? METRICS[0] : r < 0.8 ? METRICS[1] : r < 0.9 ? METRICS[2] : r < 0.97 ? METRICS[3] : METRICS[4];
    const amount = metric === "stars_received" ? 5 + Math.floor(Math.random() * 195) : metric === "minutes_streamed" ? 1 + Math.floor(Math.random() * 59) : 1;
    // Creators 3..N are the generated ones; a skew towards the lower ids, as real activity is.
    const creatorId = 3 + Math.floor(Math.random() ** 2 * (this.creators - 2));
    const occurredAt = new Date(Date.now() - Math.floor(Math.random() * 6 * 3600_000));
    return { id: `ing.${this.tag}.${n}`, creatorId, metric, amount, occurredAt };
  }
}

/** The next request of the load: a new batch of BATCH events from `source`, signed as the platform signs. */
export function signedBatch(source: EventSource, secret: string) {
  const events = Array.from({ length: BATCH }, () => {
    const e = source.event();
    return { id: e.id, creator: `bench.c${e.creatorId}`, metric: e.metric, amount: e.amount, occurredAt: e.occurredAt.toISOString() };
  });
  const body = JSON.stringify({ events });
  return { method: "POST", path: "/api/events", headers: { "content-type": "application/json", "x-signature": sign(body, secret) }, body };
}

export type IngestResult = {
  connections: number;
  http: Measurement;
  eventsPerSecond: number;
  accepted: number;
  /** rowsPerSecond is the median of COPY_RUNS runs (runsPerSecond): one run lasts a second or two and swings with checkpoints. */
  copy: { streams: number; rows: number; seconds: number; rowsPerSecond: number; runsPerSecond?: number[] };
  ratioToCopy: number;
};

export async function measureIngest(
  base: string,
  secret: string,
  sql: Sql,
  creators: number,
  protocol: Protocol,
): Promise<IngestResult> {
  const source = new EventSource(creators);
  const http = await measureHttp(`${base}/api/events`, protocol, { setup: () => signedBatch(source, secret) });
  const eventsPerSecond = round(http.perSecond * BATCH, 0);
  // Every batch sent is new: the receipts prove each one was accepted, not answered as a duplicate.
  const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from activity_event_receipts where id like ${"ing.%"}`;

  // The ceiling: as many rows as the app took in one run, by COPY, over as many connections,
  // COPY_RUNS times (the median is the ceiling, as the app's figure is a median of runs too).
  const rows = Math.max(20_000, Math.round((eventsPerSecond * protocol.seconds) / 1000) * 1000);
  const copySource = new EventSource(creators);
  const copies = [];
  await sql`checkpoint`; // as before the app's runs: the ingest's own writes are flushed first
  for (let i = 0; i < COPY_RUNS; i++) copies.push(await copyRows(sql, copySource, rows, protocol.connections));
  const runsPerSecond = copies.map((c) => c.rowsPerSecond);
  const middle = copies.find((c) => c.rowsPerSecond === median(runsPerSecond)) ?? copies[0];
  const copy = { ...middle, runsPerSecond };
  return {
    connections: protocol.connections,
    http,
    eventsPerSecond,
    accepted: Number(n),
    copy,
    ratioToCopy: round(eventsPerSecond / copy.rowsPerSecond, 3),
  };
}

async function copyRows(sql: Sql, source: EventSource, rows: number, streams: number) {
  const per = Math.ceil(rows / streams);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: streams }, async () => {
      await sql.begin(async (tx) => {
        const writable = await tx`copy activity_events (id, creator_id, metric, amount, occurred_at) from stdin`.writable();
        await new Promise<void>((resolve, reject) => {
          writable.on("error", reject);
          writable.on("finish", resolve);
          let i = 0;
          const pump = () => {
            while (i < per) {
              let chunk = "";
              for (let j = 0; j < BATCH && i < per; j++, i++) {
                const e = source.event();
                chunk += `copy.${e.id}\t${e.creatorId}\t${e.metric}\t${e.amount}\t${e.occurredAt.toISOString()}\n`;
              }
              if (!writable.write(chunk)) {
                writable.once("drain", pump);
                return;
              }
            }
            writable.end();
          };
          pump();
        });
      });
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { streams, rows: per * streams, seconds: round(seconds), rowsPerSecond: round((per * streams) / seconds, 0) };
}
