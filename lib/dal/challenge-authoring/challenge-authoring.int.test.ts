import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, rows } from "@/db";
import { challengeInvites } from "@/db/schema";
import type { UserCaller } from "@/lib/dal/session";
import { DomainError } from "@/lib/errors";
import { asCaller } from "@/test/caller";
import { event, postEvents } from "@/test/events";
import { createChallenge, createCreator, createUser, enrollDirectly } from "@/test/factories";
import { enrollMe } from "@/lib/dal/challenges/commands";
import { getMyChallenge, listMyChallenges, previewChallenge } from "@/lib/dal/challenges/queries";
import { getMyLiveChallenges } from "@/lib/dal/creator-home/queries";
import { changeChallengeStatus, endChallengeEarly, saveChallenge } from "./commands";
import { PAGE_SIZE, estimateAudience, getChallengeFollowUp, getChallengeForMarketing, getChallengeHistory, listChallengesForMarketing } from "./queries";

const FIRST_ENDED = { offset: 0, limit: 24 };

const DAY = 86_400_000;
let marketing: { id: number };
const asMarketer = <T>(fn: (caller: UserCaller) => Promise<T>) => asCaller(marketing.id, fn);

const failureCode = (promise: Promise<unknown>) =>
  promise.then(
    () => "no error",
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

beforeAll(async () => {
  marketing = await createUser("marketing");
});

/** A complete draft through the DAL, as the form action would save it. */
async function draft(overrides: Partial<Parameters<typeof saveChallenge>[1]> = {}) {
  const outcome = await asMarketer((c) =>
    saveChallenge(c, {
      titleEn: "Test challenge",
      titleFr: "Défi test",
      descriptionEn: "Words",
      descriptionFr: "Mots",
      kind: "stars",
      platform: "facebook",
      startsAt: new Date(Date.now() + 3 * DAY),
      endsAt: new Date(Date.now() + 30 * DAY),
      milestones: [
        { metric: "stars_received", threshold: 100, reward: 1_000 },
        { metric: "stars_received", threshold: 500, reward: 4_000 },
      ],
      minFollowers: 10_000,
      maxFollowers: 1_000_000,
      budget: 1_000_000,
      ...overrides,
    }),
  );
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  return outcome.id;
}

describe("audience estimate", () => {
  it("counts matching creators by tier and country, and the cost if all reach every milestone", async () => {
    // Countries of their own, so other tests' creators do not count.
    const profiles = [
      { followers: 5_000, country: "QA" }, // nano: below the range
      { followers: 10_000, country: "QA" }, // micro, at the minimum
      { followers: 50_000, country: "QA" },
      { followers: 99_999, country: "QB" },
      { followers: 150_000, country: "QB" }, // mid
      { followers: 1_000_000, country: "QA" }, // at the maximum, and the first macro count
      { followers: 1_000_001, country: "QA" }, // above the range
      { followers: 50_000, country: "QC" }, // not a chosen country
      { followers: 50_000, country: "QA", platform: "instagram" as const }, // other platform
    ];
    for (const p of profiles) await createCreator(p);
    const id = await draft({ countries: ["QA", "QB"], enrollmentCap: 3 });
    const estimate = await asMarketer((c) => estimateAudience(c, id));
    expect(estimate).toMatchObject({
      total: 5,
      byTier: [
        { tier: "nano", count: 0 },
        { tier: "micro", count: 3 },
        { tier: "mid", count: 1 },
        { tier: "macro", count: 1 },
        { tier: "mega", count: 0 },
      ],
      byCountry: [
        { country: "QA", count: 3 },
        { country: "QB", count: 2 },
      ],
      rewardTotalMinor: 5_000,
      worstCaseMinor: 25_000,
      cappedWorstCaseMinor: 15_000,
      enrollmentCap: 3,
      budgetMinor: 1_000_000,
      currency: "EUR",
    });
  });

  it("counts only invited creators for an invite-only challenge", async () => {
    const a = await createCreator({ country: "QD" });
    await createCreator({ country: "QD" });
    const id = await draft({ countries: ["QD"], inviteOnly: true, invites: [a.creator.handle] });
    expect((await asMarketer((c) => estimateAudience(c, id)))?.total).toBe(1);
  });

  it("leaves out the rules a challenge does not set: no maximum, any country", async () => {
    // Invite-only, so only these creators can count whatever else the database holds.
    const mega = await createCreator({ followers: 5_000_000, country: "QE" });
    const elsewhere = await createCreator({ followers: 20_000, country: "QF" });
    const small = await createCreator({ followers: 9_999, country: "QE" });
    const otherPlatform = await createCreator({ followers: 20_000, country: "QE", platform: "instagram" });
    const id = await draft({
      countries: [],
      maxFollowers: null,
      inviteOnly: true,
      invites: [mega, elsewhere, small, otherPlatform].map((c) => c.creator.handle),
    });
    const estimate = await asMarketer((c) => estimateAudience(c, id));
    expect(estimate?.total).toBe(2);
    expect(estimate?.byTier.find((t) => t.tier === "mega")?.count).toBe(1);
    expect(estimate?.byCountry).toEqual([
      { country: "QE", count: 1 },
      { country: "QF", count: 1 },
    ]);
  });

  it("gives the same figures from a loaded challenge (the overview page's one statement), and zero when nobody matches", async () => {
    await createCreator({ followers: 20_000, country: "QG" });
    await createCreator({ followers: 200_000, country: "QG" });
    const id = await draft({ countries: ["QG"], maxFollowers: null, enrollmentCap: 1 });
    const byId = await asMarketer((c) => estimateAudience(c, id));
    const loaded = await asMarketer(async (c) => estimateAudience(c, (await getChallengeForMarketing(c, id))!));
    expect(byId?.total).toBe(2);
    expect({ ...loaded, computedAt: null }).toEqual({ ...byId, computedAt: null });
    expect(loaded?.computedAt).toBeInstanceOf(Date);
    const nobody = await draft({ countries: ["QZ"] });
    expect(await asMarketer(async (c) => estimateAudience(c, (await getChallengeForMarketing(c, nobody))!))).toMatchObject({
      total: 0,
      byCountry: [],
      rewardTotalMinor: 5_000,
      worstCaseMinor: 0,
    });
  });

  it("is for marketing only", async () => {
    const { user } = await createCreator();
    const id = await draft();
    await expect(asCaller(user.id, (c) => estimateAudience(c, id))).rejects.toThrow(/forbidden/);
  });
});

describe("the marketing list", () => {
  it("filters by status with counts, a page at a time", async () => {
    const before = await asMarketer((c) => listChallengesForMarketing(c, { status: "all", page: 1 }));
    const drafts = [];
    for (let i = 0; i < PAGE_SIZE + 2; i++) drafts.push(await draft({ titleEn: `Bulk ${i}` }));
    const scheduled = await draft();
    await asMarketer((c) => changeChallengeStatus(c, scheduled, "schedule"));
    const { challenge: live } = await createChallenge();
    const { challenge: ended } = await createChallenge({ startsAt: new Date(Date.now() - 9 * DAY), endsAt: new Date(Date.now() - DAY) });

    const all = await asMarketer((c) => listChallengesForMarketing(c, { status: "all", page: 1 }));
    expect(all.counts.all).toBe(before.counts.all + PAGE_SIZE + 5);
    expect(all.counts.draft).toBe(before.counts.draft + PAGE_SIZE + 2);
    expect(all.counts.scheduled).toBe(before.counts.scheduled + 1);
    expect(all.counts.live).toBe(before.counts.live + 1);
    expect(all.counts.ended).toBe(before.counts.ended + 1);
    expect(all.rows).toHaveLength(PAGE_SIZE);

    const firstPage = await asMarketer((c) => listChallengesForMarketing(c, { status: "draft", page: 1 }));
    const lastPage = await asMarketer((c) => listChallengesForMarketing(c, { status: "draft", page: 99 }));
    expect(firstPage.rows.every((r) => r.lifecycle === "draft")).toBe(true);
    expect(lastPage.page).toBe(firstPage.pageCount);
    const seen = new Set<number>();
    for (let page = 1; page <= firstPage.pageCount; page++) {
      for (const r of (await asMarketer((c) => listChallengesForMarketing(c, { status: "draft", page }))).rows) seen.add(r.id);
    }
    for (const id of drafts) expect(seen.has(id)).toBe(true);

    const liveRows = (await asMarketer((c) => listChallengesForMarketing(c, { status: "live", page: 1 }))).rows;
    expect(liveRows.map((r) => r.id)).toContain(live.id);
    expect(liveRows.map((r) => r.id)).not.toContain(ended.id);
    expect((await asMarketer((c) => listChallengesForMarketing(c, { status: "scheduled", page: 1 }))).rows.map((r) => r.id)).toContain(scheduled);
  });

  it("is refused to creators and staff", async () => {
    const { user } = await createCreator();
    const staff = await createUser("staff");
    for (const id of [user.id, staff.id]) {
      await expect(asCaller(id, (c) => listChallengesForMarketing(c, { status: "all", page: 1 }))).rejects.toThrow(/forbidden/);
    }
  });
});

describe("follow-up", () => {
  it("shows the funnel and the cumulative bonus spend from the ledger", async () => {
    const a = await createCreator({ country: "QE" });
    const b = await createCreator({ country: "QE" });
    await createCreator({ country: "QE" });
    const { challenge } = await createChallenge({
      countries: ["QE"],
      startsAt: new Date(Date.now() - 3 * DAY),
      budgetMinor: 100_000,
      milestones: [
        { metric: "stars_received", threshold: 100, rewardMinor: 1_000 },
        { metric: "stars_received", threshold: 500, rewardMinor: 4_000 },
      ],
    });
    await enrollDirectly(challenge.id, a.creator.id, new Date(Date.now() - 3 * DAY));
    await enrollDirectly(challenge.id, b.creator.id, new Date(Date.now() - 3 * DAY));
    // One batch per day: an award is dated by the latest event of the batch that reached it.
    await postEvents({ events: [event(a.creator.handle, 150, new Date(Date.now() - 2 * DAY))] });
    await postEvents({ events: [event(a.creator.handle, 400, new Date(Date.now() - DAY)), event(b.creator.handle, 120, new Date(Date.now() - DAY))] });
    const followUp = await asMarketer((c) => getChallengeFollowUp(c, challenge.id));
    expect(followUp).toMatchObject({
      eligible: 3,
      enrolled: 2,
      stillEnrolled: 2,
      milestones: [
        { position: 1, reached: 2, unpaid: 0 },
        { position: 2, reached: 1, unpaid: 0 },
      ],
      spentMinor: 6_000,
      budgetMinor: 100_000,
    });
    const spend = followUp!.spend;
    expect(spend.length).toBeGreaterThanOrEqual(4);
    expect(spend.at(-1)!.cumulativeMinor).toBe(6_000);
    expect(spend.reduce((s, d) => s + d.dailyMinor, 0)).toBe(6_000);
    const twoDaysAgo = new Date(Date.now() - 2 * DAY).toISOString().slice(0, 10);
    expect(spend.find((d) => d.day === twoDaysAgo)?.dailyMinor).toBe(1_000);
    // Cumulative never goes down.
    for (let i = 1; i < spend.length; i++) expect(spend[i].cumulativeMinor).toBeGreaterThanOrEqual(spend[i - 1].cumulativeMinor);
  });

  it("has no spend before the challenge starts", async () => {
    const id = await draft();
    const followUp = await asMarketer((c) => getChallengeFollowUp(c, id));
    expect(followUp?.spend).toEqual([]);
    expect(followUp?.enrolled).toBe(0);
  });
});

describe("preview and invite-only eligibility", () => {
  it("shows an invited creator as eligible and others as not, and enrollment agrees", async () => {
    const invited = await createCreator({ followers: 50_000 });
    const outsider = await createCreator({ followers: 50_000 });
    const id = await draft({ inviteOnly: true, invites: [invited.creator.handle] });
    expect(await asMarketer((c) => changeChallengeStatus(c, id, "publish"))).toMatchObject({ ok: true, lifecycle: "live" });

    const asInvited = await asCaller(marketing.id, (c) => previewChallenge(c, id, { handle: invited.creator.handle }));
    expect(asInvited.view?.reasons).toEqual([]);
    const asOutsider = await asCaller(marketing.id, (c) => previewChallenge(c, id, { handle: outsider.creator.handle }));
    expect(asOutsider.view?.reasons).toEqual([{ code: "invite_only" }]);
    const profileNotInvited = await asCaller(marketing.id, (c) => previewChallenge(c, id, { followers: 50_000, country: "FR", platform: "facebook", invited: false }));
    expect(profileNotInvited.view?.reasons).toEqual([{ code: "invite_only" }]);
    const profileInvited = await asCaller(marketing.id, (c) => previewChallenge(c, id, { followers: 50_000, country: "FR", platform: "facebook", invited: true }));
    expect(profileInvited.view?.reasons).toEqual([]);
    const tooBig = await asCaller(marketing.id, (c) => previewChallenge(c, id, { followers: 5_000_000, country: "FR", platform: "facebook", invited: true }));
    expect(tooBig.view?.reasons).toEqual([{ code: "followers_above", max: 1_000_000 }]);
    expect((await asCaller(marketing.id, (c) => previewChallenge(c, id, { handle: "no.such.creator" }))).handleFound).toBe(false);

    expect(await asCaller(invited.user.id, (c) => enrollMe(c, id))).toEqual({ status: "enrolled" });
    expect(await failureCode(asCaller(outsider.user.id, (c) => enrollMe(c, id)))).toBe("challenges.reasons.invite_only");
    // Previewing wrote nothing: only the real enrollment exists.
    const [{ n }] = await rows<{ n: number }>(await getDb(), sql`select count(*)::int as n from enrollments where challenge_id = ${id}`);
    expect(n).toBe(1);
    const invites = await (await getDb()).select().from(challengeInvites);
    expect(invites.filter((i) => i.challengeId === id)).toHaveLength(1);
  });

  it("is refused to creators", async () => {
    const { user } = await createCreator();
    const id = await draft();
    await expect(asCaller(user.id, (c) => previewChallenge(c, id, { followers: 1, country: "FR", platform: "facebook", invited: false }))).rejects.toThrow(/forbidden/);
  });
});

describe("drafts are invisible to creators", () => {
  it("by URL, in lists and for enrollment, also after being unpublished", async () => {
    const { user } = await createCreator({ followers: 50_000 });
    const id = await draft({ startsAt: new Date(Date.now() - DAY) });
    // Even with a window that is live by the clock, a draft is not there.
    expect(await asCaller(user.id, (c) => getMyChallenge(c, id))).toBeNull();
    const lists = await asCaller(user.id, (c) => listMyChallenges(c, FIRST_ENDED));
    expect([...lists.eligible, ...lists.enrolled, ...lists.ineligible, ...lists.ended].map((c) => c.id)).not.toContain(id);
    expect(await failureCode(asCaller(user.id, (c) => enrollMe(c, id)))).toBe("challenges.errors.not_found");

    // Marketing sees it in a preview.
    expect((await asCaller(marketing.id, (c) => previewChallenge(c, id, { handle: "x.none" }))).handleFound).toBe(false);
    expect((await asCaller(marketing.id, (c) => previewChallenge(c, id, { followers: 50_000, country: "FR", platform: "facebook", invited: false }))).view?.lifecycle).toBe("draft");

    const later = await draft();
    await asMarketer((c) => changeChallengeStatus(c, later, "schedule"));
    await asMarketer((c) => changeChallengeStatus(c, later, "unpublish"));
    expect(await asCaller(user.id, (c) => getMyChallenge(c, later))).toBeNull();
  });
});

describe("ending early, as creators see it", () => {
  it("shows enrolled creators the new end, keeps awards already reached, and records the history", async () => {
    const { user, creator } = await createCreator();
    const { challenge } = await createChallenge({ endsAt: new Date(Date.now() + 60 * DAY) });
    await enrollDirectly(challenge.id, creator.id, new Date(Date.now() - DAY));
    await postEvents({ events: [event(creator.handle, 1_200, new Date(Date.now() - 3_600_000))] });
    expect(await asMarketer((c) => endChallengeEarly(c, challenge.id, null))).toMatchObject({ ok: true, lifecycle: "live" });

    const view = await asCaller(user.id, (c) => getMyChallenge(c, challenge.id));
    expect(view?.endNoticeAt).not.toBeNull();
    expect(view!.endsAt.getTime()).toBeLessThan(Date.now() + 15 * DAY);
    expect(view!.milestones[0].award?.status).toBe("paid");
    const home = await asCaller(user.id, (c) => getMyLiveChallenges(c));
    const card = home.find((c) => c.id === challenge.id);
    expect(card?.endNoticeAt).not.toBeNull();
    expect(card?.endsAt.getTime()).toBe(view!.endsAt.getTime());

    const history = await asMarketer((c) => getChallengeHistory(c, challenge.id));
    expect(history.map((h) => h.action)).toEqual(["challenge.end_early"]);
  });
});
