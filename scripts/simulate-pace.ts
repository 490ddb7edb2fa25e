// What the simulator sends each second. By default a believable Live: Stars in small bursts,
// a few streamed minutes, the odd badge, a new session or a guest every few minutes, so a viewer
// sees progress bars creep over a few minutes. `--fast` keeps the old firehose for load demos.

export type SimEvent = { metric: string; amount: number };
type Rng = () => number;

/** Average amount per minute of a demo Live, and the usual size of one event. */
export const PACE_PER_MINUTE = {
  stars_received: { perMinute: 360, size: 18 },
  minutes_streamed: { perMinute: 12, size: 1 },
  badges_sold: { perMinute: 12, size: 2 },
  live_sessions: { perMinute: 0.4, size: 1 },
  live_with_guest: { perMinute: 0.25, size: 1 },
} as const;

/** One second of a paced Live for one creator: each metric fires with the chance its pace needs. */
export function pacedTick(rng: Rng): SimEvent[] {
  const events: SimEvent[] = [];
  for (const [metric, { perMinute, size }] of Object.entries(PACE_PER_MINUTE)) {
    if (rng() < perMinute / 60 / size) {
      // Around the usual size (half to one and a half times), at least 1.
      events.push({ metric, amount: Math.max(1, Math.round(size * (0.5 + rng()))) });
    }
  }
  return events;
}

/** One second of the firehose: `rate` random events, hundreds of Stars at once. */
export function fastTick(rng: Rng, rate: number): SimEvent[] {
  return Array.from({ length: rate }, () => {
    const roll = rng();
    return roll < 0.45 ? { metric: "stars_received", amount: 5 + Math.floor(rng() * 120) }
      : roll < 0.8 ? { metric: "minutes_streamed", amount: 1 + Math.floor(rng() * 15) }
      : roll < 0.9 ? { metric: "badges_sold", amount: 1 + Math.floor(rng() * 6) }
      : roll < 0.97 ? { metric: "live_sessions", amount: 1 }
      : { metric: "live_with_guest", amount: 1 };
  });
}

/** A small seeded generator (mulberry32), so a run can be replayed with --seed. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
