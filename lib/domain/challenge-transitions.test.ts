import { describe, expect, it } from "vitest";
import {
  ALLOWED,
  CHALLENGE_FIELDS,
  TRANSITIONS,
  canTransition,
  earlyEnd,
  editableFields,
  planTransition,
  type ChallengeState,
  type Transition,
} from "./challenge-transitions";
import { LIFECYCLE, lifecycleOf, type Lifecycle } from "./lifecycle";

const DAY = 86_400_000;
const now = new Date("2026-11-15T12:00:00Z");
const at = (days: number) => new Date(now.getTime() + days * DAY);

// One challenge per lifecycle, as of `now`.
const SAMPLES: Record<Lifecycle, ChallengeState> = {
  draft: { state: "draft", startsAt: at(7), endsAt: at(35), endNoticeAt: null },
  scheduled: { state: "published", startsAt: at(7), endsAt: at(35), endNoticeAt: null },
  live: { state: "published", startsAt: at(-3), endsAt: at(30), endNoticeAt: null },
  ended: { state: "published", startsAt: at(-40), endsAt: at(-10), endNoticeAt: null },
  archived: { state: "archived", startsAt: at(-90), endsAt: at(-60), endNoticeAt: null },
};

// The expected machine, written out independently of ALLOWED: transition → resulting lifecycle.
const EXPECTED: Record<Lifecycle, Partial<Record<Transition, Lifecycle>>> = {
  draft: { publish: "live", schedule: "scheduled", update: "draft" },
  scheduled: { publish: "live", unpublish: "draft", update: "scheduled" },
  live: { end_early: "live", update: "live" },
  ended: { archive: "archived" },
  archived: {},
};

describe("the challenge status machine", () => {
  it("has a sample of each lifecycle", () => {
    for (const l of LIFECYCLE) expect(lifecycleOf(SAMPLES[l], now)).toBe(l);
  });

  for (const from of LIFECYCLE) {
    for (const transition of TRANSITIONS) {
      const expected = EXPECTED[from][transition];
      it(`${expected ? "allows" : "refuses"} ${transition} from ${from}`, () => {
        expect(canTransition(from, transition)).toBe(expected !== undefined);
        expect(ALLOWED[from].includes(transition)).toBe(expected !== undefined);
        if (transition === "update") return;
        const plan = planTransition(SAMPLES[from], transition, { now, noticeDays: 14 });
        if (expected) {
          expect(plan).toMatchObject({ ok: true, to: expected });
        } else {
          expect(plan).toEqual({ ok: false, reason: "not_allowed", from });
        }
      });
    }
  }

  it("publishing now moves the start to now; scheduling keeps it", () => {
    expect(planTransition(SAMPLES.draft, "publish", { now, noticeDays: 14 })).toEqual({
      ok: true,
      patch: { state: "published", startsAt: now },
      to: "live",
    });
    expect(planTransition(SAMPLES.scheduled, "publish", { now, noticeDays: 14 })).toMatchObject({ ok: true, patch: { startsAt: now } });
    expect(planTransition(SAMPLES.draft, "schedule", { now, noticeDays: 14 })).toEqual({ ok: true, patch: { state: "published" }, to: "scheduled" });
  });

  it("refuses to schedule a draft whose start has passed, and to publish one whose end has passed", () => {
    const started = { ...SAMPLES.draft, startsAt: at(-1) };
    expect(planTransition(started, "schedule", { now, noticeDays: 14 })).toEqual({ ok: false, reason: "start_not_in_future", from: "draft" });
    expect(planTransition(started, "publish", { now, noticeDays: 14 })).toMatchObject({ ok: true, to: "live" });
    const over = { ...SAMPLES.draft, startsAt: at(-10), endsAt: at(-1) };
    expect(planTransition(over, "publish", { now, noticeDays: 14 })).toEqual({ ok: false, reason: "end_in_past", from: "draft" });
  });

  it("unpublishes a scheduled challenge back to draft and archives an ended one", () => {
    expect(planTransition(SAMPLES.scheduled, "unpublish", { now, noticeDays: 14 })).toEqual({ ok: true, patch: { state: "draft" }, to: "draft" });
    expect(planTransition(SAMPLES.ended, "archive", { now, noticeDays: 14 })).toEqual({ ok: true, patch: { state: "archived" }, to: "archived" });
  });

  it("ends a live challenge early after the notice period, with the notice date", () => {
    expect(planTransition(SAMPLES.live, "end_early", { now, noticeDays: 14 })).toEqual({
      ok: true,
      patch: { endsAt: at(14), endNoticeAt: now },
      to: "live",
    });
    const soon = { ...SAMPLES.live, endsAt: at(10) };
    expect(planTransition(soon, "end_early", { now, noticeDays: 14 })).toEqual({ ok: false, reason: "ends_within_notice", from: "live" });
  });
});

describe("earlyEnd", () => {
  const currentEnd = at(30);
  it("is the notice period from now by default", () => {
    expect(earlyEnd({ now, currentEnd, noticeDays: 14 })).toEqual({ end: at(14) });
  });
  it("refuses a requested end inside the notice period, naming the earliest allowed end", () => {
    expect(earlyEnd({ now, currentEnd, noticeDays: 14, requested: at(2) })).toEqual({ reason: "end_before_notice", limit: at(14) });
  });
  it("takes a requested date between the notice and the current end", () => {
    expect(earlyEnd({ now, currentEnd, noticeDays: 14, requested: at(20) })).toEqual({ end: at(20) });
    expect(earlyEnd({ now, currentEnd, noticeDays: 14, requested: at(14) })).toEqual({ end: at(14) });
  });
  it("refuses a requested end that is not earlier than the current one", () => {
    expect(earlyEnd({ now, currentEnd, noticeDays: 14, requested: at(45) })).toEqual({ reason: "end_not_earlier", limit: currentEnd });
  });
  it("cannot end a challenge that already ends within the notice period any earlier", () => {
    expect(earlyEnd({ now, currentEnd: at(14), noticeDays: 14 })).toEqual({ reason: "ends_within_notice" });
    expect(earlyEnd({ now, currentEnd: at(5), noticeDays: 14, requested: at(1) })).toEqual({ reason: "ends_within_notice" });
  });
  it("honours a zero-day notice", () => {
    expect(earlyEnd({ now, currentEnd, noticeDays: 0 })).toEqual({ end: now });
  });
});

describe("editable fields", () => {
  it("lets drafts and scheduled challenges change everything, live ones only descriptions and end, others nothing", () => {
    expect(editableFields("draft")).toEqual(CHALLENGE_FIELDS);
    expect(editableFields("scheduled")).toEqual(CHALLENGE_FIELDS);
    expect([...editableFields("live")].sort()).toEqual(["descriptionEn", "descriptionFr", "endsAt"]);
    expect(editableFields("ended")).toEqual([]);
    expect(editableFields("archived")).toEqual([]);
  });
});
