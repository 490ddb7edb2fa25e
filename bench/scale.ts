// How big the generated data set is. The full run is the target; --quick is the same
// generator at 1/100. The heavy and light creators keep the same history at every scale, so a
// page measured for them in the small and in the full database differs only by everything else.

export type Scale = {
  name: string;
  factor: number;
  creators: number;
  challenges: number;
  enrollments: number;
  events: number;
  shopProducts: number;
  affiliateLinks: number;
  orders: number;
  refundShare: number;
  /** Completed months before the anchor that already had a payout run. */
  payoutMonths: number;
  /** Parallel chunks the activity load is cut into (progress lines, two connections). */
  activityChunks: number;
};

/** The one creator with a lot of history, whose pages are measured. Same at every scale. */
export const HEAVY = {
  creatorId: 1,
  handle: "bench.heavy",
  email: "bench.heavy@example.com",
  events: 120_000,
  liveEnrollments: 10,
  endedEnrollments: 50,
  links: 40,
  orders: 5_000,
} as const;

/** The same creator shape with 1/100 of the history, in the same database. */
export const LIGHT = {
  creatorId: 2,
  handle: "bench.light",
  email: "bench.light@example.com",
  events: 1_200,
  liveEnrollments: 1,
  endedEnrollments: 0,
  links: 1,
  orders: 50,
} as const;

export const STAFF_EMAIL = "bench.staff@example.com";
export const MARKETING_EMAIL = "bench.marketing@example.com";
export const BENCH_PASSWORD = "bench-password";

/** Challenges 1..SHARED_CHALLENGES and shop products 1..SHARED_PRODUCTS are identical at every scale. */
export const SHARED_CHALLENGES = 200;
export const SHARED_PRODUCTS = 500;

export function scaleOf(factor: number, name: string): Scale {
  const n = (x: number, min = 1) => Math.max(min, Math.round(x * factor));
  return {
    name,
    factor,
    creators: n(100_000, 100),
    challenges: n(2_000, SHARED_CHALLENGES),
    enrollments: n(300_000, 300),
    events: n(10_000_000, 10_000),
    shopProducts: n(50_000, SHARED_PRODUCTS),
    affiliateLinks: n(200_000, 400),
    orders: n(1_000_000, 2_000),
    refundShare: 0.05,
    payoutMonths: 6,
    activityChunks: factor >= 0.5 ? 10 : 2,
  };
}

export const FULL = scaleOf(1, "full");
export const SMALL = scaleOf(0.01, "1/100");
