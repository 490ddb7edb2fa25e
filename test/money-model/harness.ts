// The model-based property test's machinery: generated logs (fast-check), a world written
// through the real database, each log delivered through the signed route handlers in random
// batches, random order and several clients at once, then the ledger read back and compared with
// the reference model (model.ts), cent for cent.
import fc from "fast-check";
import { eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { POST as postEventsRoute } from "@/app/api/events/route";
import { POST as postOrdersRoute } from "@/app/api/orders/route";
import { getDb, rows } from "@/db";
import { enrollments, exchangeRates } from "@/db/schema";
import { createChallenge, createCreator, enrollDirectly } from "@/test/factories";
import { expectLedgerInvariant } from "@/test/ledger-invariant";
import { createAffiliateLink, createShopProduct } from "@/test/shop";
import { postSigned } from "@/test/signed-request";
import { contestedChallenges, runModel, type ModelLog, type ModelResult, type ModelWorld } from "./model";
import { readLedgerView } from "./db";
import { modelView, type LedgerView } from "./view";

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Every generated time is inside [T0, T0 + 60 days), well in the past, whole UTC days apart. */
export const T0 = Math.floor(Date.now() / DAY) * DAY - 120 * DAY;
const SPAN = 60 * DAY;

const CREATOR_CURRENCIES = ["EUR", "BRL", "SEK", "USD", "GBP"] as const; // no GBP rates: stays in its own currency
const CHALLENGE_CURRENCIES = ["EUR", "USD"] as const;
const ORDER_CURRENCIES = ["EUR", "USD", "BRL", "GBP"] as const;
const METRICS = ["stars_received", "minutes_streamed", "live_sessions"] as const;
const EVENT_METRICS = [...METRICS, "badges_sold"] as const; // badges_sold: counted by no milestone
const RATE_PAIRS: [string, string, number][] = [
  ["EUR", "BRL", 6_123_456],
  ["EUR", "SEK", 11_234_567],
  ["EUR", "USD", 1_081_234],
  ["USD", "EUR", 924_567],
  ["USD", "BRL", 5_512_345],
  ["USD", "SEK", 10_456_789],
  ["BRL", "EUR", 163_457],
];

/** The rates of the test's days: one a day, some days missing (the day before's rate applies). */
export async function insertRates(): Promise<ModelWorld["rates"]> {
  const db = await getDb();
  const values = [];
  for (let d = -3; d < 62; d++) {
    if (d % 4 === 1) continue;
    const day = new Date(T0 + d * DAY).toISOString().slice(0, 10);
    for (const [base, quote, around] of RATE_PAIRS) {
      values.push({ day, base, quote, rateMicros: around + ((d * 7_919 + around) % 97_003) - 48_501 });
    }
  }
  await db.insert(exchangeRates).values(values).onConflictDoNothing();
  const stored = await rows<{ day: string; base: string; quote: string; rate: number }>(
    db,
    sql`select day::text as day, base::text as base, quote::text as quote, rate_micros::float8 as rate from exchange_rates`,
  );
  return stored.map((r) => ({ day: r.day, base: r.base, quote: r.quote, rateMicros: Number(r.rate) }));
}

// ---------- the generated scenario ----------

type GenMilestone = { metric: number; threshold: number; reward: number };
type GenChallenge = { currency: number; startMs: number; lengthMs: number; budget: "none" | "ample" | "tiny" | "tight"; tightPct: number; milestones: GenMilestone[] };
type GenEnrollment = { challenge: number; creator: number; enrollMs: number; withdrawMs: number | null };
type GenTime = { anchor: number | null; nudge: number; freeMs: number };
type GenEvent = { creator: number; metric: number; amount: number; at: GenTime; late: boolean; replays: number; mutated: boolean };
type GenRefunds = { mode: "none" | "partial" | "full"; pct: number; weights: number[]; delays: number[]; over: boolean; mutated: boolean };
type GenOrder = { creator: number; product: number; amount: number; currency: number; atMs: number; replays: number; mutated: boolean; refunds: GenRefunds };
export type Scenario = {
  creators: number[];
  challenges: GenChallenge[];
  enrollments: GenEnrollment[];
  products: { bps: number; windowDays: number }[];
  events: GenEvent[];
  orders: GenOrder[];
};

const genTime: fc.Arbitrary<GenTime> = fc.record({
  anchor: fc.option(fc.nat(), { freq: 3 }),
  nudge: fc.constantFrom(-1, 0, 0, 1),
  freeMs: fc.integer({ min: -DAY, max: 35 * DAY }),
});

export const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    creators: fc.array(fc.nat(CREATOR_CURRENCIES.length - 1), { minLength: 1, maxLength: 3, size: "max" }),
    challenges: fc.array(
      fc.record({
        currency: fc.nat(CHALLENGE_CURRENCIES.length - 1),
        startMs: fc.integer({ min: 0, max: 20 * DAY }),
        lengthMs: fc.integer({ min: HOUR, max: 40 * DAY }),
        budget: fc.constantFrom("none", "ample", "tiny", "tight"),
        tightPct: fc.integer({ min: 10, max: 90 }),
        milestones: fc.array(
          fc.record({ metric: fc.nat(METRICS.length - 1), threshold: fc.integer({ min: 1, max: 250 }), reward: fc.integer({ min: 100, max: 20_000 }) }),
          { minLength: 1, maxLength: 3, size: "max" },
        ),
      }),
      { minLength: 1, maxLength: 3, size: "max" },
    ),
    enrollments: fc.array(
      fc.record({
        challenge: fc.nat(),
        creator: fc.nat(),
        enrollMs: fc.integer({ min: -2 * DAY, max: 10 * DAY }),
        withdrawMs: fc.option(fc.integer({ min: 1, max: 30 * DAY }), { freq: 4 }),
      }),
      { minLength: 1, maxLength: 8, size: "max" },
    ),
    products: fc.array(fc.record({ bps: fc.integer({ min: 0, max: 3000 }), windowDays: fc.constantFrom(7, 30, 365) }), { minLength: 1, maxLength: 2, size: "max" }),
    events: fc.array(
      fc.record({
        creator: fc.nat(),
        metric: fc.oneof(fc.nat(METRICS.length - 1), fc.constant(0), fc.nat(EVENT_METRICS.length - 1)),
        amount: fc.integer({ min: 0, max: 200 }),
        at: genTime,
        late: fc.boolean(),
        replays: fc.nat(2),
        mutated: fc.boolean(),
      }),
      { maxLength: 40, size: "max" },
    ),
    orders: fc.array(
      fc.record({
        creator: fc.nat(),
        product: fc.nat(),
        amount: fc.integer({ min: 1, max: 60_000 }),
        currency: fc.nat(ORDER_CURRENCIES.length - 1),
        atMs: fc.integer({ min: 0, max: SPAN }),
        replays: fc.nat(1),
        mutated: fc.boolean(),
        refunds: fc.record({
          mode: fc.constantFrom("none", "partial", "full", "full"),
          pct: fc.integer({ min: 1, max: 99 }),
          weights: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 4, size: "max" }),
          delays: fc.array(fc.integer({ min: 0, max: 50 * DAY }), { minLength: 4, maxLength: 4, size: "max" }),
          over: fc.boolean(),
          mutated: fc.boolean(),
        }),
      }),
      { maxLength: 8, size: "max" },
    ),
  });

/** The scenario as the model's world and log (keys, not database ids), and how it is sent. */
export type Plan = {
  world: ModelWorld;
  log: ModelLog;
  /** sent first, in any order: the log's items and exact replays */
  first: Item[];
  /** sent once the first part is in: late events, other payloads under known ids, over-refunds */
  then: Item[];
  /** enrollments with the model's challenge and creator indexes */
  enrollments: { challenge: number; creator: number; enrolledAt: number; withdrawnAt: number | null }[];
};
type Item = { endpoint: "events" | "orders"; body: Record<string, unknown> };

export function plan(s: Scenario, rates: ModelWorld["rates"]): Plan {
  const creators = s.creators.map((c, i) => ({ key: `c${i}`, currency: CREATOR_CURRENCIES[c] }));
  const challenges = s.challenges.map((c, i) => {
    const rewardSum = c.milestones.reduce((n, m) => n + m.reward, 0);
    const budgetMinor =
      c.budget === "none" ? null : c.budget === "ample" ? 100_000_000 : c.budget === "tiny" ? 1 : Math.max(1, Math.floor((rewardSum * s.creators.length * c.tightPct) / 100));
    return {
      key: `ch${i}`,
      currency: CHALLENGE_CURRENCIES[c.currency],
      startsAt: T0 + c.startMs,
      endsAt: T0 + c.startMs + c.lengthMs,
      budgetMinor,
      milestones: c.milestones.map((m, p) => ({ position: p + 1, metric: METRICS[m.metric], threshold: m.threshold, rewardMinor: m.reward })),
    };
  });
  const seen = new Set<string>();
  const enrollments: Plan["enrollments"] = [];
  for (const e of s.enrollments) {
    const challenge = e.challenge % challenges.length;
    const creator = e.creator % creators.length;
    if (seen.has(`${challenge}/${creator}`)) continue;
    seen.add(`${challenge}/${creator}`);
    const enrolledAt = challenges[challenge].startsAt + e.enrollMs;
    enrollments.push({ challenge, creator, enrolledAt, withdrawnAt: e.withdrawMs === null ? null : enrolledAt + e.withdrawMs });
  }
  const anchors = [
    ...challenges.flatMap((c) => [c.startsAt, c.endsAt]),
    ...enrollments.flatMap((e) => (e.withdrawnAt === null ? [e.enrolledAt] : [e.enrolledAt, e.withdrawnAt])),
  ];
  const timeOf = (t: GenTime) => (t.anchor === null ? T0 + t.freeMs : anchors[t.anchor % anchors.length] + t.nudge);

  const log: ModelLog = { events: [], orders: [], refunds: [] };
  const first: Item[] = [];
  const then: Item[] = [];
  const lateEvents: Item[] = [];
  s.events.forEach((g, i) => {
    const e = { id: `e${i}`, creator: creators[g.creator % creators.length].key, metric: EVENT_METRICS[g.metric], amount: g.amount, occurredAt: timeOf(g.at) };
    log.events.push(e);
    const item: Item = { endpoint: "events", body: { ...e, occurredAt: new Date(e.occurredAt).toISOString() } };
    (g.late ? lateEvents : first).push(item);
    for (let r = 0; r < g.replays; r++) (g.late ? lateEvents : first).push(item);
    // The same id with another payload, once the first is in: it must change nothing.
    if (g.mutated && !g.late) then.push({ endpoint: "events", body: { ...item.body, amount: g.amount + 50, occurredAt: new Date(e.occurredAt - 3 * HOUR).toISOString() } });
  });
  then.push(...lateEvents);

  const products = s.products.map((p, i) => ({ key: `p${i}`, commissionBps: p.bps, returnWindowDays: p.windowDays }));
  const links = creators.flatMap((c) => products.map((p) => ({ code: `${c.key}${p.key}`, creator: c.key, product: p.key })));
  const overRefunds: ModelLog["refunds"] = [];
  const latest = Date.now() - 10 * 60_000;
  s.orders.forEach((g, i) => {
    const o = {
      id: `o${i}`,
      code: `c${g.creator % creators.length}p${g.product % products.length}`,
      amount: g.amount,
      currency: ORDER_CURRENCIES[g.currency],
      occurredAt: T0 + g.atMs,
    };
    log.orders.push(o);
    const item: Item = { endpoint: "orders", body: { id: o.id, type: "paid", affiliateCode: o.code, amount: o.amount, currency: o.currency, occurredAt: new Date(o.occurredAt).toISOString() } };
    first.push(item);
    for (let r = 0; r < g.replays; r++) first.push(item);
    if (g.mutated) then.push({ endpoint: "orders", body: { ...item.body, amount: o.amount + 1000 } });

    const r = g.refunds;
    const total = r.mode === "none" ? 0 : r.mode === "full" ? o.amount : Math.max(1, Math.floor((o.amount * r.pct) / 100));
    const parts = splitAmount(total, r.weights);
    parts.forEach((amount, k) => {
      const refund = { id: `o${i}r${k}`, orderId: o.id, amount, occurredAt: Math.min(latest, o.occurredAt + r.delays[k]) };
      log.refunds.push(refund);
      const body = { id: refund.id, type: "refund", orderId: o.id, amount, occurredAt: new Date(refund.occurredAt).toISOString() };
      first.push({ endpoint: "orders", body });
      if (r.mutated && k === 0) then.push({ endpoint: "orders", body: { ...body, amount: amount + 1 } });
    });
    // One cent more than what is left: refused, whatever came before it.
    if (r.over) {
      const refund = { id: `o${i}rx`, orderId: o.id, amount: o.amount - total + 1, occurredAt: Math.min(latest, o.occurredAt + r.delays[3]) };
      overRefunds.push(refund);
      then.push({ endpoint: "orders", body: { id: refund.id, type: "refund", orderId: o.id, amount: refund.amount, occurredAt: new Date(refund.occurredAt).toISOString() } });
    }
  });
  log.refunds.push(...overRefunds);

  const world: ModelWorld = {
    creators,
    challenges,
    enrollments: enrollments.map((e) => ({ challenge: challenges[e.challenge].key, creator: creators[e.creator].key, enrolledAt: e.enrolledAt, withdrawnAt: e.withdrawnAt })),
    products,
    links,
    rates,
  };
  return { world, log, first, then, enrollments };
}

/** `total` in parts proportional to the weights, each at least 1 (fewer parts when it is small). */
function splitAmount(total: number, weights: number[]): number[] {
  if (total === 0) return [];
  const w = weights.slice(0, Math.min(weights.length, total));
  const sum = w.reduce((a, b) => a + b, 0);
  const parts = w.map((x) => Math.max(1, Math.floor((total * x) / sum)));
  let diff = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; diff !== 0; k = (k + 1) % parts.length) {
    if (diff > 0) {
      parts[k]++;
      diff--;
    } else if (parts[k] > 1) {
      parts[k]--;
      diff++;
    }
  }
  return parts;
}

// ---------- delivery ----------

/** A small seeded generator, so a failing delivery can be replayed from its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Delivery = { prefix: string; seed: number; maxClients: number };
export type Sent = { requests: number; items: number };

/** Writes the world under a prefix (handles, codes and ids are unique per delivery). */
async function writeWorld(p: Plan, prefix: string) {
  const db = await getDb();
  const creators = new Map<number, string>();
  const creatorIds: number[] = [];
  for (const c of p.world.creators) {
    const { creator } = await createCreator({ handle: `${prefix}${c.key}`, currency: c.currency });
    creators.set(creator.id, c.key);
    creatorIds.push(creator.id);
  }
  const challenges = new Map<number, string>();
  const challengeIds: number[] = [];
  for (const c of p.world.challenges) {
    const { challenge } = await createChallenge({
      currency: c.currency,
      startsAt: new Date(c.startsAt),
      endsAt: new Date(c.endsAt),
      budgetMinor: c.budgetMinor,
      milestones: c.milestones.map((m) => ({ metric: m.metric as (typeof METRICS)[number], threshold: m.threshold, rewardMinor: m.rewardMinor })),
    });
    challenges.set(challenge.id, c.key);
    challengeIds.push(challenge.id);
  }
  for (const e of p.enrollments) {
    const row = await enrollDirectly(challengeIds[e.challenge], creatorIds[e.creator], new Date(e.enrolledAt));
    if (e.withdrawnAt !== null) await db.update(enrollments).set({ withdrawnAt: new Date(e.withdrawnAt) }).where(eq(enrollments.id, row.id));
  }
  const productIds = [];
  for (const pr of p.world.products) productIds.push((await createShopProduct({ commissionBps: pr.commissionBps, returnWindowDays: pr.returnWindowDays })).id);
  for (const l of p.world.links) {
    await createAffiliateLink(creatorIds[Number(l.creator.slice(1))], productIds[Number(l.product.slice(1))], `${prefix}${l.code}`);
  }
  return { creators, challenges, challengeIds };
}

/** The item as this delivery sends it: its ids, handles and codes under the prefix. */
function prefixed(item: Item, prefix: string): Record<string, unknown> {
  const b: Record<string, unknown> = { ...item.body, id: `${prefix}${item.body.id}` };
  if (item.endpoint === "events") b.creator = `${prefix}${b.creator}`;
  if (b.affiliateCode) b.affiliateCode = `${prefix}${b.affiliateCode}`;
  if (b.orderId) b.orderId = `${prefix}${b.orderId}`;
  return b;
}

/**
 * Sends items in random batches (each one endpoint), shuffled, spread over up to `maxClients`
 * clients that send at the same time. A refund sent before its order is accepted is refused
 * ("send it again"), so it is sent again in the next round, as the shop would.
 */
async function sendAll(items: Item[], prefix: string, next: () => number, maxClients: number, sent: Sent) {
  let pending = items.map((i) => ({ ...i, body: prefixed(i, prefix) }));
  for (let round = 0; pending.length > 0; round++) {
    if (round > 20) throw new Error(`refunds still refused after 20 rounds: ${JSON.stringify(pending.slice(0, 3))}`);
    const shuffled = [...pending];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    const batches: { endpoint: Item["endpoint"]; items: Record<string, unknown>[] }[] = [];
    for (const item of shuffled) {
      const last = batches.at(-1);
      if (last && last.endpoint === item.endpoint && last.items.length < 1 + Math.floor(next() * 6)) last.items.push(item.body);
      else batches.push({ endpoint: item.endpoint, items: [item.body] });
    }
    const clients = 1 + Math.floor(next() * maxClients);
    const queues: (typeof batches)[] = Array.from({ length: clients }, () => []);
    for (const b of batches) queues[Math.floor(next() * clients)].push(b);
    const retry: typeof pending = [];
    await Promise.all(
      queues.map(async (queue) => {
        for (const b of queue) {
          const response =
            b.endpoint === "events"
              ? await postSigned(postEventsRoute, "/api/events", { events: b.items })
              : await postSigned(postOrdersRoute, "/api/orders", { orders: b.items });
          sent.requests++;
          sent.items += b.items.length;
          expect(response.status, JSON.stringify(response.body)).toBe(200);
          for (const r of response.body.rejected as { index: number; error: string }[]) {
            if (r.error.startsWith("unknown orderId")) retry.push({ endpoint: "orders", body: b.items[r.index] });
          }
        }
      }),
    );
    pending = retry;
  }
}

export type RunOutcome = { view: LedgerView; model: LedgerView; contestedFailures: string[] };

/** One delivery of the plan: world, then the log in two parts; returns the ledger's view. */
export async function deliver(p: Plan, result: ModelResult, d: Delivery, sent: Sent): Promise<RunOutcome> {
  const { creators, challenges, challengeIds } = await writeWorld(p, d.prefix);
  const next = random(d.seed);
  await sendAll(p.first, d.prefix, next, d.maxClients, sent);
  await sendAll(p.then, d.prefix, next, d.maxClients, sent);

  const contestedKeys = contestedChallenges(p.world, result);
  const contested = new Set(challengeIds.filter((id) => contestedKeys.has(challenges.get(id)!)));
  const asOf = Date.now();
  const db = await getDb();
  const view = await readLedgerView(db, { creators, challenges, contested, id: (id) => id.slice(d.prefix.length), asOf });
  return { view, model: modelView(p.world, result, asOf), contestedFailures: await checkContested(challengeIds, contested) };
}

/**
 * A contested budget (it pays some awards, not all) is spent first come, first served: the paid
 * awards fit in it, and none of the unpaid ones would fit in what is left.
 */
async function checkContested(challengeIds: number[], contested: Set<number>): Promise<string[]> {
  if (contested.size === 0) return [];
  const db = await getDb();
  const found = await rows<{ challenge_id: number; budget: number; spent: number; paid: number; smallest_unpaid: number | null }>(
    db,
    sql`select c.id as challenge_id, c.budget_minor::float8 as budget, c.spent_minor::float8 as spent,
               coalesce(sum(m.reward_minor) filter (where a.status = 'paid'), 0)::float8 as paid,
               min(m.reward_minor) filter (where a.status = 'unpaid_budget')::float8 as smallest_unpaid
        from challenges c
        left join milestone_awards a on a.milestone_id in (select id from milestones where challenge_id = c.id)
        left join milestones m on m.id = a.milestone_id
        where c.id in (select jsonb_array_elements_text(${JSON.stringify([...contested])}::jsonb)::int)
        group by c.id`,
  );
  const failures: string[] = [];
  for (const c of found) {
    const index = challengeIds.indexOf(c.challenge_id);
    if (Number(c.paid) !== Number(c.spent) || Number(c.spent) > Number(c.budget)) failures.push(`ch${index}: paid ${c.paid}, spent ${c.spent}, budget ${c.budget}`);
    if (c.smallest_unpaid !== null && Number(c.smallest_unpaid) <= Number(c.budget) - Number(c.spent))
      failures.push(`ch${index}: an unpaid award of ${c.smallest_unpaid} fits in what is left (${Number(c.budget) - Number(c.spent)})`);
  }
  return failures;
}

let deliveryCounter = 0;
export const nextPrefix = () => `mm${process.pid.toString(36)}${(deliveryCounter++).toString(36)}.`;

/**
 * The property: two deliveries of one log (different batching, order and concurrency) each
 * give the model's ledger, hence the same ledger, awards included; the ledger's invariant holds.
 */
export async function checkLog(s: Scenario, seeds: [number, number], rates: ModelWorld["rates"], maxClients: number, sent: Sent) {
  const p = plan(s, rates);
  const result = runModel(p.world, p.log);
  const a = await deliver(p, result, { prefix: nextPrefix(), seed: seeds[0], maxClients }, sent);
  expect(a.view.anomalies, "entries that break a rule").toEqual([]);
  expect(a.contestedFailures, "budgets spent first come, first served").toEqual([]);
  expect(a.view, "ledger equals the model").toEqual(a.model);
  const b = await deliver(p, result, { prefix: nextPrefix(), seed: seeds[1], maxClients }, sent);
  expect(b.contestedFailures, "budgets spent first come, first served").toEqual([]);
  expect(b.view, "a second delivery of the same log").toEqual(a.view);
  await expectLedgerInvariant();
  return { events: p.log.events.length, orders: p.log.orders.length, refunds: p.log.refunds.length, awards: result.awards.length };
}
