import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb, rows } from "@/db";
import { exchangeRates } from "@/db/schema";
import { convertMoney, crossingOf, utcDay } from "@/lib/domain/money-rules";
import { event, postEvents } from "@/test/events";
import { createChallenge, createCreator, enrollDirectly } from "@/test/factories";
import { expectLedgerInvariant } from "@/test/ledger-invariant";
import { getMyChallenge } from "@/lib/dal/challenges/queries";
import { asCaller } from "@/test/caller";

const DAY = 86_400_000;
const midnight = Math.floor(Date.now() / DAY) * DAY;
const at = (daysAgo: number, hour: number) => new Date(midnight - daysAgo * DAY + hour * 3_600_000);
// EUR → BRL: another rate each day, so the day of the crossing shows in the cents.
const RATES = [
  { day: utcDay(at(4, 0)), rateMicros: 5_000_000 },
  { day: utcDay(at(3, 0)), rateMicros: 5_500_000 },
  { day: utcDay(at(2, 0)), rateMicros: 6_000_000 },
  { day: utcDay(at(1, 0)), rateMicros: 7_000_000 },
];
// One log: [suffix, amount, time]. Sorted, 1,000 is crossed by "c" (2 days ago), 5,000 by "e".
const LOG: [string, number, Date][] = [
  ["a", 400, at(3, 12)],
  ["b", 400, at(2, 12)],
  ["c", 300, at(2, 13)],
  ["c0", 0, at(2, 13)],
  ["d", 3000, at(1, 12)],
  ["e", 1000, at(1, 13)],
];
const MILESTONES = [
  { metric: "stars_received" as const, threshold: 1000, rewardMinor: 2500 },
  { metric: "stars_received" as const, threshold: 5000, rewardMinor: 10_001 },
];

async function setUp(currency: string) {
  const db = await getDb();
  await db.insert(exchangeRates).values(RATES.map((r) => ({ ...r, base: "EUR", quote: "BRL" }))).onConflictDoNothing();
  const { creator } = await createCreator({ currency });
  const { challenge } = await createChallenge({ startsAt: at(6, 0), milestones: MILESTONES });
  await enrollDirectly(challenge.id, creator.id, at(5, 0));
  const events = LOG.map(([suffix, amount, time]) => ({ ...event(creator.handle, amount, time), id: `x${creator.id}-${suffix}` }));
  return { creator, events };
}

/** Each award of the creator: when, whether paid, its net per currency and the last rate used. */
async function awardsOf(creatorId: number) {
  const db = await getDb();
  return rows<{ position: number; status: string; reached_at: string; net: string | null; rate: number | null }>(
    db,
    sql`select m.position, a.status::text as status, a.reached_at::text as reached_at,
               (select string_agg(n.currency || ' ' || n.net, ', ' order by n.currency) from (
                  select le.currency::text as currency, sum(le.amount_minor)::text as net from ledger_entries le
                  where le.milestone_award_id = a.id group by 1) n) as net,
               (select le.fx_rate_micros::float8 from ledger_entries le where le.milestone_award_id = a.id order by le.id desc limit 1) as rate
        from milestone_awards a join milestones m on m.id = a.milestone_id
        where a.creator_id = ${creatorId} order by m.position`,
  );
}

async function deliver(events: ReturnType<typeof event>[], batches: ReturnType<typeof event>[][]) {
  expect(batches.flat()).toHaveLength(events.length);
  for (const body of batches) {
    const res = await postEvents({ events: body });
    expect(res.status).toBe(200);
  }
}

describe("a milestone is dated by its crossing event, whatever the batching", () => {
  afterEach(expectLedgerInvariant);

  for (const currency of ["EUR", "BRL"]) {
    it(`gives identical awards and cents for one batch, one event at a time, reversed, and late pairs (${currency} creator)`, async () => {
      const deliveries = [
        (e: ReturnType<typeof event>[]) => [e],
        (e: ReturnType<typeof event>[]) => e.map((x) => [x]),
        (e: ReturnType<typeof event>[]) => [...e].reverse().map((x) => [x]),
        (e: ReturnType<typeof event>[]) => [[e[5], e[4]], [e[3], e[1]], [e[2], e[0]]],
      ];
      const results = [];
      for (const split of deliveries) {
        const { creator, events } = await setUp(currency);
        await deliver(events, split(events));
        results.push(await awardsOf(creator.id));
      }
      // The rule, computed apart from the database: crossing event, its day's rate, the cents.
      const { events } = await setUp(currency);
      const expected = MILESTONES.map((m, i) => {
        const crossing = crossingOf(events.map((e) => ({ id: e.id, occurredAt: e.occurredAt, amount: e.amount })), m.threshold)!;
        const rate = currency === "EUR" ? null : RATES.find((r) => r.day === utcDay(crossing.occurredAt))!.rateMicros;
        const money = convertMoney(m.rewardMinor, "EUR", currency, rate);
        return { position: i + 1, status: "paid", at: new Date(crossing.occurredAt).toISOString(), net: `${money.currency} ${money.amountMinor}`, rate };
      });
      expect(expected.map((e) => e.at)).toEqual([at(2, 13).toISOString(), at(1, 13).toISOString()]);
      for (const result of results) {
        expect(result.map((a) => ({ position: a.position, status: a.status, at: new Date(a.reached_at).toISOString(), net: a.net, rate: a.rate === null ? null : Number(a.rate) }))).toEqual(expected);
      }
    });
  }

  it("writes a visible adjusting entry when a late, earlier-dated event moves the crossing to a day with another rate", async () => {
    const { creator, events } = await setUp("BRL");
    await deliver(events, [[events[5]], [events[0], events[1], events[2], events[3], events[4]]]);
    const db = await getDb();
    const entries = await rows<{ kind: string; amount_minor: number; fx_rate_micros: number | null; original: string | null }>(
      db,
      sql`select le.kind::text as kind, le.amount_minor::float8 as amount_minor, le.fx_rate_micros::float8 as fx_rate_micros,
                 le.original_amount_minor || ' ' || le.original_currency as original
          from ledger_entries le join milestone_awards a on a.id = le.milestone_award_id join milestones m on m.id = a.milestone_id
          where le.creator_id = ${creator.id} and m.position = 1 order by le.id`,
    );
    // First dated with "e" (yesterday, 7.0): 175.00 BRL; "c" (two days ago, 6.0) makes it 150.00.
    // The correction's original is the whole bonus (what the statement's description says), not -25.00 EUR.
    expect(entries.map((e) => [e.kind, Number(e.amount_minor), Number(e.fx_rate_micros), e.original])).toEqual([
      ["milestone_award", 17_500, 7_000_000, "2500 EUR"],
      ["milestone_adjustment", -2_500, 6_000_000, "2500 EUR"],
    ]);
  });
});

describe("live_days: distinct UTC calendar days with a live session", () => {
  afterEach(expectLedgerInvariant);

  it("counts days, not sessions, and dates the award with the first session of the last day needed", async () => {
    const { user, creator } = await createCreator();
    const { challenge } = await createChallenge({ startsAt: at(6, 0), milestones: [{ metric: "live_days", threshold: 3, rewardMinor: 1500 }] });
    await enrollDirectly(challenge.id, creator.id, at(5, 0));
    const live = (time: Date) => event(creator.handle, 1, time, "live_sessions");
    // 12 sessions in one minute: one day.
    await postEvents({ events: Array.from({ length: 12 }, (_, i) => live(new Date(at(3, 10).getTime() + i * 5000))) });
    expect((await asCaller(user.id, (c) => getMyChallenge(c, challenge.id)))?.milestones[0].current).toBe(1);
    expect(await awardsOf(creator.id)).toEqual([]);
    // 23:59:59 and 00:00:00 are two UTC days; the second session of yesterday adds nothing.
    await postEvents({ events: [live(at(1, 15)), live(new Date(at(1, 0).getTime() - 1000)), live(at(1, 16))] });
    const view = await asCaller(user.id, (c) => getMyChallenge(c, challenge.id));
    expect(view?.milestones[0].current).toBe(3);
    expect((await awardsOf(creator.id)).map((a) => [a.position, new Date(a.reached_at).toISOString()])).toEqual([[1, at(1, 15).toISOString()]]);
    // Another session on a day already counted changes nothing.
    await postEvents({ events: [live(at(3, 11))] });
    expect((await asCaller(user.id, (c) => getMyChallenge(c, challenge.id)))?.milestones[0].current).toBe(3);
  });

  it("is a measure, not an event metric: the platform cannot send it", async () => {
    const { creator } = await createCreator();
    const res = await postEvents({ events: [event(creator.handle, 5, at(1, 1), "live_days")] });
    expect(res.body.accepted).toBe(0);
    expect(String((res.body.rejected as { error: string }[])[0].error)).toMatch(/metric must be one of/);
  });
});

describe("budget", () => {
  afterEach(expectLedgerInvariant);

  it("is spent in crossing order within a batch, not in enrollment order", async () => {
    const { challenge } = await createChallenge({ startsAt: at(6, 0), budgetMinor: 2500, milestones: [{ metric: "stars_received", threshold: 100, rewardMinor: 2500 }] });
    const first = await createCreator();
    const second = await createCreator();
    await enrollDirectly(challenge.id, first.creator.id, at(5, 0));
    await enrollDirectly(challenge.id, second.creator.id, at(5, 0));
    // The later enrollment crosses first.
    await postEvents({ events: [event(first.creator.handle, 100, at(1, 10)), event(second.creator.handle, 100, at(2, 10))] });
    expect((await awardsOf(second.creator.id)).map((a) => a.status)).toEqual(["paid"]);
    expect((await awardsOf(first.creator.id)).map((a) => a.status)).toEqual(["unpaid_budget"]);
  });
});
