// WHAT THE BENCH MEASURES: one entry per page, and one per database floor of a page that is not
// on this branch yet. To add a page once it is merged, add an entry to PAGES:
//
//   {
//     id: "creator-earnings",
//     title: "Creator earnings list",
//     path: () => "/creator/earnings",
//     user: "heavy",
//     // The DAL calls the page makes: the calls of one step run in parallel (the page's Promise.all).
//     dal: async () => {
//       const m = await import("../lib/dal/earnings");
//       return [[() => m.listMyEarnings({ page: 1 })]];
//     },
//   },
//
// The bench then measures the page over HTTP (signed in as `user`), captures the SQL those DAL
// calls send and replays it as the page's database floor, times each statement and EXPLAINs the
// heaviest. Then delete the page's entry from SQL_FLOORS below (or keep it as a reference).
import { HEAVY } from "./scale";
import type { Loader, Statement } from "./floor";
import { payoutRunSql } from "./payout-run";

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

export const PAGES: PageCase[] = [
  {
    id: "creator-home",
    title: "Creator home (`/creator`)",
    path: () => "/creator",
    user: "heavy",
    alsoLight: true,
    dal: async () => {
      const m = await import("../lib/dal/creator-home");
      return [[() => m.takeMyNewAwards(), () => m.getMyEarningsSummary(), () => m.getMyEarningsSeries("90d"), () => m.getMyLiveChallenges()]];
    },
  },
  {
    id: "creator-challenge",
    title: "Creator challenge page (`/creator/challenges/[id]`)",
    path: (ctx) => `/creator/challenges/${ctx.challengeId}`,
    user: "heavy",
    alsoLight: true,
    dal: async (ctx) => {
      const m = await import("../lib/dal/challenges");
      return [[() => m.getMyChallenge(ctx.challengeId)]];
    },
  },
];

const creator = (ctx: Ctx) => ctx.creatorIds.heavy;

// The status of a ledger entry, as lib/dal/ledger-sql.ts derives it.
const ENTRY_STATUS = `(case when p.status = 'paid' then 'paid' when pi.payout_id is not null then 'in_payout'
  when le.available_at <= now() then 'available' else 'pending' end)`;
const ENTRY_JOINS = `ledger_entries le
  left join payout_items pi on pi.ledger_entry_id = le.id and pi.released_at is null
  left join payouts p on p.id = pi.payout_id`;

export const SQL_FLOORS: SqlCase[] = [
  {
    id: "earnings-list",
    title: "Creator earnings list (`/creator/earnings`), first page of 50",
    note: "Not on this branch yet: the database floor modeled on the schema — the heavy creator's ledger entries with their derived status, newest first, 50 a page, with the count for the pager.",
    user: "heavy",
    steps: (ctx) => [
      [
        {
          text: `select le.id, le.kind, le.amount_minor::float8 as amount_minor, le.currency::text as currency, le.occurred_at, le.available_at,
                        le.order_id, le.milestone_award_id, ${ENTRY_STATUS} as status
                 from ${ENTRY_JOINS}
                 where le.creator_id = $1
                 order by le.occurred_at desc, le.id desc
                 limit 50 offset 0`,
          params: [creator(ctx)],
        },
        { text: `select count(*)::int as n from ledger_entries where creator_id = $1`, params: [creator(ctx)] },
      ],
    ],
  },
  {
    id: "staff-queue",
    title: "Staff payout queue (`/staff/payouts`), pending review in FR by amount",
    note: "Not on this branch yet: the database floor modeled on the schema — payouts filtered by status and country, sorted by amount, 50 a page, with the filtered totals per currency.",
    user: "staff",
    steps: () => [
      [
        {
          text: `select p.id, r.period, p.creator_id, c.handle, c.display_name, c.country::text as country, p.currency::text as currency,
                        p.amount_minor::float8 as amount_minor, p.status, p.approvals_required, p.created_at,
                        (select count(*) from payout_approvals a where a.payout_id = p.id)::int as approvals
                 from payouts p join creators c on c.id = p.creator_id join payout_runs r on r.id = p.run_id
                 where p.status = $1 and c.country = $2
                 order by p.amount_minor desc, p.id asc
                 limit 50 offset 0`,
          params: ["pending_review", "FR"],
        },
        {
          text: `select p.currency::text as currency, count(*)::int as count, sum(p.amount_minor)::float8 as amount
                 from payouts p join creators c on c.id = p.creator_id
                 where p.status = $1 and c.country = $2
                 group by p.currency order by count(*) desc, p.currency`,
          params: ["pending_review", "FR"],
        },
      ],
    ],
  },
  {
    id: "audience-estimate",
    title: "Marketing audience estimate (`/marketing/challenges/[id]`)",
    note: "Not on this branch yet: the database floor modeled on the schema — creators matching a follower range, platform and countries, counted by tier and country.",
    user: "marketing",
    steps: () => [
      [
        {
          text: `select case when followers < 10000 then 'nano' when followers < 100000 then 'micro'
                             when followers < 1000000 then 'mid' else 'macro' end as tier,
                        country::text as country, count(*)::int as creators
                 from creators
                 where followers >= $1 and followers <= $2 and platform = $3 and country = any($4::text[])
                 group by 1, 2 order by 1, 2`,
          params: [10_000, 1_000_000, "instagram", "{FR,BE,DE,US,GB}"],
        },
      ],
    ],
  },
];

/** The payout run over all creators, for the current month, rolled back after each timing. */
export function payoutRunCase(ctx: Ctx): { title: string; statements: string[] } {
  const period = ctx.anchor.slice(0, 7);
  return {
    title: `Payout run over all creators (period ${period})`,
    statements: payoutRunSql({ period, endIso: nextMonth(ctx.anchor), actorId: null }),
  };
}

function nextMonth(iso: string): string {
  const d = new Date(iso);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString();
}

export { HEAVY };
