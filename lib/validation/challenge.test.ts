import { describe, expect, it } from "vitest";
import { challengeFormSchema, parseCount, parseUtcDateTime, publishProblems, splitHandles, toUtcInput, type ChallengeDraft } from "./challenge";

describe("form parsing helpers", () => {
  it("reads counts with or without grouping, nothing else", () => {
    expect(parseCount("10000")).toBe(10_000);
    expect(parseCount("10,000")).toBe(10_000);
    expect(parseCount("1 000 000")).toBe(1_000_000);
    expect(parseCount("1\u202f000")).toBe(1_000);
    expect(parseCount("10.5")).toBeNull();
    expect(parseCount("-3")).toBeNull();
    expect(parseCount("1,00")).toBeNull();
    expect(parseCount("ten")).toBeNull();
  });

  it("reads datetime-local values as UTC and refuses impossible dates", () => {
    expect(parseUtcDateTime("2026-03-01T09:30")?.toISOString()).toBe("2026-03-01T09:30:00.000Z");
    expect(parseUtcDateTime("2026-02-31T09:30")).toBeNull();
    expect(parseUtcDateTime("2026-03-01 09:30")).toBeNull();
    expect(parseUtcDateTime("2026-03-01T25:00")).toBeNull();
    expect(toUtcInput(new Date("2026-03-01T09:30:45Z"))).toBe("2026-03-01T09:30");
  });

  it("splits handles on lines, commas and spaces, drops @, lowercases and dedupes", () => {
    expect(splitHandles("@Lea.cooks, hugo_fit\n\nlea.cooks  zoe")).toEqual(["lea.cooks", "hugo_fit", "zoe"]);
  });
});

describe("the challenge form schema", () => {
  it("builds milestone rows from flat form keys, dropping rows left empty", () => {
    const parsed = challengeFormSchema.parse({
      titleEn: "  Stars  ",
      "milestones.1.metric": "stars_received",
      "milestones.1.threshold": "1,000",
      "milestones.1.reward": "12,50",
      "milestones.0.metric": "stars_received",
      "milestones.0.threshold": "500",
      "milestones.0.reward": "5",
      "milestones.2.metric": "stars_received",
      "milestones.2.threshold": "",
      "milestones.2.reward": "",
      countries: "fr",
    });
    expect(parsed.titleEn).toBe("Stars");
    expect(parsed.milestones).toEqual([
      { metric: "stars_received", threshold: 500, reward: 500 },
      { metric: "stars_received", threshold: 1000, reward: 1250 },
    ]);
    expect(parsed.countries).toEqual(["FR"]);
  });
});

describe("publishProblems", () => {
  const complete: ChallengeDraft = {
    titleEn: "Stars",
    titleFr: "Étoiles",
    descriptionEn: "Go Live",
    descriptionFr: "Passez en Live",
    kind: "stars",
    platform: "facebook",
    startsAt: new Date("2030-01-01T00:00:00Z"),
    endsAt: new Date("2030-02-01T00:00:00Z"),
    milestones: [{ metric: "stars_received", threshold: 100, rewardMinor: 1000 }],
    inviteOnly: false,
    inviteCount: 0,
    budgetMinor: 100_000,
  };

  it("accepts a complete challenge", () => {
    expect(publishProblems(complete, new Date("2029-12-01T00:00:00Z"))).toEqual({});
  });

  it("names every missing piece", () => {
    const bare = { ...complete, titleFr: "", descriptionEn: "", descriptionFr: "", milestones: [], budgetMinor: null, inviteOnly: true };
    expect(Object.keys(publishProblems(bare, new Date("2030-03-01T00:00:00Z"))).sort()).toEqual(
      ["budget", "descriptionEn", "descriptionFr", "endsAt", "invites", "milestones", "titleFr"],
    );
  });
});
