// Random and malformed payloads at POST /api/events: the answer is always a 4xx with a
// message or a 200, never a 500, and the database holds exactly the valid part.
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/events/route";
import { getDb, rows } from "@/db";
import { createCreator } from "@/test/factories";
import { signedRequest } from "@/test/signed-request";

const METRICS = ["stars_received", "minutes_streamed", "live_sessions", "badges_sold", "live_with_guest"];

async function send(raw: string) {
  const response = await POST(signedRequest("/api/events", null, { raw }));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("POST /api/events under fuzzing", () => {
  it("never answers 500 to arbitrary bodies, and says what is wrong", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.jsonValue().map((v) => JSON.stringify(v)), fc.jsonValue({ stringUnit: "binary" }).map((v) => JSON.stringify({ events: [v] }))), async (raw) => {
        const { status, body } = await send(raw);
        expect([200, 400, 413]).toContain(status);
        if (status !== 200) expect(typeof body.error).toBe("string");
      }),
      { numRuns: 150 },
    );
  });

  it("keeps exactly the valid events of random batches, whatever else they carry", async () => {
    const { creator } = await createCreator();
    const validEvent = fc.record({
      id: fc.uuid().map((u) => `evt_fz_${u}`),
      creator: fc.constant(creator.handle),
      metric: fc.constantFrom(...METRICS),
      amount: fc.integer({ min: 0, max: 10_000 }),
      occurredAt: fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date(Date.now() - 1000), noInvalidDate: true }).map((d) => d.toISOString()),
    });
    const junk = fc.oneof(
      fc.anything(),
      validEvent.map((e) => ({ ...e, amount: -1 - e.amount })),
      validEvent.map((e) => ({ ...e, metric: "likes" })),
      validEvent.map((e) => ({ ...e, creator: `${e.creator}.unknown` })),
      validEvent.map((e) => ({ ...e, occurredAt: "not a date" })),
      validEvent.map((e) => ({ ...e, amount: e.amount + 0.5 })),
      // Characters PostgreSQL cannot store, anywhere in a string of the item.
      fc.tuple(validEvent, fc.constantFrom("id", "creator", "metric", "occurredAt"), fc.constantFrom("\u0000", "\ud800", "\udfff"), fc.nat(3)).map(
        ([e, field, bad, at]) => {
          const text = String(e[field as keyof typeof e]);
          return { ...e, [field]: text.slice(0, at) + bad + text.slice(at) };
        },
      ),
    );
    let expected = 0;
    let expectedEvents = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(validEvent.map((e) => ({ valid: true, e })), junk.map((e) => ({ valid: false, e }))), { maxLength: 30 }), async (items) => {
        const { status, body } = await send(JSON.stringify({ events: items.map((i) => i.e) }));
        expect(status).toBe(200);
        const valid = items.filter((i) => i.valid).map((i) => i.e as { amount: number });
        expect(body.accepted).toBe(valid.length);
        expect((body.rejected as unknown[]).length).toBe(items.length - valid.length);
        expected += valid.reduce((s, e) => s + e.amount, 0);
        expectedEvents += valid.length;
      }),
      { numRuns: 60 },
    );
    const db = await getDb();
    const [row] = await rows<{ events: number; total: number; rolled: number }>(
      db,
      sql`select (select count(*) from activity_events where creator_id = ${creator.id})::int as events,
                 (select coalesce(sum(amount), 0) from activity_events where creator_id = ${creator.id})::float8 as total,
                 (select coalesce(sum(total), 0) from creator_daily_metrics where creator_id = ${creator.id})::float8 as rolled`,
    );
    expect(row).toEqual({ events: expectedEvents, total: expected, rolled: expected });
  });
});
