import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { challenges, enrollments } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { event, postEvents } from "@/test/events";
import { createChallenge, createCreator, createUser, enrollDirectly } from "@/test/factories";
import { enrollMe, withdrawMe } from "./commands";
import { getMyChallenge, listMyChallenges } from "./queries";
import { asCaller } from "@/test/caller";

const FIRST_ENDED = { offset: 0, limit: 24 };

const failureCode = (promise: Promise<unknown>) =>
  promise.then(
    () => "no error",
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

describe("enrolling", () => {
  it("enrolls an eligible creator once: enrolling twice is a no-op", async () => {
    const { user, creator } = await createCreator();
    const { challenge } = await createChallenge();
    expect(await asCaller(user.id, (c) => enrollMe(c, challenge.id))).toEqual({ status: "enrolled" });
    expect(await asCaller(user.id, (c) => enrollMe(c, challenge.id))).toEqual({ status: "already_enrolled" });
    const db = await getDb();
    expect(await db.select().from(enrollments).where(eq(enrollments.creatorId, creator.id))).toHaveLength(1);
    const [c] = await db.select({ n: challenges.enrolledCount }).from(challenges).where(eq(challenges.id, challenge.id));
    expect(c.n).toBe(1);
  });

  it("re-checks every rule on the server and says which one failed", async () => {
    const small = await createCreator({ followers: 5_000 });
    const big = await createCreator({ followers: 5_000_000 });
    const german = await createCreator({ country: "DE" });
    const insta = await createCreator({ platform: "instagram" });
    const { challenge } = await createChallenge({ countries: ["FR", "BE"] });
    expect(await failureCode(asCaller(small.user.id, (c) => enrollMe(c, challenge.id)))).toBe("challenges.reasons.followers_below");
    expect(await failureCode(asCaller(big.user.id, (c) => enrollMe(c, challenge.id)))).toBe("challenges.reasons.followers_above");
    expect(await failureCode(asCaller(german.user.id, (c) => enrollMe(c, challenge.id)))).toBe("challenges.reasons.country");
    expect(await failureCode(asCaller(insta.user.id, (c) => enrollMe(c, challenge.id)))).toBe("challenges.reasons.platform");

    const invite = await createChallenge({ inviteOnly: true });
    const somebody = await createCreator();
    expect(await failureCode(asCaller(somebody.user.id, (c) => enrollMe(c, invite.challenge.id)))).toBe("challenges.reasons.invite_only");

    const full = await createChallenge({ enrollmentCap: 1 });
    const first = await createCreator();
    const second = await createCreator();
    await asCaller(first.user.id, (c) => enrollMe(c, full.challenge.id));
    expect(await failureCode(asCaller(second.user.id, (c) => enrollMe(c, full.challenge.id)))).toBe("challenges.reasons.full");

    const later = await createChallenge({ startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 5 * 86_400_000) });
    expect(await failureCode(asCaller(first.user.id, (c) => enrollMe(c, later.challenge.id)))).toBe("challenges.errors.not_live");
  });

  it("lets an invited creator into an invite-only challenge", async () => {
    const { user, creator } = await createCreator();
    const { challenge } = await createChallenge({ inviteOnly: true });
    const db = await getDb();
    const { challengeInvites } = await import("@/db/schema");
    await db.insert(challengeInvites).values({ challengeId: challenge.id, creatorId: creator.id });
    expect(await asCaller(user.id, (c) => enrollMe(c, challenge.id))).toEqual({ status: "enrolled" });
  });

  it("withdraws, frees the place, and stops counting activity", async () => {
    const { user, creator } = await createCreator();
    const { challenge } = await createChallenge({ enrollmentCap: 5 });
    await asCaller(user.id, (c) => enrollMe(c, challenge.id));
    await postEvents({ events: [event(creator.handle, 300, new Date())] });
    expect(await asCaller(user.id, (c) => withdrawMe(c, challenge.id))).toEqual({ status: "withdrawn" });
    expect(await asCaller(user.id, (c) => withdrawMe(c, challenge.id))).toEqual({ status: "not_enrolled" });
    await postEvents({ events: [event(creator.handle, 900, new Date())] });
    const view = await asCaller(user.id, (c) => getMyChallenge(c, challenge.id));
    expect(view?.milestones[0].current).toBe(300);
    expect(view?.recentActivity.map((a) => a.verdict)).toEqual(["after_withdrawal", "counted"]);
    const db = await getDb();
    const [c] = await db.select({ n: challenges.enrolledCount }).from(challenges).where(eq(challenges.id, challenge.id));
    expect(c.n).toBe(0);
  });

  it("refuses staff: only creators enroll", async () => {
    const staff = await createUser("staff");
    const { challenge } = await createChallenge();
    await expect(asCaller(staff.id, (c) => enrollMe(c, challenge.id))).rejects.toThrow(/forbidden/);
  });
});

describe("what a creator sees", () => {
  it("sorts challenges into joinable, joined, not joinable with reasons, and ended; never drafts", async () => {
    const { user, creator } = await createCreator({ followers: 50_000, country: "FR" });
    const joinable = await createChallenge();
    const joined = await createChallenge();
    const tooSmall = await createChallenge({ minFollowers: 100_000 });
    const draft = await createChallenge({ state: "draft" });
    const ended = await createChallenge({ startsAt: new Date(Date.now() - 10 * 86_400_000), endsAt: new Date(Date.now() - 86_400_000) });
    await asCaller(user.id, (c) => enrollMe(c, joined.challenge.id));
    const db = await getDb();
    await db.insert(enrollments).values({ challengeId: ended.challenge.id, creatorId: creator.id, enrolledAt: new Date(Date.now() - 9 * 86_400_000) });

    const lists = await asCaller(user.id, (c) => listMyChallenges(c, FIRST_ENDED));
    const ids = (l: { id: number }[]) => l.map((c) => c.id);
    expect(ids(lists.eligible)).toContain(joinable.challenge.id);
    expect(ids(lists.enrolled)).toEqual([joined.challenge.id]);
    const notJoinable = lists.ineligible.find((c) => c.id === tooSmall.challenge.id);
    expect(notJoinable?.reasons).toEqual([{ code: "followers_below", min: 100_000 }]);
    expect(ids(lists.ended)).toEqual([ended.challenge.id]);
    const all = [...lists.eligible, ...lists.enrolled, ...lists.ineligible, ...lists.ended].map((c) => c.id);
    expect(all).not.toContain(draft.challenge.id);
    expect(await asCaller(user.id, (c) => getMyChallenge(c, draft.challenge.id))).toBeNull();
  });

  it("lists the live soonest to end first and the ended latest first", async () => {
    const { user, creator } = await createCreator({ followers: 50_000, country: "FR" });
    const days = (n: number) => new Date(Date.now() + n * 86_400_000);
    const endsLate = await createChallenge({ endsAt: days(40) });
    const endsSoon = await createChallenge({ endsAt: days(5) });
    const endedLongAgo = await createChallenge({ startsAt: days(-60), endsAt: days(-50) });
    const endedYesterday = await createChallenge({ startsAt: days(-10), endsAt: days(-1) });
    const db = await getDb();
    for (const c of [endsLate, endsSoon, endedLongAgo, endedYesterday]) {
      await db.insert(enrollments).values({ challengeId: c.challenge.id, creatorId: creator.id, enrolledAt: days(-70) });
    }

    const lists = await asCaller(user.id, (c) => listMyChallenges(c, FIRST_ENDED));
    expect(lists.enrolled.map((c) => c.id)).toEqual([endsSoon.challenge.id, endsLate.challenge.id]);
    expect(lists.ended.map((c) => c.id)).toEqual([endedYesterday.challenge.id, endedLongAgo.challenge.id]);
  });

  it("counts every ended challenge a creator took part in and pages them in order, past any cap", async () => {
    const { user, creator } = await createCreator({ followers: 50_000, country: "FR" });
    const live = await createChallenge();
    const db = await getDb();
    // Years of challenges: 510 ended ones, the i-th ending i days ago.
    await db.execute(sql`insert into challenges (kind, platform, state, title_en, title_fr, starts_at, ends_at, min_followers, max_followers, countries, invite_only, currency)
      select 'stars', 'facebook', case when i % 7 = 0 then 'archived' else 'published' end::challenge_state, 'Ended ' || i || ' ' || ${creator.id}, 'Fini ' || i, now() - (i + 10) * interval '1 day', now() - i * interval '1 day', 0, null, '{}', false, 'EUR'
      from generate_series(1, 510) as i`);
    await db.execute(sql`insert into enrollments (challenge_id, creator_id, enrolled_at)
      select c.id, ${creator.id}, c.starts_at from challenges c where c.title_en like 'Ended % ' || ${creator.id}`);
    await enrollDirectly(live.challenge.id, creator.id);

    const first = await asCaller(user.id, (c) => listMyChallenges(c, FIRST_ENDED));
    expect(first.endedTotal).toBe(510);
    expect(first.ended.map((c) => c.titleEn)).toEqual(Array.from({ length: 24 }, (_, i) => `Ended ${i + 1} ${creator.id}`));
    expect(first.enrolled.map((c) => c.id)).toEqual([live.challenge.id]);
    const last = await asCaller(user.id, (c) => listMyChallenges(c, { offset: 504, limit: 24 }));
    expect(last.endedTotal).toBe(510);
    expect(last.ended.map((c) => c.titleEn)).toEqual([505, 506, 507, 508, 509, 510].map((i) => `Ended ${i} ${creator.id}`));
    expect(last.ended.every((c) => c.lifecycle === "ended" || c.lifecycle === "archived")).toBe(true);
  });

  it("announces scheduled challenges the creator will be able to join, soonest first, not the others", async () => {
    const { user } = await createCreator({ followers: 50_000, country: "FR" });
    const later = await createChallenge({ startsAt: new Date(Date.now() + 14 * 86_400_000), endsAt: new Date(Date.now() + 40 * 86_400_000) });
    const soon = await createChallenge({ startsAt: new Date(Date.now() + 3 * 86_400_000), endsAt: new Date(Date.now() + 30 * 86_400_000), countries: ["FR", "BE"] });
    const notForMe = await createChallenge({ startsAt: new Date(Date.now() + 3 * 86_400_000), countries: ["DE"] });
    const draft = await createChallenge({ state: "draft", startsAt: new Date(Date.now() + 3 * 86_400_000) });

    const lists = await asCaller(user.id, (c) => listMyChallenges(c, FIRST_ENDED));
    const upcoming = lists.upcoming.map((c) => c.id);
    expect(upcoming.indexOf(soon.challenge.id)).toBeGreaterThanOrEqual(0);
    expect(upcoming.indexOf(soon.challenge.id)).toBeLessThan(upcoming.indexOf(later.challenge.id));
    expect(upcoming).not.toContain(notForMe.challenge.id);
    expect(upcoming).not.toContain(draft.challenge.id);
    const shown = lists.upcoming.find((c) => c.id === soon.challenge.id)!;
    expect(shown).toMatchObject({ lifecycle: "scheduled", rewardTotalMinor: 12_500, milestoneCount: 2, reasons: [] });
    expect(shown.rules).toEqual({ minFollowers: 10_000, maxFollowers: 1_000_000, countries: ["FR", "BE"], inviteOnly: false });
    const elsewhere = [...lists.eligible, ...lists.enrolled, ...lists.ineligible, ...lists.ended].map((c) => c.id);
    expect(elsewhere).not.toContain(soon.challenge.id);
  });

  it("shows progress, and a pace projection from the last 14 days", async () => {
    const { user, creator } = await createCreator();
    const { challenge } = await createChallenge({
      startsAt: new Date(Date.now() - 20 * 86_400_000),
      endsAt: new Date(Date.now() + 40 * 86_400_000),
      milestones: [
        { metric: "stars_received", threshold: 1000, rewardMinor: 100 },
        { metric: "stars_received", threshold: 2000, rewardMinor: 100 },
        { metric: "stars_received", threshold: 100_000, rewardMinor: 100 },
      ],
    });
    const db = await getDb();
    await db.insert(enrollments).values({ challengeId: challenge.id, creatorId: creator.id, enrolledAt: new Date(Date.now() - 20 * 86_400_000) });
    // 1,400 stars over the last 14 days: 100 a day.
    await postEvents({ events: Array.from({ length: 14 }, (_, i) => event(creator.handle, 100, new Date(Date.now() - i * 86_400_000 - 60_000))) });
    const view = await asCaller(user.id, (c) => getMyChallenge(c, challenge.id));
    expect(view!.milestones.map((m) => m.current)).toEqual([1400, 1400, 1400]);
    expect(view!.milestones[0].projection).toEqual({ kind: "reached" });
    const second = view!.milestones[1].projection;
    expect(second.kind).toBe("on");
    if (second.kind === "on") expect(Math.round((second.date.getTime() - Date.now()) / 86_400_000)).toBe(6);
    expect(view!.milestones[2].projection).toEqual({ kind: "not_before_end" });
  });
});

describe("what counted", () => {
  it("says 'before enrolling' for an event in the enrollment's millisecond but microseconds earlier, as progress does", async () => {
    const { user, creator } = await createCreator();
    const { challenge } = await createChallenge({ milestones: [{ metric: "stars_received", threshold: 1000, rewardMinor: 2500 }] });
    const enrollment = await enrollDirectly(challenge.id, creator.id);
    const at = new Date(Date.now() - 3_600_000);
    // Enrolled 456 µs into the millisecond the event carries (an API time has milliseconds only).
    const db = await getDb();
    await db.execute(sql`update enrollments set enrolled_at = ${at.toISOString()}::timestamptz + interval '456 microseconds' where id = ${enrollment.id}`);
    await postEvents({ events: [event(creator.handle, 300, at), event(creator.handle, 200, new Date(at.getTime() + 1))] });
    const view = await asCaller(user.id, (c) => getMyChallenge(c, challenge.id));
    expect(view?.milestones[0].current).toBe(200);
    expect(view?.recentActivity.map((a) => [a.amount, a.verdict])).toEqual([
      [200, "counted"],
      [300, "before_enrollment"],
    ]);
  });

  it("lists only the events of the challenge's own metrics, one page at a time", async () => {
    const { user, creator } = await createCreator();
    const { challenge } = await createChallenge({ milestones: [{ metric: "stars_received", threshold: 100_000, rewardMinor: 2500 }] });
    await enrollDirectly(challenge.id, creator.id);
    const base = Date.now() - 3_600_000;
    await postEvents({
      events: [
        ...Array.from({ length: 25 }, (_, i) => event(creator.handle, 10, new Date(base + i * 1000))),
        ...Array.from({ length: 5 }, (_, i) => event(creator.handle, 7, new Date(base + 100_000 + i), "minutes_streamed")),
      ],
    });
    const first = await asCaller(user.id, (c) => getMyChallenge(c, challenge.id));
    expect(first?.activityPage).toEqual({ page: 1, total: 25, pageSize: 20 });
    expect(first?.recentActivity).toHaveLength(20);
    expect(first?.recentActivity.every((a) => a.metric === "stars_received" && a.verdict === "counted")).toBe(true);
    const second = await asCaller(user.id, (c) => getMyChallenge(c, challenge.id, 2));
    expect(second?.recentActivity).toHaveLength(5);
    // The totals per measure are what the progress bar shows.
    expect(first?.countedTotals).toEqual([{ measure: "stars_received", total: 250 }]);
    expect(first?.milestones[0].current).toBe(250);
  });
});
