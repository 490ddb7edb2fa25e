import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rows } from "@/db";
import { ledgerEntries, milestoneAwards, users } from "@/db/schema";
import { createCreator, createUser } from "@/test/factories";

describe("database constraints", () => {
  it("keeps emails unique and lowercase", async () => {
    const db = await getDb();
    const user = await createUser("staff");
    await expect(db.insert(users).values({ email: user.email, name: "dup", role: "staff" })).rejects.toThrow();
    await expect(db.insert(users).values({ email: "Upper@Test.example", name: "upper", role: "staff" })).rejects.toThrow();
  });

  it("refuses ledger entries without a source, and any update or delete of an entry", async () => {
    const db = await getDb();
    const { creator } = await createCreator();
    const base = { creatorId: creator.id, currency: "EUR", occurredAt: new Date(), availableAt: new Date() };
    await expect(db.insert(ledgerEntries).values({ ...base, kind: "commission", amountMinor: 100 })).rejects.toThrow();
    await expect(db.insert(ledgerEntries).values({ ...base, kind: "adjustment", amountMinor: 0, note: "zero" })).rejects.toThrow();
    const [entry] = await db
      .insert(ledgerEntries)
      .values({ ...base, kind: "adjustment", amountMinor: 500, note: "goodwill" })
      .returning({ id: ledgerEntries.id });
    const appendOnly = (e: { cause?: { message?: string } }) => /append-only/.test(e.cause?.message ?? "");
    await expect(db.execute(sql`update ledger_entries set amount_minor = 1 where id = ${entry.id}`)).rejects.toSatisfy(appendOnly);
    await expect(db.execute(sql`delete from ledger_entries where id = ${entry.id}`)).rejects.toSatisfy(appendOnly);
  });

  it("partitions raw activity by month", async () => {
    const db = await getDb();
    const partitions = await rows<{ name: string }>(
      db,
      sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
          join pg_class p on p.oid = i.inhparent where p.relname = 'activity_events'`,
    );
    expect(partitions.map((p) => p.name)).toEqual(expect.arrayContaining(["activity_events_2026_11", "activity_events_default"]));
    const { creator } = await createCreator();
    await db.execute(
      sql`insert into activity_events (id, creator_id, metric, amount, occurred_at) values ('evt_part_1', ${creator.id}, 'stars_received', 5, '2026-11-20T10:00:00Z')`,
    );
    const [row] = await rows<{ part: string }>(db, sql`select tableoid::regclass::text as part from activity_events where id = 'evt_part_1'`);
    expect(row.part).toBe("activity_events_2026_11");
  });

  it("refuses a second award for the same enrollment and milestone", async () => {
    const db = await getDb();
    const { creator } = await createCreator();
    const [challenge] = await rows<{ id: number }>(
      db,
      sql`insert into challenges (kind, platform, state, title_en, title_fr, starts_at, ends_at)
          values ('stars', 'facebook', 'published', 'T', 'T', now() - interval '1 day', now() + interval '1 day') returning id`,
    );
    const [milestone] = await rows<{ id: number }>(
      db,
      sql`insert into milestones (challenge_id, position, metric, threshold, reward_minor) values (${challenge.id}, 1, 'stars_received', 100, 1000) returning id`,
    );
    const [enrollment] = await rows<{ id: number }>(
      db,
      sql`insert into enrollments (challenge_id, creator_id) values (${challenge.id}, ${creator.id}) returning id`,
    );
    const award = { enrollmentId: enrollment.id, milestoneId: milestone.id, creatorId: creator.id, status: "paid" as const, reachedAt: new Date() };
    await db.insert(milestoneAwards).values(award);
    await expect(db.insert(milestoneAwards).values(award)).rejects.toThrow();
  });
});
