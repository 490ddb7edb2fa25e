// The creator pages' cache (lib/dal/cache.ts): repeated views come from it until a write lands,
// and it never answers for the wrong creator or for a caller whose role has changed.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rows, type Executor } from "@/db";
import { challengeInvites, challenges, creators, enrollmentProgress, exchangeRates, ledgerEntries, milestones, users } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { asCaller, callerOf } from "@/test/caller";
import { createChallenge, createCreator, createUser, enrollDirectly } from "@/test/factories";
import { addEntry, inPeriod, payoutsOf } from "@/test/ledger";
import { nextPeriod } from "@/test/payouts";
import { cacheCounters } from "./cache";
import { estimateAudience, getChallengeForMarketing } from "./challenge-authoring/queries";
import { enrollMe, withdrawMe } from "./challenges/commands";
import { getMyChallenge } from "./challenges/queries";
import { getMyEarningsSummary, getMyLiveChallenges } from "./creator-home/queries";
import { listMyEntries } from "./earnings/queries";
import { rejectPayout } from "./payouts/commands";
import { getPayoutStatusSeries, getQueueChoices, listPayoutQueue } from "./payouts/queries";
import { startPayoutRun } from "./payouts/run";

const DAY = 86_400_000;
const available = (s: Awaited<ReturnType<typeof getMyEarningsSummary>>) => s.totals.other.available;
const firstPage = { kind: null, status: null, order: null, page: 1 } as const;

describe("the creator pages' cache", () => {
  it("answers a repeated view from the cache, and shows a write on the next view", async () => {
    const { user, creator } = await createCreator();
    await addEntry(creator.id, 1_000, new Date(Date.now() - DAY));
    const caller = await callerOf(user.id);
    expect(available(await getMyEarningsSummary(caller))).toBe(1_000);

    const before = cacheCounters();
    expect(available(await getMyEarningsSummary(await callerOf(user.id)))).toBe(1_000);
    expect(cacheCounters().hits).toBe(before.hits + 1);

    // A write (an adjustment, as ingest or staff would leave it): visible on the very next view.
    await addEntry(creator.id, 250, new Date(Date.now() - DAY));
    expect(available(await getMyEarningsSummary(await callerOf(user.id)))).toBe(1_250);
    expect((await listMyEntries(await callerOf(user.id), firstPage)).total).toBe(2);
  });

  it("shows an enrollment, a withdrawal and a challenge edit on the next view", async () => {
    const { user } = await createCreator();
    const { challenge } = await createChallenge();
    expect(await asCaller(user.id, (c) => getMyLiveChallenges(c))).toHaveLength(0);
    const view = await asCaller(user.id, (c) => getMyChallenge(c, challenge.id));
    expect(view?.enrollment).toBeNull();

    await asCaller(user.id, (c) => enrollMe(c, challenge.id));
    expect(await asCaller(user.id, (c) => getMyLiveChallenges(c))).toHaveLength(1);
    expect((await asCaller(user.id, (c) => getMyChallenge(c, challenge.id)))?.enrollment?.withdrawnAt).toBeNull();

    // Marketing renames the challenge (global data): every creator's next view has the new title.
    const db = await getDb();
    await db.update(challenges).set({ titleEn: "Renamed challenge" }).where(eq(challenges.id, challenge.id));
    expect((await asCaller(user.id, (c) => getMyChallenge(c, challenge.id)))?.titleEn).toBe("Renamed challenge");

    await asCaller(user.id, (c) => withdrawMe(c, challenge.id));
    expect((await asCaller(user.id, (c) => getMyChallenge(c, challenge.id)))?.enrollment?.withdrawnAt).toBeInstanceOf(Date);
  });

  it("shows another creator's enrollment in the challenge's places on the next view", async () => {
    const { user } = await createCreator();
    const other = await createCreator();
    const { challenge } = await createChallenge({ enrollmentCap: 1 });
    const first = await asCaller(user.id, (c) => getMyChallenge(c, challenge.id));
    expect(first?.reasons).toEqual([]);
    // Another creator takes the last place: the challenge's own version moves, not this creator's.
    await asCaller(other.user.id, (c) => enrollMe(c, challenge.id));
    const next = await asCaller(user.id, (c) => getMyChallenge(c, challenge.id));
    expect(next?.reasons).toEqual([{ code: "full", cap: 1 }]);
  });

  it("never answers one creator's view with another's cached data", async () => {
    const a = await createCreator();
    const b = await createCreator();
    await addEntry(a.creator.id, 7_000, new Date(Date.now() - DAY));
    await addEntry(b.creator.id, 30, new Date(Date.now() - DAY));
    // A's view is cached first; B's same read, same arguments, same minute, gets B's own data.
    expect(available(await asCaller(a.user.id, (c) => getMyEarningsSummary(c)))).toBe(7_000);
    expect(available(await asCaller(a.user.id, (c) => getMyEarningsSummary(c)))).toBe(7_000);
    expect(available(await asCaller(b.user.id, (c) => getMyEarningsSummary(c)))).toBe(30);
    const entriesB = await asCaller(b.user.id, (c) => listMyEntries(c, firstPage));
    expect(entriesB.total).toBe(1);
    expect(available(await asCaller(a.user.id, (c) => getMyEarningsSummary(c)))).toBe(7_000);
  });

  it("applies a role change at once: the caller is read fresh and checked before the cache", async () => {
    const { user, creator } = await createCreator();
    await addEntry(creator.id, 500, new Date(Date.now() - DAY));
    expect(available(await asCaller(user.id, (c) => getMyEarningsSummary(c)))).toBe(500);
    expect(available(await asCaller(user.id, (c) => getMyEarningsSummary(c)))).toBe(500);

    const db = await getDb();
    await db.update(users).set({ role: "staff" }).where(eq(users.id, user.id));
    await expect(asCaller(user.id, (c) => getMyEarningsSummary(c))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(asCaller(user.id, (c) => listMyEntries(c, firstPage))).rejects.toBeInstanceOf(ForbiddenError);

    // And a disabled account is signed out on its next request, cache or not.
    await db.update(users).set({ role: "creator", disabledAt: sql`now()` }).where(eq(users.id, user.id));
    await expect(callerOf(user.id)).rejects.toThrow();
  });
});

describe("marketing's audience estimate in the cache", () => {
  // As the overview page asks for it: from the loaded challenge.
  const estimate = async (marketingId: number, id: number) =>
    asCaller(marketingId, async (c) => estimateAudience(c, (await getChallengeForMarketing(c, id))!));

  it("answers a repeated view from the cache, and shows a creator added, changed or removed on the next view", async () => {
    const marketing = await createUser("marketing");
    await createCreator({ country: "QH", followers: 20_000 });
    const { challenge } = await createChallenge({ countries: ["QH"] });
    expect((await estimate(marketing.id, challenge.id))?.total).toBe(1);

    const before = cacheCounters();
    expect((await estimate(marketing.id, challenge.id))?.total).toBe(1);
    expect(cacheCounters().hits).toBe(before.hits + 1);

    const added = await createCreator({ country: "QH", followers: 30_000 });
    expect((await estimate(marketing.id, challenge.id))?.total).toBe(2);

    const db = await getDb();
    await db.update(creators).set({ followers: 500 }).where(eq(creators.id, added.creator.id));
    expect((await estimate(marketing.id, challenge.id))?.total).toBe(1);
    await db.update(creators).set({ followers: 30_000 }).where(eq(creators.id, added.creator.id));
    expect((await estimate(marketing.id, challenge.id))?.byTier.find((t) => t.tier === "micro")?.count).toBe(2);
  });

  it("shows an invite, a milestone's reward and a rule changed on the next view", async () => {
    const marketing = await createUser("marketing");
    const a = await createCreator({ country: "QI", followers: 20_000 });
    await createCreator({ country: "QI", followers: 20_000 });
    const { challenge } = await createChallenge({ countries: ["QI"], inviteOnly: true });
    expect((await estimate(marketing.id, challenge.id))?.total).toBe(0);

    const db = await getDb();
    await db.insert(challengeInvites).values({ challengeId: challenge.id, creatorId: a.creator.id });
    expect((await estimate(marketing.id, challenge.id))?.total).toBe(1);

    expect((await estimate(marketing.id, challenge.id))?.rewardTotalMinor).toBe(12_500);
    await db.update(milestones).set({ rewardMinor: 5_000 }).where(eq(milestones.challengeId, challenge.id));
    expect((await estimate(marketing.id, challenge.id))?.rewardTotalMinor).toBe(10_000);

    await db.update(challenges).set({ inviteOnly: false }).where(eq(challenges.id, challenge.id));
    expect((await estimate(marketing.id, challenge.id))?.total).toBe(2);
    await db.delete(challengeInvites).where(eq(challengeInvites.challengeId, challenge.id));
    await db.update(challenges).set({ inviteOnly: true }).where(eq(challenges.id, challenge.id));
    expect((await estimate(marketing.id, challenge.id))?.total).toBe(0);
  });

  it("is for marketing only, cached or not", async () => {
    const marketing = await createUser("marketing");
    const { user } = await createCreator({ country: "QJ" });
    const { challenge } = await createChallenge({ countries: ["QJ"] });
    expect((await estimate(marketing.id, challenge.id))?.total).toBe(1);
    await expect(asCaller(user.id, (c) => estimateAudience(c, challenge.id))).rejects.toThrow(ForbiddenError);
  });
});

// The staff queue's totals and chart sum every payout of the filtered set: cached by the
// ("payouts", 0) and ("audience", 0) versions (migration 0015), so a decision, a run or a
// creator's country shows on the reviewer's next view.
describe("the staff queue's totals and chart in the cache", () => {
  const filters = { status: "pending_review", country: "QK", fraud: "any", sort: "oldest", page: 1 } as const;
  const view = (staffId: number) =>
    asCaller(staffId, async (c) => ({ queue: await listPayoutQueue(c, filters), series: await getPayoutStatusSeries(c, filters, "EUR") }));
  const pendingIn = (series: Awaited<ReturnType<typeof view>>["series"], period: string) => series.find((p) => p.period === period)?.pending_review;

  it("answers a repeated view from the cache, and shows a rejection, a new run and a creator's new country on the next view", async () => {
    const reviewer = await createUser("staff");
    const a = await createCreator({ country: "QK", currency: "EUR" });
    const period = nextPeriod();
    await addEntry(a.creator.id, 40_000, inPeriod(period));
    await asCaller(reviewer.id, (c) => startPayoutRun(c, period));
    const first = await view(reviewer.id);
    expect(first.queue.totals).toEqual([{ currency: "EUR", count: 1, amountMinor: 40_000 }]);
    expect(pendingIn(first.series, period)).toBe(40_000);

    const before = cacheCounters();
    expect((await view(reviewer.id)).queue.totals).toEqual(first.queue.totals);
    expect(cacheCounters().hits).toBe(before.hits + 2);

    const [payout] = await payoutsOf(a.creator.id);
    await asCaller(reviewer.id, (c) => rejectPayout(c, { payoutId: payout.id, version: payout.version, reason: "Bank account shared" }));
    const rejected = await view(reviewer.id);
    expect(rejected.queue.totals).toEqual([]);
    expect(pendingIn(rejected.series, period)).toBe(0);
    expect(rejected.series.find((p) => p.period === period)?.rejected).toBe(40_000);

    // The next run pays the released entry again, under a period the chart had not seen.
    const later = nextPeriod();
    await asCaller(reviewer.id, (c) => startPayoutRun(c, later));
    const again = await view(reviewer.id);
    expect(again.queue.totals).toEqual([{ currency: "EUR", count: 1, amountMinor: 40_000 }]);
    expect(pendingIn(again.series, later)).toBe(40_000);

    const db = await getDb();
    await db.update(creators).set({ country: "QL" }).where(eq(creators.id, a.creator.id));
    const moved = await view(reviewer.id);
    expect(moved.queue.totals).toEqual([]);
    expect(pendingIn(moved.series, later)).toBe(0);
  });

  it("shows a creator's new country and a payout's new currency among the filter choices on the next view", async () => {
    const reviewer = await createUser("staff");
    const choices = () => asCaller(reviewer.id, (c) => getQueueChoices(c));
    const first = await choices();
    const before = cacheCounters();
    expect(await choices()).toEqual(first);
    expect(cacheCounters().hits).toBe(before.hits + 1);
    expect(first.countries).not.toContain("QZ");

    const { creator } = await createCreator({ country: "QZ", currency: "QZX" });
    const withCountry = await choices();
    expect(withCountry.countries).toContain("QZ");
    expect(withCountry.currencies).not.toContain("QZX");

    const period = nextPeriod();
    await addEntry(creator.id, 12_000, inPeriod(period), { currency: "QZX" });
    await asCaller(reviewer.id, (c) => startPayoutRun(c, period));
    expect((await choices()).currencies).toContain("QZX");
  });

  it("is for staff only, cached or not", async () => {
    const reviewer = await createUser("staff");
    const { user } = await createCreator({ country: "QK" });
    await view(reviewer.id);
    await expect(view(user.id)).rejects.toThrow(ForbiddenError);
  });
});

// The versions come from one trigger function, data_versions_bump(source) (migration 0013):
// each source of ids, the "already set in this transaction" skip and the refusal of a typo.
describe("the version triggers", () => {
  const txid = async (db: Executor) => (await rows<{ t: string }>(db, sql`select txid_current()::text as t`))[0]!.t;
  const version = async (db: Executor, scope: string, id: number) =>
    (await rows<{ version: string; ctid: string }>(db, sql`select version::text as version, ctid::text as ctid from data_versions where scope = ${scope} and id = ${id}`))[0];

  it("set the creator's version from its rows, its own row and its enrollments' progress, once per transaction", async () => {
    const { creator } = await createCreator();
    const { challenge } = await createChallenge();
    const enrollment = await enrollDirectly(challenge.id, creator.id);
    const db = await getDb();
    const writes: ((tx: Executor) => Promise<unknown>)[] = [
      async (tx) => addEntryIn(tx, creator.id), // 'creator_id'
      async (tx) => tx.update(creators).set({ followers: 4_321 }).where(eq(creators.id, creator.id)), // 'id'
      async (tx) => tx.insert(enrollmentProgress).values({ enrollmentId: enrollment.id, metric: "stars_received", total: 5 }) // 'enrollment_id'
        .onConflictDoUpdate({ target: [enrollmentProgress.enrollmentId, enrollmentProgress.metric], set: { total: sql`${enrollmentProgress.total} + 5` } }),
    ];
    for (const write of writes) {
      const [id, first, second] = await db.transaction(async (tx) => {
        await write(tx);
        const first = await version(tx, "creator", creator.id);
        await write(tx);
        return [await txid(tx), first, await version(tx, "creator", creator.id)] as const;
      });
      expect(first?.version).toBe(id);
      // The second statement found the version already set: the row was not written again.
      expect(second).toEqual(first);
    }
  });

  it("set the global version on a catalog write", async () => {
    const db = await getDb();
    const [id, v] = await db.transaction(async (tx) => {
      await tx.insert(exchangeRates).values({ day: "2020-01-01", base: "EUR", quote: "JPY", rateMicros: 160_000_000 }).onConflictDoNothing();
      return [await txid(tx), await version(tx, "global", 0)] as const;
    });
    expect(v?.version).toBe(id);
  });

  it("refuse an unknown source of ids", async () => {
    const db = await getDb();
    await db.execute(sql`create table version_trigger_typo (creator_id integer)`);
    await db.execute(sql`create trigger version_trigger_typo after insert on version_trigger_typo referencing new table as changed
      for each statement execute function data_versions_bump('creatorid')`);
    const error = await db.execute(sql`insert into version_trigger_typo values (1)`).then(() => null, (e: Error) => e);
    expect(String((error?.cause as Error | undefined)?.message ?? error)).toMatch(/unknown argument creatorid/);
  });
});

async function addEntryIn(tx: Executor, creatorId: number) {
  const now = new Date();
  await tx.insert(ledgerEntries).values({ creatorId, kind: "adjustment", amountMinor: 1, currency: "EUR", note: "version test", occurredAt: now, availableAt: now });
}
