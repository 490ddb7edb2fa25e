// WHAT THE BENCH MEASURES: one entry per page. To add a page, add an entry to PAGES:
//
//   {
//     id: "creator-payouts",
//     title: "Creator payouts (`/creator/payouts`)",
//     path: () => "/creator/payouts",
//     user: "heavy",
//     // The DAL calls the page makes: the calls of one step run in parallel (the page's
//     // Promise.all), the steps one after the other.
//     dal: async () => {
//       const m = await import("../lib/dal/statements/queries");
//       return [[async () => m.listMyPayouts(await pageCaller())]];
//     },
//   },
//
// The bench then measures the page over HTTP (signed in as `user`), captures the SQL those DAL
// calls send and replays it as the page's database floor, times each statement and EXPLAINs the
// heaviest. SQL_FLOORS is for a page that is not merged yet: its modeled SQL, measured alone.
import { HEAVY } from "./scale";
import type { Loader, Statement } from "./floor";

export type BenchUser = "heavy" | "light" | "staff" | "marketing";

export type Ctx = {
  anchor: string;
  /** A live challenge the heavy and the light creator are both enrolled in. */
  challengeId: number;
  creatorIds: Record<"heavy" | "light", number>;
};

export type PageCase = {
  id: string;
  title: string;
  path: (ctx: Ctx) => string;
  user: BenchUser;
  /** Also measured for the light creator (same shape, 1/100 of the history) in the same database. */
  alsoLight?: boolean;
  dal: (ctx: Ctx) => Promise<Loader[][]>;
};

export type SqlCase = {
  id: string;
  title: string;
  /** The page this stands for, and why it is SQL only here. */
  note: string;
  user: BenchUser;
  /** Steps in order, statements of a step in parallel (after the signed-in user's own row). */
  steps: (ctx: Ctx) => Statement[][];
};

/**
 * The signed-in user's caller, as the page gets it from requireRole. Its identity read is the
 * plan's first step already (bench/floor.ts leaves those statements out of each call's own).
 */
async function pageCaller() {
  const { currentCaller } = await import("../lib/dal/session");
  const caller = await currentCaller();
  if (!caller) throw new Error("bench: the loader runs signed out");
  return caller;
}

export const PAGES: PageCase[] = [
  {
    id: "creator-home",
    title: "Creator home (`/creator`)",
    path: () => "/creator",
    user: "heavy",
    alsoLight: true,
    dal: async () => {
      const m = await import("../lib/dal/creator-home/queries");
      return [
        [
          async () => m.getMyNewAwards(await pageCaller()),
          async () => m.getMyEarningsSummary(await pageCaller()),
          async () => m.getMyEarningsSeries(await pageCaller(), "90d"),
          async () => m.getMyLiveChallenges(await pageCaller()),
        ],
      ];
    },
  },
  {
    id: "creator-challenge",
    title: "Creator challenge page (`/creator/challenges/[id]`)",
    path: (ctx) => `/creator/challenges/${ctx.challengeId}`,
    user: "heavy",
    alsoLight: true,
    dal: async (ctx) => {
      const m = await import("../lib/dal/challenges/queries");
      return [[async () => m.getMyChallenge(await pageCaller(), ctx.challengeId)]];
    },
  },
  {
    id: "creator-earnings",
    title: "Creator earnings (`/creator/earnings`), first page",
    path: () => "/creator/earnings",
    user: "heavy",
    alsoLight: true,
    dal: async () => {
      const m = await import("../lib/dal/earnings/queries");
      const query = { kind: null, status: null, order: null, page: 1 };
      return [[async () => m.listMyEntries(await pageCaller(), query), async () => m.getMyCommissionBreakdown(await pageCaller())]];
    },
  },
  {
    id: "staff-queue",
    title: "Staff payout queue (`/staff/payouts`), pending review in FR by amount, page 2",
    path: () => `/staff/payouts?${STAFF_QUEUE_QUERY}`,
    user: "staff",
    dal: async () => {
      const [m, runs, v] = await Promise.all([import("../lib/dal/payouts/queries"), import("../lib/dal/payouts/run"), import("../lib/validation/payouts")]);
      const filters = v.parseQueueFilters(Object.fromEntries(new URLSearchParams(STAFF_QUEUE_QUERY)));
      return [
        [async () => m.getQueueChoices(await pageCaller())],
        [
          async () => m.listPayoutQueue(await pageCaller(), filters),
          async () => m.getPayoutStatusSeries(await pageCaller(), filters, "EUR"),
          async () => runs.listRecentPayoutRuns(await pageCaller()),
        ],
      ];
    },
  },
  {
    id: "audience-estimate",
    title: "Marketing challenge page with its audience estimate (`/marketing/challenges/[id]`)",
    path: (ctx) => `/marketing/challenges/${ctx.challengeId}`,
    user: "marketing",
    dal: async (ctx) => {
      const m = await import("../lib/dal/challenge-authoring/queries");
      return [
        [async () => m.getChallengeForMarketing(await pageCaller(), ctx.challengeId)],
        [
          async () => {
            const caller = await pageCaller();
            const estimate = m.estimateAudience(caller, ctx.challengeId);
            return Promise.all([estimate, m.getChallengeFollowUp(caller, ctx.challengeId, { estimate })]);
          },
          async () => m.getChallengeHistory(await pageCaller(), ctx.challengeId),
        ],
      ];
    },
  },
];

const STAFF_QUEUE_QUERY = "status=pending_review&country=FR&sort=amount_desc&currency=EUR&page=2";

// Database floors of pages that are not merged yet: none today. Each page is a PAGES entry.
export const SQL_FLOORS: SqlCase[] = [];

/** The payout run over all creators, for the current month, rolled back after each timing. */
export function payoutRunCase(ctx: Ctx): { title: string; run: { period: string; endIso: string; actorId: null } } {
  const period = ctx.anchor.slice(0, 7);
  return {
    title: `Payout run over all creators (period ${period})`,
    run: { period, endIso: nextMonth(ctx.anchor), actorId: null },
  };
}

function nextMonth(iso: string): string {
  const d = new Date(iso);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString();
}

export { HEAVY };
