import { describe, expect, it } from "vitest";
import { fastTick, pacedTick, seededRng } from "./simulate-pace";

const total = (events: { metric: string; amount: number }[], metric: string) => events.filter((e) => e.metric === metric).reduce((s, e) => s + e.amount, 0);

describe("the simulator's pace", () => {
  it("grows Stars by a few hundred a minute, so a 4,000 milestone takes minutes, not a second", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rng = seededRng(seed);
      const minute = Array.from({ length: 60 }, () => pacedTick(rng)).flat();
      const stars = total(minute, "stars_received");
      expect(stars).toBeGreaterThan(100);
      expect(stars).toBeLessThan(900);
      // Never a jump: no single second brings more than a burst.
      expect(Math.max(...minute.map((e) => e.amount))).toBeLessThanOrEqual(27);
      expect(total(minute, "live_sessions")).toBeLessThanOrEqual(5);
    }
  });

  it("keeps the firehose for --fast: thousands of Stars a minute", () => {
    const rng = seededRng(1);
    const minute = Array.from({ length: 60 }, () => fastTick(rng, 10)).flat();
    expect(total(minute, "stars_received")).toBeGreaterThan(10_000);
  });
});
