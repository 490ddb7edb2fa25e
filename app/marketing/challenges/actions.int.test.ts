import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb, rows } from "@/db";
import { runAs } from "@/lib/auth/identity";
import { int8, int8OrNull } from "@/lib/dal/sql-values";
import { toUtcInput } from "@/lib/validation/challenge";
import { createChallenge, createCreator, createUser } from "@/test/factories";
import { changeStatusAction, endEarlyAction, saveChallengeAction } from "./actions";

const DAY = 86_400_000;
const inDays = (d: number) => toUtcInput(new Date(Date.now() + d * DAY));

let marketing: { id: number };
let knownHandle: string;

beforeAll(async () => {
  marketing = await createUser("marketing");
  knownHandle = (await createCreator()).creator.handle;
});

afterEach(() => {
  delete process.env.CHALLENGE_END_NOTICE_DAYS;
});

/** A complete, publishable challenge as the form sends it. */
const complete = (): Record<string, unknown> => ({
  titleEn: "Spring stars",
  titleFr: "Étoiles de printemps",
  descriptionEn: "Receive Stars during your Lives.",
  descriptionFr: "Recevez des Stars pendant vos Lives.",
  kind: "stars",
  platform: "facebook",
  currency: "EUR",
  startsAt: inDays(7),
  endsAt: inDays(35),
  "milestones.0.metric": "stars_received",
  "milestones.0.threshold": "500",
  "milestones.0.reward": "25.00",
  "milestones.1.metric": "stars_received",
  "milestones.1.threshold": "1,500",
  "milestones.1.reward": "75",
  "milestones.2.metric": "minutes_streamed",
  "milestones.2.threshold": "300",
  "milestones.2.reward": "10,50",
  minFollowers: "10000",
  maxFollowers: "1000000",
  countries: ["FR", "BE"],
  invites: "",
  enrollmentCap: "100",
  budget: "5000.00",
});

const save = (input: Record<string, unknown> | FormData, as = marketing.id) => runAs(as, () => saveChallengeAction(null, input));
const status = (challengeId: number, transition: string, as = marketing.id) => runAs(as, () => changeStatusAction(null, { challengeId, transition }));
const endEarly = (challengeId: number, endsAt?: string, as = marketing.id) => runAs(as, () => endEarlyAction(null, { challengeId, endsAt }));

async function created(input: Record<string, unknown>) {
  const result = await save(input);
  if (!result.ok) throw new Error(`save failed: ${JSON.stringify(result)}`);
  return result.data!.id;
}

async function stored(id: number) {
  const [raw] = await rows<{
    state: string;
    title_en: string;
    title_fr: string;
    description_en: string;
    starts_at: string;
    ends_at: string;
    end_notice_at: string | null;
    min_followers: number;
    max_followers: number | null;
    countries: string[];
    budget_minor: unknown;
    enrollment_cap: number | null;
    created_by: number | null;
  }>(
    await getDb(),
    sql`select state, title_en, title_fr, description_en, starts_at::text, ends_at::text, end_notice_at::text, min_followers, max_followers,
               countries, budget_minor, enrollment_cap, created_by from challenges where id = ${id}`,
  );
  const milestones = await rows<{ position: number; metric: string; threshold: unknown; reward_minor: unknown }>(
    await getDb(),
    sql`select position, metric, threshold, reward_minor from milestones where challenge_id = ${id} order by position`,
  );
  // Amounts are bigint: read exactly, never through a float.
  return {
    ...raw,
    budget_minor: int8OrNull(raw.budget_minor),
    milestones: milestones.map((m) => ({ ...m, threshold: int8(m.threshold), reward_minor: int8(m.reward_minor) })),
  };
}

async function auditOf(id: number) {
  return rows<{ action: string; actor_id: number | null; before: Record<string, unknown> | null; after: Record<string, unknown> | null }>(
    await getDb(),
    sql`select action, actor_id, before, after from audit_log where entity_type = 'challenge' and entity_id = ${String(id)} order by id`,
  );
}

describe("saving a challenge", () => {
  it("creates a draft from the form, with milestones in minor units, and audits it", async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(complete())) for (const item of Array.isArray(v) ? v : [v]) form.append(k, String(item));
    const result = await save(form);
    expect(result).toMatchObject({ ok: true, message: "marketing.form.created" });
    const id = result.ok ? result.data!.id : 0;
    const row = await stored(id);
    expect(row).toMatchObject({ state: "draft", min_followers: 10_000, max_followers: 1_000_000, budget_minor: 500_000, enrollment_cap: 100, created_by: marketing.id });
    expect([...row.countries].sort()).toEqual(["BE", "FR"]);
    expect(row.milestones).toEqual([
      { position: 1, metric: "stars_received", threshold: 500, reward_minor: 2500 },
      { position: 2, metric: "stars_received", threshold: 1500, reward_minor: 7500 },
      { position: 3, metric: "minutes_streamed", threshold: 300, reward_minor: 1050 },
    ]);
    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(["challenge.create"]);
    expect(audit[0].actor_id).toBe(marketing.id);
    expect(audit[0].after).toMatchObject({ state: "draft", titleEn: "Spring stars", budgetMinor: 500_000 });
  });

  it("saves a draft with only a title, filling in a window", async () => {
    const id = await created({ titleFr: "Juste un titre" });
    const row = await stored(id);
    expect(row).toMatchObject({ state: "draft", title_en: "", title_fr: "Juste un titre", budget_minor: null });
    expect(row.milestones).toEqual([]);
    expect(new Date(row.ends_at).getTime()).toBeGreaterThan(new Date(row.starts_at).getTime());
  });

  it("requires a title, and keeps everything typed", async () => {
    const input = { ...complete(), titleEn: " ", titleFr: "" };
    const result = await save(input);
    expect(result).toMatchObject({ ok: false, fieldErrors: { titleEn: ["marketing.validation.titleRequired"] } });
    expect(!result.ok && result.input).toMatchObject({ descriptionEn: "Receive Stars during your Lives.", "milestones.1.threshold": "1,500" });
  });

  // Every field, one bad value at a time: the error is on that field (milestones by row), and
  // what was typed comes back.
  const cases: [string, Record<string, unknown>, string, string][] = [
    ["a title too long", { titleEn: "x".repeat(121) }, "titleEn", "tooLong"],
    ["a French title too long", { titleFr: "x".repeat(121) }, "titleFr", "tooLong"],
    ["a description too long", { descriptionEn: "x".repeat(2001) }, "descriptionEn", "tooLong"],
    ["a French description too long", { descriptionFr: "x".repeat(2001) }, "descriptionFr", "tooLong"],
    ["an unknown kind", { kind: "dance" }, "kind", "choose"],
    ["an unknown platform", { platform: "tiktok" }, "platform", "choose"],
    ["an unknown currency", { currency: "XYZ" }, "currency", "choose"],
    ["a malformed start", { startsAt: "2026-02-30T10:00" }, "startsAt", "dateTime"],
    ["a malformed end", { endsAt: "next week" }, "endsAt", "dateTime"],
    ["an end before the start", { startsAt: inDays(10), endsAt: inDays(9) }, "endsAt", "endAfterStart"],
    ["an unknown metric", { "milestones.0.metric": "likes" }, "milestones.0.metric", "metric"],
    ["a zero threshold", { "milestones.2.threshold": "0" }, "milestones.2.threshold", "threshold"],
    ["a decimal threshold", { "milestones.2.threshold": "12.5" }, "milestones.2.threshold", "threshold"],
    ["a threshold not above the previous one on the same metric", { "milestones.1.threshold": "500" }, "milestones.1.threshold", "thresholdIncreasing"],
    ["a zero reward", { "milestones.1.reward": "0" }, "milestones.1.reward", "reward"],
    ["a negative reward", { "milestones.0.reward": "-5" }, "milestones.0.reward", "reward"],
    ["a reward with three decimals", { "milestones.2.reward": "1.234" }, "milestones.2.reward", "reward"],
    ["a reward that is not money", { "milestones.2.reward": "ten" }, "milestones.2.reward", "reward"],
    ["negative minimum followers", { minFollowers: "-1" }, "minFollowers", "followers"],
    ["words as maximum followers", { maxFollowers: "a lot" }, "maxFollowers", "followers"],
    ["a maximum below the minimum", { minFollowers: "50000", maxFollowers: "10000" }, "maxFollowers", "followerRange"],
    ["a malformed country", { countries: ["FR", "France"] }, "countries.1", "country"],
    ["a malformed handle", { invites: "good.one\nNot A Handle!" }, "invites", "handleFormat"],
    ["a zero enrollment cap", { enrollmentCap: "0" }, "enrollmentCap", "cap"],
    ["a decimal enrollment cap", { enrollmentCap: "2.5" }, "enrollmentCap", "cap"],
    ["a zero budget", { budget: "0" }, "budget", "budget"],
    ["a budget that is not money", { budget: "lots" }, "budget", "budget"],
  ];
  for (const [what, patch, field, key] of cases) {
    it(`refuses ${what}, on ${field}`, async () => {
      const result = await save({ ...complete(), ...patch });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.message).toBe("errors.invalid_input");
      expect(result.fieldErrors?.[field]).toEqual([`marketing.validation.${key}`]);
      expect(Object.keys(result.fieldErrors ?? {})).toEqual([field]);
      for (const [k, v] of Object.entries(patch)) expect(result.input?.[k]).toEqual(v);
    });
  }

  it("reports every problem at once, cross-field ones included", async () => {
    const result = await save({ ...complete(), "milestones.1.threshold": "400", "milestones.1.reward": "-3", maxFollowers: "lots", startsAt: inDays(10), endsAt: inDays(9) });
    expect(!result.ok && result.fieldErrors).toEqual({
      "milestones.1.threshold": ["marketing.validation.thresholdIncreasing"],
      "milestones.1.reward": ["marketing.validation.reward"],
      maxFollowers: ["marketing.validation.followers"],
      endsAt: ["marketing.validation.endAfterStart"],
    });
  });

  it("accepts a lower threshold on another metric", async () => {
    const result = await save({ ...complete(), "milestones.2.threshold": "10" });
    expect(result.ok).toBe(true);
  });

  it("names the unknown invited handles", async () => {
    const result = await save({ ...complete(), inviteOnly: "on", invites: `@${knownHandle}, nobody.here\nghost_2` });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { invites: ["marketing.validation.unknownHandles"] },
      values: { handles: "nobody.here, ghost_2" },
    });
    expect(!result.ok && result.input?.invites).toBe(`@${knownHandle}, nobody.here\nghost_2`);
  });

  it("stores known invited handles", async () => {
    const id = await created({ ...complete(), inviteOnly: "on", invites: `@${knownHandle.toUpperCase()}` });
    const invites = await rows<{ handle: string }>(
      await getDb(),
      sql`select cr.handle from challenge_invites i join creators cr on cr.id = i.creator_id where i.challenge_id = ${id}`,
    );
    expect(invites.map((i) => i.handle)).toEqual([knownHandle]);
  });

  it("edits a draft: milestones and rules are replaced, and the change audited with before and after", async () => {
    const id = await created(complete());
    const result = await save({ ...complete(), id: String(id), titleEn: "Renamed", "milestones.2.threshold": "", "milestones.2.reward": "", countries: [] });
    expect(result).toMatchObject({ ok: true, message: "marketing.form.saved" });
    const row = await stored(id);
    expect(row.title_en).toBe("Renamed");
    expect(row.countries).toEqual([]);
    expect(row.milestones).toHaveLength(2);
    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(["challenge.create", "challenge.update"]);
    expect(audit[1].before).toMatchObject({ titleEn: "Spring stars" });
    expect(audit[1].after).toMatchObject({ titleEn: "Renamed" });
  });

  it("says when the challenge does not exist", async () => {
    expect(await save({ ...complete(), id: "999999" })).toMatchObject({ ok: false, message: "marketing.errors.not_found" });
  });
});

describe("who may use marketing actions", () => {
  it("refuses creators and staff, and writes nothing", async () => {
    const { user: creator } = await createCreator();
    const staff = await createUser("staff");
    const { challenge } = await createChallenge({ state: "draft", startsAt: new Date(Date.now() + 5 * DAY), endsAt: new Date(Date.now() + 20 * DAY) });
    const [{ n: before }] = await rows<{ n: number }>(await getDb(), sql`select count(*)::int as n from challenges`);
    for (const who of [creator.id, staff.id]) {
      expect(await save(complete(), who)).toMatchObject({ ok: false, message: "errors.forbidden" });
      expect(await save({ ...complete(), id: String(challenge.id) }, who)).toMatchObject({ ok: false, message: "errors.forbidden" });
      expect(await status(challenge.id, "publish", who)).toMatchObject({ ok: false, message: "errors.forbidden" });
      expect(await endEarly(challenge.id, undefined, who)).toMatchObject({ ok: false, message: "errors.forbidden" });
    }
    expect(await runAs(null, () => saveChallengeAction(null, complete()))).toMatchObject({ ok: false, message: "errors.unauthenticated" });
    const [{ n: after }] = await rows<{ n: number }>(await getDb(), sql`select count(*)::int as n from challenges`);
    expect(after).toBe(before);
    expect((await stored(challenge.id)).state).toBe("draft");
    expect(await auditOf(challenge.id)).toEqual([]);
  });

  it("lets an admin do what marketing does", async () => {
    const admin = await createUser("admin");
    const result = await save(complete(), admin.id);
    expect(result.ok).toBe(true);
  });
});

describe("lifecycle transitions", () => {
  it("schedules a complete draft, unpublishes it back to draft, then publishes it now, auditing each step", async () => {
    const id = await created(complete());
    expect(await status(id, "schedule")).toEqual({ ok: true, message: "marketing.status.done.schedule" });
    expect((await stored(id)).state).toBe("published");
    expect(await status(id, "unpublish")).toEqual({ ok: true, message: "marketing.status.done.unpublish" });
    expect((await stored(id)).state).toBe("draft");
    const before = Date.now();
    expect(await status(id, "publish")).toEqual({ ok: true, message: "marketing.status.done.publish" });
    const row = await stored(id);
    expect(row.state).toBe("published");
    expect(new Date(row.starts_at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(row.starts_at).getTime()).toBeLessThanOrEqual(Date.now());

    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(["challenge.create", "challenge.schedule", "challenge.unpublish", "challenge.publish"]);
    expect(audit[1]).toMatchObject({ actor_id: marketing.id, before: { state: "draft", lifecycle: "draft" }, after: { state: "published", lifecycle: "scheduled" } });
    expect(audit[2]).toMatchObject({ before: { lifecycle: "scheduled" }, after: { state: "draft", lifecycle: "draft" } });
    expect(audit[3]).toMatchObject({ before: { lifecycle: "draft" }, after: { lifecycle: "live" } });
  });

  it("publishes a scheduled challenge now", async () => {
    const id = await created(complete());
    await status(id, "schedule");
    expect(await status(id, "publish")).toMatchObject({ ok: true });
    expect(new Date((await stored(id)).starts_at).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("refuses to publish or schedule an incomplete draft, saying what is missing", async () => {
    const id = await created({ titleEn: "Half done", inviteOnly: "on" });
    for (const transition of ["publish", "schedule"]) {
      const result = await status(id, transition);
      expect(result).toMatchObject({ ok: false, message: "marketing.errors.incomplete" });
      expect(Object.keys((!result.ok && result.fieldErrors) || {}).sort()).toEqual(["budget", "descriptionEn", "descriptionFr", "invites", "milestones", "titleFr"]);
    }
    expect((await stored(id)).state).toBe("draft");
    expect((await auditOf(id)).map((a) => a.action)).toEqual(["challenge.create"]);
  });

  it("refuses to schedule a draft whose start has passed", async () => {
    const id = await created({ ...complete(), startsAt: inDays(-1) });
    expect(await status(id, "schedule")).toMatchObject({ ok: false, message: "marketing.errors.start_not_in_future" });
  });

  it("keeps a scheduled challenge complete and in the future when it is edited", async () => {
    const id = await created(complete());
    await status(id, "schedule");
    const result = await save({ ...complete(), id: String(id), budget: "", startsAt: inDays(-1) });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { budget: ["marketing.validation.budgetRequired"], startsAt: ["marketing.validation.startInFuture"] },
    });
    expect(await save({ ...complete(), id: String(id), titleEn: "Still scheduled" })).toMatchObject({ ok: true });
    expect((await stored(id)).state).toBe("published");
  });

  it("refuses every transition the status machine does not allow", async () => {
    const draft = await created(complete());
    const scheduled = await created(complete());
    await status(scheduled, "schedule");
    const live = (await createChallenge()).challenge.id;
    const ended = (await createChallenge({ startsAt: new Date(Date.now() - 20 * DAY), endsAt: new Date(Date.now() - DAY) })).challenge.id;
    const archived = (await createChallenge({ state: "archived", startsAt: new Date(Date.now() - 20 * DAY), endsAt: new Date(Date.now() - DAY) })).challenge.id;
    const refused: [number, string][] = [
      [draft, "unpublish"],
      [draft, "archive"],
      [scheduled, "schedule"],
      [scheduled, "archive"],
      [live, "publish"],
      [live, "schedule"],
      [live, "unpublish"],
      [live, "archive"],
      [ended, "publish"],
      [ended, "schedule"],
      [ended, "unpublish"],
      [archived, "publish"],
      [archived, "schedule"],
      [archived, "unpublish"],
      [archived, "archive"],
    ];
    for (const [id, transition] of refused) {
      expect([id, transition, await status(id, transition)]).toEqual([id, transition, { ok: false, message: "marketing.errors.not_allowed", values: { days: 14 }, input: { challengeId: id, transition } }]);
    }
    for (const id of [draft, scheduled, ended, archived]) {
      expect(await endEarly(id)).toMatchObject({ ok: false, message: "marketing.errors.not_allowed" });
    }
    for (const id of [ended, archived]) {
      expect(await save({ id: String(id), descriptionEn: "Too late" })).toMatchObject({ ok: false, message: "marketing.errors.not_editable" });
    }
    expect(await status(ended, "archive")).toEqual({ ok: true, message: "marketing.status.done.archive" });
    expect((await stored(ended)).state).toBe("archived");
    expect((await auditOf(ended)).map((a) => a.action)).toEqual(["challenge.archive"]);
    expect((await auditOf(live)).map((a) => a.action)).toEqual([]);
  });

  it("lets a live challenge change only its descriptions and a later end, refusing the rest field by field", async () => {
    const { challenge } = await createChallenge({ budgetMinor: 100_000 });
    const id = challenge.id;
    const end = new Date(challenge.endsAt);
    const locked = await save({
      id: String(id),
      descriptionEn: "Words",
      descriptionFr: "Mots",
      titleEn: "New title",
      budget: "2000",
      minFollowers: "0",
      "milestones.0.metric": "stars_received",
      "milestones.0.threshold": "1",
      "milestones.0.reward": "1",
      countries: ["DE"],
      inviteOnly: "on",
      enrollmentCap: "3",
      kind: "tasks",
      platform: "instagram",
      startsAt: inDays(2),
    });
    expect(locked.ok).toBe(false);
    expect(!locked.ok && Object.keys(locked.fieldErrors ?? {}).sort()).toEqual(
      ["budget", "countries", "enrollmentCap", "inviteOnly", "kind", "milestones", "minFollowers", "platform", "startsAt", "titleEn"],
    );
    expect(!locked.ok && locked.fieldErrors?.titleEn).toEqual(["marketing.validation.lockedLive"]);

    // The same values as saved are not changes: a form that sends them back is fine.
    expect(await save({ id: String(id), titleEn: challenge.titleEn, descriptionEn: "Better words", descriptionFr: "De meilleurs mots" })).toMatchObject({ ok: true });

    const earlier = await save({ id: String(id), descriptionEn: "x", descriptionFr: "y", endsAt: toUtcInput(new Date(end.getTime() - DAY)) });
    expect(earlier).toMatchObject({ ok: false, fieldErrors: { endsAt: ["marketing.validation.endLaterOnly"] } });

    const later = toUtcInput(new Date(end.getTime() + 7 * DAY));
    expect(await save({ id: String(id), descriptionEn: "Now longer", descriptionFr: "Plus long", endsAt: later })).toMatchObject({ ok: true });
    const row = await stored(id);
    expect(row.description_en).toBe("Now longer");
    expect(toUtcInput(new Date(row.ends_at))).toBe(later);
    expect(row.title_en).toBe(challenge.titleEn);
    expect(row.budget_minor).toBe(100_000);
    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(["challenge.update", "challenge.update"]);
    expect(audit[1].after).toMatchObject({ descriptionEn: "Now longer" });
  });

  it("ends a live challenge early after the notice period, never later than its end, and audits it", async () => {
    const { challenge } = await createChallenge({ endsAt: new Date(Date.now() + 40 * DAY) });
    const before = Date.now();
    expect(await endEarly(challenge.id)).toEqual({ ok: true, message: "marketing.status.done.end_early" });
    const row = await stored(challenge.id);
    const endsAt = new Date(row.ends_at).getTime();
    expect(endsAt).toBeGreaterThanOrEqual(before + 14 * DAY);
    expect(endsAt).toBeLessThanOrEqual(Date.now() + 14 * DAY);
    expect(new Date(row.end_notice_at!).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const [audit] = await auditOf(challenge.id);
    expect(audit).toMatchObject({ action: "challenge.end_early", before: { lifecycle: "live", endNoticeAt: null }, after: { lifecycle: "live" } });
    expect(audit.after?.endNoticeAt).not.toBeNull();

    // Already within the notice period: it cannot end any sooner.
    expect(await endEarly(challenge.id)).toMatchObject({ ok: false, message: "marketing.errors.ends_within_notice", values: { days: 14 } });
  });

  it("takes a requested end between the notice and the current end, and the notice from the environment", async () => {
    process.env.CHALLENGE_END_NOTICE_DAYS = "3";
    const { challenge } = await createChallenge({ endsAt: new Date(Date.now() + 30 * DAY) });
    // Asking for tomorrow is refused, naming the earliest allowed end; nothing changes.
    const endBefore = (await stored(challenge.id)).ends_at;
    const refused = await endEarly(challenge.id, inDays(1));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { endsAt: ["marketing.errors.end_before_notice"] }, values: { days: 3 } });
    const earliest = new Date(String(refused.ok ? "" : refused.values?.date)).getTime();
    expect(Math.abs(earliest - (Date.now() + 3 * DAY))).toBeLessThan(60_000);
    expect((await stored(challenge.id)).ends_at).toEqual(endBefore);
    const other = await createChallenge({ endsAt: new Date(Date.now() + 30 * DAY) });
    const requested = inDays(10);
    await endEarly(other.challenge.id, requested);
    expect(toUtcInput(new Date((await stored(other.challenge.id)).ends_at))).toBe(requested);
    // A date after the current end does not end it earlier.
    const third = await createChallenge({ endsAt: new Date(Date.now() + 30 * DAY) });
    expect(await endEarly(third.challenge.id, inDays(40))).toMatchObject({ ok: false, fieldErrors: { endsAt: ["marketing.errors.end_not_earlier"] } });
  });
});
