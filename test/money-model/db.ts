// The database side of the model check: reads what the app wrote into the same view as the
// model's (view.ts), and reads a whole database back into a model input (for
// scripts/check-money-model.ts, which checks e.g. the seeded demo). Observation only: nothing
// here decides money.
import { sql } from "drizzle-orm";
import { rows, type Executor } from "@/db";
import type { ModelLog, ModelWorld } from "./model";
import { iso, type LedgerView } from "./view";

export type Scope = {
  /** creator id → model key; only these creators are read */
  creators: Map<number, string>;
  /** challenge id → model key */
  challenges: Map<number, string>;
  /** challenge ids whose award statuses are first come, first served (kept out of the view) */
  contested: Set<number>;
  /** event, order and refund id → model id (e.g. strips a per-delivery prefix) */
  id: (id: string) => string;
  asOf: number;
};

const ms = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);

export async function readLedgerView(db: Executor, scope: Scope): Promise<LedgerView> {
  const creatorIds = [...scope.creators.keys()];
  const ids = sql`(select jsonb_array_elements_text(${JSON.stringify(creatorIds)}::jsonb)::int)`;
  const contested = JSON.stringify([...scope.contested]);
  const anomalies: string[] = [];

  const awardRows = await rows<{
    challenge_id: number;
    position: number;
    creator_id: number;
    status: string;
    reached_at: number;
    amount: number | null;
    original: number | null;
    currencies: string[] | null;
    entries: number;
  }>(
    db,
    sql`select e.challenge_id, m.position, a.creator_id, a.status::text as status, ${ms("a.reached_at")} as reached_at,
               sum(le.amount_minor)::float8 as amount,
               -- What the bonus was converted from: the award's own entry (an adjustment only moves cents).
               sum(le.original_amount_minor) filter (where le.kind = 'milestone_award')::float8 as original,
               array_agg(distinct le.currency::text) filter (where le.id is not null) as currencies, count(le.id)::int as entries
        from milestone_awards a
        join milestones m on m.id = a.milestone_id
        join enrollments e on e.id = a.enrollment_id
        left join ledger_entries le on le.milestone_award_id = a.id
        where a.creator_id in ${ids}
        group by a.id, e.challenge_id, m.position`,
  );
  const awards: LedgerView["awards"] = {};
  for (const a of awardRows) {
    const key = `${scope.challenges.get(a.challenge_id)}/${a.position}/${scope.creators.get(a.creator_id)}`;
    if ((a.currencies?.length ?? 0) > 1) anomalies.push(`award ${key} has entries in ${a.currencies!.join(" and ")}`);
    if (a.status === "paid" && a.entries === 0) anomalies.push(`award ${key} is paid without an entry`);
    if (a.status !== "paid" && a.entries > 0) anomalies.push(`award ${key} is ${a.status} with entries`);
    awards[key] = scope.contested.has(a.challenge_id)
      ? { reachedAt: iso(a.reached_at), status: "contested", amountMinor: 0, currency: null, originalAmountMinor: null }
      : {
          reachedAt: iso(a.reached_at),
          status: a.status,
          amountMinor: Number(a.amount ?? 0),
          currency: a.currencies?.[0] ?? null,
          originalAmountMinor: a.original === null ? null : Number(a.original),
        };
  }

  const orderRows = await rows<{
    id: string;
    amount: number;
    refunded: number;
    c_amount: number | null;
    c_currency: string | null;
    c_original: number | null;
    c_original_currency: string | null;
    c_rate: number | null;
    c_occurred: number | null;
    c_available: number | null;
    net: number;
    net_original: number | null;
  }>(
    db,
    sql`select o.id, o.amount_minor::float8 as amount, o.refunded_minor::float8 as refunded,
               c.amount_minor::float8 as c_amount, c.currency::text as c_currency, c.original_amount_minor::float8 as c_original,
               c.original_currency::text as c_original_currency, c.fx_rate_micros::float8 as c_rate,
               ${ms("c.occurred_at")} as c_occurred, ${ms("c.available_at")} as c_available,
               coalesce((select sum(x.amount_minor) from ledger_entries x where x.order_id = o.id and x.kind in ('commission', 'refund')), 0)::float8 as net,
               (select sum(x.original_amount_minor) from ledger_entries x where x.order_id = o.id and x.kind in ('commission', 'refund'))::float8 as net_original
        from orders o
        left join ledger_entries c on c.order_id = o.id and c.kind = 'commission'
        where o.creator_id in ${ids}`,
  );
  const orders: LedgerView["orders"] = {};
  for (const o of orderRows) {
    // PRODUCT.md: a full refund nets exactly zero, in the creator's currency and the order's.
    if (Number(o.refunded) === Number(o.amount) && (Number(o.net) !== 0 || (o.net_original ?? 0) !== 0))
      anomalies.push(`order ${scope.id(o.id)} is fully refunded but nets ${o.net} (${o.net_original} in its own currency)`);
    orders[scope.id(o.id)] = {
      commission:
        o.c_amount === null
          ? null
          : {
              amountMinor: Number(o.c_amount),
              currency: o.c_currency!,
              originalAmountMinor: o.c_original === null ? null : Number(o.c_original),
              originalCurrency: o.c_original_currency,
              fxRateMicros: o.c_rate === null ? null : Number(o.c_rate),
              occurredAt: iso(o.c_occurred!),
              availableAt: iso(o.c_available!),
            },
      refundedMinor: Number(o.refunded),
      netMinor: Number(o.net),
      netOriginalMinor: o.net_original === null ? null : Number(o.net_original),
    };
  }

  const refundRows = await rows<{ id: string }>(db, sql`select r.id from refunds r join orders o on o.id = r.order_id where o.creator_id in ${ids}`);

  // Entry by entry, what the net view cannot see: a reversal is dated at its refund, in its
  // commission's currency and rate, available with the commission it cancels or at once after.
  const wrongRefunds = await rows<{ id: string; why: string }>(
    db,
    sql`select le.refund_id as id, concat_ws(', ',
               case when le.occurred_at <> r.occurred_at then 'not dated at its refund' end,
               case when le.available_at <> greatest(r.occurred_at, c.available_at) then 'wrong available_at' end,
               case when le.currency <> c.currency or le.fx_rate_micros is distinct from c.fx_rate_micros then 'not at its commission''s currency and rate' end) as why
        from ledger_entries le
        join refunds r on r.id = le.refund_id
        join ledger_entries c on c.order_id = le.order_id and c.kind = 'commission'
        where le.kind = 'refund' and le.creator_id in ${ids}
          and (le.occurred_at <> r.occurred_at or le.available_at <> greatest(r.occurred_at, c.available_at)
               or le.currency <> c.currency or le.fx_rate_micros is distinct from c.fx_rate_micros)`,
  );
  for (const r of wrongRefunds) anomalies.push(`refund ${scope.id(r.id)}: ${r.why}`);

  const balanceRows = await rows<{ creator_id: number; currency: string; total: number; available: number }>(
    db,
    sql`select le.creator_id, le.currency::text as currency, sum(le.amount_minor)::float8 as total,
               coalesce(sum(le.amount_minor) filter (where le.available_at <= to_timestamp(${scope.asOf / 1000})), 0)::float8 as available
        from ledger_entries le
        left join milestone_awards a on a.id = le.milestone_award_id
        left join enrollments e on e.id = a.enrollment_id
        -- Payouts and manual adjustments are not money of the log.
        where le.creator_id in ${ids} and le.kind <> 'payout' and not (le.kind = 'adjustment' and le.milestone_award_id is null)
          and (e.challenge_id is null or e.challenge_id not in (select jsonb_array_elements_text(${contested}::jsonb)::int))
        group by 1, 2`,
  );
  const balances: LedgerView["balances"] = {};
  for (const b of balanceRows) balances[`${scope.creators.get(b.creator_id)} ${b.currency}`] = { totalMinor: Number(b.total), availableMinor: Number(b.available) };

  return { awards, orders, acceptedRefunds: refundRows.map((r) => scope.id(r.id)).sort(), balances, anomalies };
}

/**
 * A whole database as the model's input: what the app accepted (one payload per id, as
 * stored), creators by handle, challenges by id. Orders keep the rate they were paid at, so each
 * (link, rate) is its own model link; refunds in the order they were accepted.
 */
export async function loadModelInput(db: Executor): Promise<{ world: ModelWorld; log: ModelLog; scope: Omit<Scope, "contested" | "asOf"> }> {
  const creatorRows = await rows<{ id: number; handle: string; currency: string }>(db, sql`select id, handle, currency::text as currency from creators`);
  const challengeRows = await rows<{ id: number; currency: string; starts: number; ends: number; budget: number | null }>(
    db,
    sql`select id, currency::text as currency, ${ms("starts_at")} as starts, ${ms("ends_at")} as ends, budget_minor::float8 as budget
        from challenges where state <> 'draft'`,
  );
  const milestoneRows = await rows<{ challenge_id: number; position: number; metric: string; threshold: number; reward: number }>(
    db,
    sql`select challenge_id, position, metric::text as metric, threshold::float8 as threshold, reward_minor::float8 as reward from milestones`,
  );
  const enrollmentRows = await rows<{ challenge_id: number; creator_id: number; enrolled: number; withdrawn: number | null }>(
    db,
    sql`select challenge_id, creator_id, ${ms("enrolled_at")} as enrolled, ${ms("withdrawn_at")} as withdrawn from enrollments`,
  );
  const rateRows = await rows<{ day: string; base: string; quote: string; rate: number }>(
    db,
    sql`select day::text as day, base::text as base, quote::text as quote, rate_micros::float8 as rate from exchange_rates`,
  );
  const eventRows = await rows<{ id: string; creator_id: number; metric: string; amount: number; at: number }>(
    db,
    sql`select id, creator_id, metric::text as metric, amount::float8 as amount, ${ms("occurred_at")} as at from activity_events`,
  );
  const orderRows = await rows<{ id: string; code: string; bps: number; window: number; creator_id: number; amount: number; currency: string; at: number }>(
    db,
    sql`select o.id, al.code, o.commission_bps as bps, sp.return_window_days as window, o.creator_id, o.amount_minor::float8 as amount,
               o.currency::text as currency, ${ms("o.occurred_at")} as at
        from orders o join affiliate_links al on al.id = o.affiliate_link_id join shop_products sp on sp.id = o.shop_product_id`,
  );
  const refundRows = await rows<{ id: string; order_id: string; amount: number; at: number }>(
    db,
    sql`select id, order_id, amount_minor::float8 as amount, ${ms("occurred_at")} as at from refunds order by created_at, id`,
  );

  const handle = new Map(creatorRows.map((c) => [c.id, c.handle]));
  const challengeKey = (id: number) => `ch${id}`;
  const open = new Set(challengeRows.map((c) => c.id));
  const links = new Map<string, { code: string; creator: string; product: string }>();
  const products = new Map<string, { key: string; commissionBps: number; returnWindowDays: number }>();
  const orders = orderRows.map((o) => {
    const key = `${o.code}@${o.bps}/${o.window}`;
    products.set(key, { key, commissionBps: o.bps, returnWindowDays: o.window });
    links.set(key, { code: key, creator: handle.get(o.creator_id)!, product: key });
    return { id: o.id, code: key, amount: Number(o.amount), currency: o.currency, occurredAt: Number(o.at) };
  });
  const world: ModelWorld = {
    creators: creatorRows.map((c) => ({ key: c.handle, currency: c.currency })),
    challenges: challengeRows.map((c) => ({
      key: challengeKey(c.id),
      currency: c.currency,
      startsAt: Number(c.starts),
      endsAt: Number(c.ends),
      budgetMinor: c.budget === null ? null : Number(c.budget),
      milestones: milestoneRows
        .filter((m) => m.challenge_id === c.id)
        .map((m) => ({ position: m.position, metric: m.metric, threshold: Number(m.threshold), rewardMinor: Number(m.reward) })),
    })),
    enrollments: enrollmentRows
      .filter((e) => open.has(e.challenge_id))
      .map((e) => ({
        challenge: challengeKey(e.challenge_id),
        creator: handle.get(e.creator_id)!,
        enrolledAt: Number(e.enrolled),
        withdrawnAt: e.withdrawn === null ? null : Number(e.withdrawn),
      })),
    products: [...products.values()],
    links: [...links.values()],
    rates: rateRows.map((r) => ({ day: r.day, base: r.base, quote: r.quote, rateMicros: Number(r.rate) })),
  };
  const log: ModelLog = {
    events: eventRows.map((e) => ({ id: e.id, creator: handle.get(e.creator_id)!, metric: e.metric, amount: Number(e.amount), occurredAt: Number(e.at) })),
    orders,
    refunds: refundRows.map((r) => ({ id: r.id, orderId: r.order_id, amount: Number(r.amount), occurredAt: Number(r.at) })),
  };
  const scope = {
    creators: handle,
    challenges: new Map(challengeRows.map((c) => [c.id, challengeKey(c.id)])),
    id: (id: string) => id,
  };
  return { world, log, scope };
}
