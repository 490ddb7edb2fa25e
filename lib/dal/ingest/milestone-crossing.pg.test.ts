import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb, rows } from "@/db";
import { exchangeRates } from "@/db/schema";
import { utcDay } from "@/lib/domain/money-rules";
import { event, postEvents } from "@/test/events";
import { createChallenge, createCreator, enrollDirectly } from "@/test/factories";
import { expectLedgerInvariant } from "@/test/ledger-invariant";

const DAY = 86_400_000;
const midnight = Math.floor(Date.now() / DAY) * DAY;
const at = (daysAgo: number, hour: number) => new Date(midnight - daysAgo * DAY + hour * 3_600_000);

async function awardsOf(creatorId: number) {
  const db = await getDb();
  return rows<{ position: number; reached_at: string; net: string }>(
    db,
    sql`select m.position, a.reached_at::text as reached_at,
               (select string_agg(le.currency || ' ' || le.amount_minor, '+' order by le.id) from ledger_entries le where le.milestone_award_id = a.id) as net
        from milestone_awards a join milestones m on m.id = a.milestone_id where a.creator_id = ${creatorId} order by m.position`,
  );
}

describe("milestone crossings under concurrency (PostgreSQL)", () => {
  afterEach(expectLedgerInvariant);

  it("dates and pays the same whatever concurrent requests carry the events", async () => {
    const db = await getDb();
    await db
      .insert(exchangeRates)
      .values([3, 2, 1].map((d) => ({ day: utcDay(at(d, 0)), base: "EUR", quote: "BRL", rateMicros: 4_000_000 + d * 1_000_000 })))
      .onConflictDoNothing();
    const nets = new Set<string>();
    for (let round = 0; round < 6; round++) {
      const { creator } = await createCreator({ currency: "BRL" });
      const { challenge } = await createChallenge({
        startsAt: at(6, 0),
        milestones: [
          { metric: "stars_received", threshold: 1000, rewardMinor: 2500 },
          { metric: "live_days", threshold: 2, rewardMinor: 1000 },
        ],
      });
      await enrollDirectly(challenge.id, creator.id, at(5, 0));
      const events = [
        event(creator.handle, 400, at(3, 12)),
        event(creator.handle, 700, at(2, 12)),
        event(creator.handle, 5000, at(1, 12)),
        event(creator.handle, 1, at(2, 9), "live_sessions"),
        event(creator.handle, 1, at(2, 10), "live_sessions"),
        event(creator.handle, 1, at(1, 9), "live_sessions"),
        event(creator.handle, 1, at(1, 10), "live_sessions"),
      ];
      const order = round % 2 === 0 ? events : [...events].reverse();
      const results = await Promise.all(order.map((e) => postEvents({ events: [e] })));
      expect(results.map((r) => r.status)).toEqual(Array(events.length).fill(200));
      const awards = await awardsOf(creator.id);
      expect(awards.map((a) => [a.position, new Date(a.reached_at).toISOString()])).toEqual([
        [1, at(2, 12).toISOString()],
        [2, at(1, 9).toISOString()],
      ]);
      const [{ days }] = await rows<{ days: number }>(
        db,
        sql`select p.total::int as days from enrollment_progress p join enrollments e on e.id = p.enrollment_id
            where e.creator_id = ${creator.id} and p.metric = 'live_days'`,
      );
      expect(days).toBe(2);
      // Net per award: 25.00 EUR at two days ago's rate (6.0), 10.00 EUR at yesterday's (5.0).
      const totals = await rows<{ position: number; net: number }>(
        db,
        sql`select m.position, sum(le.amount_minor)::int as net from milestone_awards a join milestones m on m.id = a.milestone_id
            join ledger_entries le on le.milestone_award_id = a.id where a.creator_id = ${creator.id} group by 1 order by 1`,
      );
      nets.add(JSON.stringify(totals));
    }
    expect([...nets]).toEqual([JSON.stringify([{ position: 1, net: 15_000 }, { position: 2, net: 5_000 }])]);
  });
});
