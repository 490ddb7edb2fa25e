// Fault injection on PostgreSQL: the connection to the database is cut in the middle of an
// ingest batch. The app answers 503 while it is down, recovers when it is back, and
// re-sending the batch counts every event exactly once; a failed request leaves no half write.
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { closeDb, getDb } from "@/db";
import { ledgerEntries } from "@/db/schema";
import { asCaller } from "@/test/caller";
import { startPayoutRun } from "@/lib/dal/payouts/run";
import { expectLedgerInvariant } from "@/test/ledger-invariant";
import { event, postEvents } from "@/test/events";
import { createChallenge, createCreator, createUser, enrollDirectly } from "@/test/factories";
import { startFaultProxy, type FaultProxy } from "@/test/tcp-proxy";

let proxy: FaultProxy;
let direct: postgres.Sql;

beforeAll(async () => {
  // The app's client goes through the proxy; the test checks the database directly.
  const url = new URL(process.env.DATABASE_URL!);
  direct = postgres(url.toString(), { max: 1, onnotice: () => {} });
  proxy = await startFaultProxy({ host: url.hostname, port: Number(url.port || 5432) });
  await closeDb();
  url.port = String(proxy.port);
  process.env.DATABASE_URL = url.toString();
  await getDb();
});

afterAll(async () => {
  await closeDb();
  await proxy.close();
  await direct.end();
});

async function counts(creatorId: number) {
  const [row] = await direct`
    select (select count(*) from activity_events where creator_id = ${creatorId})::int as events,
           (select coalesce(sum(total), 0) from creator_daily_metrics where creator_id = ${creatorId})::int as rolled_up,
           (select count(*) from ledger_entries where creator_id = ${creatorId})::int as entries`;
  return row;
}

describe("database faults during ingest", () => {
  it("answers 503 while the database is down, and 200 again once it is back", async () => {
    const { creator } = await createCreator();
    proxy.cut();
    const down = await postEvents({ events: [event(creator.handle, 5)] });
    expect(down.status).toBe(503);
    expect(down.body.error).toMatch(/database unavailable/);
    expect((await health()).status).toBe(503);
    await proxy.restore();
    expect((await health()).status).toBe(200);
    const up = await postEvents({ events: [event(creator.handle, 5)] });
    expect(up).toMatchObject({ status: 200, body: { accepted: 1 } });
  });

  it("leaves nothing half-written when the connection drops mid-batch, and counts each event once on resend", async () => {
    const { creator } = await createCreator();
    const { challenge } = await createChallenge({ milestones: [{ metric: "stars_received", threshold: 500, rewardMinor: 1000 }] });
    await enrollDirectly(challenge.id, creator.id);
    const body = { events: Array.from({ length: 1000 }, () => event(creator.handle, 1)) };

    // Let the first statements of the transaction through, then cut inside it.
    proxy.cutAfter(120_000);
    const failed = await postEvents(body);
    expect(failed.status).toBe(503);
    expect(await counts(creator.id)).toEqual({ events: 0, rolled_up: 0, entries: 0 });

    await proxy.restore();
    const resent = await postEvents(body);
    expect(resent).toMatchObject({ status: 200, body: { accepted: 1000, duplicates: 0 } });
    const again = await postEvents(body);
    expect(again).toMatchObject({ status: 200, body: { accepted: 0, duplicates: 1000 } });
    expect(await counts(creator.id)).toEqual({ events: 1000, rolled_up: 1000, entries: 1 });
  });
});

describe("database faults during a payout run", () => {
  it("rolls the whole run back when the connection drops before it commits; the re-run puts every entry in one payout", async () => {
    const staff = await createUser("staff");
    const creators = await Promise.all([createCreator(), createCreator(), createCreator()]);
    const db = await getDb();
    const monthAgo = new Date(Date.now() - 40 * 86_400_000);
    for (const { creator } of creators) {
      await db.insert(ledgerEntries).values(
        [7000, 6000].map((amountMinor) => ({ creatorId: creator.id, kind: "adjustment" as const, note: "fault test", amountMinor, currency: "EUR", occurredAt: monthAgo, availableAt: monthAgo })),
      );
    }
    const last = new Date();
    last.setUTCDate(1);
    last.setUTCMonth(last.getUTCMonth() - 1);
    const period = last.toISOString().slice(0, 7);

    proxy.cutWhen("update payout_runs set status");
    await expect(asCaller(staff.id, (c) => startPayoutRun(c, period))).rejects.toThrow();
    const [left] = await direct`select (select count(*) from payout_runs)::int as runs, (select count(*) from payouts)::int as payouts,
                                       (select count(*) from payout_items)::int as items`;
    expect(left).toEqual({ runs: 0, payouts: 0, items: 0 });

    await proxy.restore();
    const result = await asCaller(staff.id, (c) => startPayoutRun(c, period));
    expect(result.payoutCount).toBe(3);
    await expect(asCaller(staff.id, (c) => startPayoutRun(c, period))).rejects.toThrow();
    const [items] = await direct`select count(*)::int as items, count(distinct ledger_entry_id)::int as entries from payout_items where released_at is null`;
    expect(items).toEqual({ items: 6, entries: 6 });
    await expectLedgerInvariant();
  });
});
