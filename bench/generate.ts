// Generates the benchmark data set inside PostgreSQL with generate_series: nothing is built row
// by row in JavaScript. Every "random" choice is a hash of the row's key (bench.u), so the same
// scale gives the same data, and rows shared between scales (the heavy creator, challenges
// 1..200, products 1..500) are identical in the small and the full database.
//
// Bench-session-only shortcuts, none of them visible to the app: synchronous_commit = off,
// session_replication_role = replica (foreign keys and triggers are not checked while loading:
// the generator writes consistent rows by construction), a large work_mem, and the secondary
// indexes and primary keys of the four activity tables dropped during the load and rebuilt
// after it from their own definitions. VACUUM ANALYZE at the end.
import type postgres from "postgres";
import { hash } from "@node-rs/argon2";
import { BENCH_PASSWORD, HEAVY, LIGHT, MARKETING_EMAIL, SHARED_CHALLENGES, SHARED_PRODUCTS, STAFF_EMAIL, type Scale } from "./scale";
import { runPayouts } from "./payout-run";

type Sql = postgres.Sql;
type Log = (line: string) => void;

export type Generated = {
  anchor: string;
  users: { heavy: number; light: number; staff: number; marketing: number };
  counts: Record<string, number>;
  steps: { step: string; seconds: number }[];
  seconds: number;
};

const SESSION = [
  "set synchronous_commit = off",
  "set session_replication_role = replica",
  "set work_mem = '256MB'",
  "set maintenance_work_mem = '512MB'",
  "set timezone = 'UTC'",
  "set jit = off",
];

/** Tables whose indexes are dropped during the load and rebuilt after (none is referenced by a foreign key). */
const REBUILT_TABLES = ["activity_events", "activity_event_receipts", "creator_daily_metrics", "enrollment_progress"];

export async function generate(sql: Sql, scale: Scale, log: Log, connect: () => Sql): Promise<Generated> {
  const started = Date.now();
  const steps: Generated["steps"] = [];
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    const out = await fn();
    const seconds = (Date.now() - t0) / 1000;
    steps.push({ step: name, seconds });
    log(`  ${name} (${seconds.toFixed(1)} s)`);
    return out;
  };
  for (const s of SESSION) await sql.unsafe(s);
  // The anchor is "now", to the minute: live challenges are live, pending commissions pending.
  const [{ anchor }] = await sql<{ anchor: string }[]>`select to_char(date_trunc('minute', now()) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as anchor`;
  const A = `'${anchor}'::timestamptz`;
  const N = scale.creators;
  const C = scale.challenges;
  const P = scale.shopProducts;

  await step("helpers", () =>
    sql.unsafe(`
      create schema bench;
      -- A uniform number in [0, 1) from a key and a topic: deterministic and parallel-safe.
      create function bench.u(n bigint, k int) returns float8 language sql immutable parallel safe
        as $$ select ((hashint8extended(n, k) >> 11) & 9007199254740991)::float8 / 9007199254740992.0 $$;
      create function bench.log_uniform(u float8, lo float8, hi float8) returns float8 language sql immutable parallel safe
        as $$ select exp(ln(lo) + u * (ln(hi) - ln(lo))) $$;
    `),
  );

  const passwordHash = await hash(BENCH_PASSWORD, { algorithm: 2 });
  const users = await step("users", async () => {
    const found = await sql<{ id: number; email: string }[]>`
      insert into users (email, name, password_hash, role) values
        (${HEAVY.email}, 'Heavy Creator', ${passwordHash}, 'creator'),
        (${LIGHT.email}, 'Light Creator', ${passwordHash}, 'creator'),
        (${STAFF_EMAIL}, 'Bench Staff', ${passwordHash}, 'staff'),
        (${MARKETING_EMAIL}, 'Bench Marketing', ${passwordHash}, 'marketing')
      returning id, email`;
    const id = (email: string) => found.find((u) => u.email === email)!.id;
    return { heavy: id(HEAVY.email), light: id(LIGHT.email), staff: id(STAFF_EMAIL), marketing: id(MARKETING_EMAIL) };
  });

  await step(`creators (${N.toLocaleString("en")})`, () =>
    sql.unsafe(`
      insert into creators (id, user_id, handle, display_name, platform, followers, country, currency, created_at, updated_at)
      overriding system value
      select i,
             case i when ${HEAVY.creatorId} then ${users.heavy} when ${LIGHT.creatorId} then ${users.light} end,
             case i when ${HEAVY.creatorId} then '${HEAVY.handle}' when ${LIGHT.creatorId} then '${LIGHT.handle}' else 'bench.c' || i end,
             case i when ${HEAVY.creatorId} then 'Heavy Creator' when ${LIGHT.creatorId} then 'Light Creator' else 'Creator ' || i end,
             (case when i <= 2 or bench.u(i, 3) < 0.55 then 'instagram' else 'facebook' end)::platform,
             -- Most creators are the "middle class": 10k to 1M followers, log-uniform.
             case when i <= 2 then 250000
                  when t < 0.08 then round(bench.log_uniform(bench.u(i, 2), 1000, 10000))
                  when t < 0.92 then round(bench.log_uniform(bench.u(i, 2), 10000, 1000000))
                  else round(bench.log_uniform(bench.u(i, 2), 1000000, 20000000)) end::int,
             country,
             case when country in ('FR','DE','ES','IT','BE','NL') then 'EUR' when country = 'US' then 'USD'
                  when country = 'BR' then 'BRL' when country = 'GB' then 'GBP' when country = 'PL' then 'PLN' else 'SEK' end,
             ${A} - interval '1 day' * (400 + floor(bench.u(i, 5) * 900)), ${A}
      from (select i, bench.u(i, 1) as t,
                   case when i <= 2 then 'FR' else (array['FR','FR','FR','FR','FR','US','US','US','US','DE','DE','ES','IT','BE','NL','BR','BR','GB','GB','PL','SE'])[1 + floor(bench.u(i, 4) * 21)::int] end as country
            from generate_series(1, ${N}) i) x;
      alter table creators alter column id restart with ${N + 1};
    `),
  );

  await step("exchange rates", () =>
    sql.unsafe(`
      insert into exchange_rates (day, base, quote, rate_micros)
      select d::date, b.code, q.code, round(b.v / q.v * (1 + 0.02 * sin(extract(epoch from d) / 2592000.0)) * 1000000)::bigint
      from generate_series(date_trunc('day', ${A}) - interval '400 days', date_trunc('day', ${A}), interval '1 day') d
      cross join (values ('EUR', 1.0), ('USD', 0.92), ('GBP', 1.17)) b(code, v)
      cross join (values ('EUR', 1.0), ('USD', 0.92), ('GBP', 1.17), ('BRL', 0.17), ('PLN', 0.23), ('SEK', 0.087)) q(code, v)
      where b.code <> q.code;
    `),
  );

  await step(`challenges (${C.toLocaleString("en")}) and milestones`, () =>
    sql.unsafe(`
      insert into challenges (id, kind, platform, state, title_en, title_fr, description_en, description_fr, starts_at, ends_at,
                              min_followers, max_followers, countries, currency, created_at, updated_at)
      overriding system value
      select j, (array['stars','live_badges','live_together','tasks'])[1 + j % 4]::challenge_kind,
             (case when j % 3 = 0 then 'facebook' else 'instagram' end)::platform,
             (case when j <= 12 then 'published' when s < 0.04 then 'draft' when s < 0.07 then 'archived' else 'published' end)::challenge_state,
             'Bench challenge ' || j, 'Défi de banc ' || j, 'Generated for the benchmark.', 'Généré pour le banc d''essai.',
             starts_at, starts_at + dur,
             case when bench.u(j, 14) < 0.7 then 10000 else 0 end,
             case when bench.u(j, 14) < 0.7 then 1000000 end,
             case when bench.u(j, 15) < 0.8 then '{}'::text[] when bench.u(j, 15) < 0.9 then '{FR,BE}'::text[] else '{US,GB}'::text[] end,
             case when bench.u(j, 16) < 0.7 then 'EUR' else 'USD' end,
             starts_at - interval '14 days', starts_at - interval '14 days'
      from (select j, bench.u(j, 13) as s,
                   -- Challenges 1..12 are live now, so the heavy creator has live work to show.
                   case when j <= 12 then ${A} - (3 + j) * interval '1 day'
                        else ${A} - interval '365 days' + bench.u(j, 11) * interval '395 days' end as starts_at,
                   case when j <= 12 then (30 + j) * interval '1 day' else (14 + floor(bench.u(j, 12) * 46)) * interval '1 day' end as dur
            from generate_series(1, ${C}) j) x;
      alter table challenges alter column id restart with ${C + 1};

      insert into milestones (challenge_id, position, metric, threshold, reward_minor)
      select c.id, p, mm.metric, mm.threshold, (p * 2500 + floor(bench.u(c.id * 10 + p, 17) * 20) * 100)::bigint
      from challenges c cross join generate_series(1, 3) p
      cross join lateral (
        select case c.kind when 'stars' then (case when p = 2 then 'minutes_streamed' else 'stars_received' end)
                           when 'live_badges' then 'badges_sold' when 'live_together' then 'live_with_guest' else 'live_sessions' end::metric as metric,
               case c.kind when 'stars' then (array[400, 600, 8000])[p] when 'live_badges' then (array[10, 40, 150])[p]
                           when 'live_together' then (array[2, 5, 12])[p] else (array[3, 8, 20])[p] end as threshold
      ) mm;
    `),
  );

  await step(`enrollments (${scale.enrollments.toLocaleString("en")})`, async () => {
    await sql.unsafe(`
      create table bench.started as
        select row_number() over (order by id)::int as rn, id, starts_at, ends_at from challenges
        where state <> 'draft' and starts_at < ${A};
    `);
    const [{ m }] = await sql<{ m: number }[]>`select count(*)::int as m from bench.started`;
    const others = scale.enrollments - HEAVY.liveEnrollments - HEAVY.endedEnrollments - LIGHT.liveEnrollments;
    await sql.unsafe(`
      insert into enrollments (challenge_id, creator_id, enrolled_at, withdrawn_at, created_at, updated_at)
      select s.id, x.creator_id, x.enrolled_at, x.withdrawn_at, x.enrolled_at, coalesce(x.withdrawn_at, x.enrolled_at)
      from (
        select k, 3 + k % ${N - 2} as creator_id, k / ${N - 2} as r from generate_series(0, ${others - 1}) k
      ) y
      join bench.started s on s.rn = ((floor(bench.u(y.creator_id, 21) * ${m})::int + y.r * 7) % ${m}) + 1
      cross join lateral (select s.starts_at + (least(s.ends_at, ${A}) - s.starts_at) * 0.5 * bench.u(y.k, 22) as enrolled_at) e
      cross join lateral (
        select e.enrolled_at, case when bench.u(y.k, 23) < 0.05
          then e.enrolled_at + (least(s.ends_at, ${A}) - e.enrolled_at) * bench.u(y.k, 24) end as withdrawn_at,
          y.creator_id
      ) x;

      -- The heavy creator: the live challenges 1..${HEAVY.liveEnrollments} and the first ${HEAVY.endedEnrollments} ended ones
      -- among the challenges shared by every scale; the light creator: challenge 1.
      insert into enrollments (challenge_id, creator_id, enrolled_at, created_at, updated_at)
      select id, ${HEAVY.creatorId}, starts_at + interval '2 hours', starts_at + interval '2 hours', starts_at + interval '2 hours' from (
        (select id, starts_at from challenges where id <= ${HEAVY.liveEnrollments} order by id)
        union all
        (select id, starts_at from challenges where id > 12 and id <= ${SHARED_CHALLENGES} and state = 'published' and ends_at < ${A}
         order by id limit ${HEAVY.endedEnrollments})
      ) h
      union all
      select id, ${LIGHT.creatorId}, starts_at + interval '2 hours', starts_at + interval '2 hours', starts_at + interval '2 hours'
      from challenges where id <= ${LIGHT.liveEnrollments};
    `);
  });

  // Activity: per creator a number of events (heavily skewed: most creators are quiet) spread over
  // live sessions on a few days of the last 12 months; the heavy creator goes live most days.
  // At 1/100 the heavy creator alone outweighs the target: then the other creators get the whole target.
  const othersEvents = scale.events > 2 * (HEAVY.events + LIGHT.events) ? scale.events - HEAVY.events - LIGHT.events : scale.events;
  await sql.unsafe(`
    create table bench.activity as
    select i as creator_id,
           case i when ${HEAVY.creatorId} then ${HEAVY.events} when ${LIGHT.creatorId} then ${LIGHT.events}
                  else floor(5.0 * ${othersEvents} / ${N - 2} * pow(bench.u(i, 31), 4))::int end as n
    from generate_series(1, ${N}) i;
    alter table bench.activity add column days int;
    update bench.activity set days = case when creator_id = ${HEAVY.creatorId} then 365 else greatest(1, n / 20) end;
  `);
  const dropped = await step("drop activity indexes for the load", () => dropIndexes(sql, REBUILT_TABLES));

  const chunks = scale.activityChunks;
  const bounds = Array.from({ length: chunks }, (_, i) => [Math.floor((i * N) / chunks) + 1, Math.floor(((i + 1) * N) / chunks)] as const);
  await step(`activity events (~${scale.events.toLocaleString("en")}) with receipts, daily rollup and enrollment progress`, async () => {
    // Two connections load disjoint creator ranges at once; each chunk is one statement that writes
    // the events, their receipts, the per-day rollup and the enrollment progress of its creators.
    const second = connect();
    for (const s of SESSION) await second.unsafe(s);
    try {
      const queue = [...bounds.entries()];
      let done = 0;
      const worker = async (db: Sql) => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const [i, [lo, hi]] = next;
          const t0 = Date.now();
          const [{ n }] = await db.unsafe<{ n: number }[]>(activityChunkSql(A, lo, hi));
          done++;
          log(`    chunk ${i + 1}/${chunks}: creators ${lo}..${hi}, ${Number(n).toLocaleString("en")} events (${((Date.now() - t0) / 1000).toFixed(1)} s) [${done}/${chunks}]`);
        }
      };
      await Promise.all([worker(sql), worker(second)]);
    } finally {
      await second.end({ timeout: 5 });
    }
  });
  await step("rebuild activity indexes", () => rebuildIndexes(sql, dropped, connect));

  await step("milestone awards and their ledger entries", () =>
    sql.unsafe(`
      insert into milestone_awards (enrollment_id, milestone_id, creator_id, status, reached_at, seen_at, created_at)
      select e.id, m.id, e.creator_id, 'paid', r, r, r
      from enrollment_progress p
      join enrollments e on e.id = p.enrollment_id
      join challenges c on c.id = e.challenge_id
      join milestones m on m.challenge_id = c.id and m.metric = p.metric and m.threshold <= p.total
      cross join lateral (select e.enrolled_at + (least(c.ends_at, ${A} - interval '1 hour', coalesce(e.withdrawn_at, ${A})) - e.enrolled_at)
                                 * (0.2 + 0.7 * bench.u(e.id::bigint * 10 + m.position, 61)) as r) x
      order by r;

      insert into ledger_entries (creator_id, kind, amount_minor, currency, milestone_award_id, original_amount_minor, original_currency,
                                  fx_rate_micros, occurred_at, available_at, created_at)
      select a.creator_id, 'milestone_award',
             case when c.currency = cr.currency then m.reward_minor else greatest(1, round(m.reward_minor * fx.rate_micros / 1000000.0))::bigint end,
             cr.currency, a.id,
             case when c.currency <> cr.currency then m.reward_minor end,
             case when c.currency <> cr.currency then c.currency end,
             case when c.currency <> cr.currency then fx.rate_micros end,
             a.reached_at, a.reached_at, a.reached_at
      from milestone_awards a
      join milestones m on m.id = a.milestone_id
      join challenges c on c.id = m.challenge_id
      join creators cr on cr.id = a.creator_id
      left join exchange_rates fx on fx.base = c.currency and fx.quote = cr.currency and fx.day = (a.reached_at at time zone 'UTC')::date
      order by a.reached_at;
    `),
  );

  const L = scale.affiliateLinks;
  const otherLinks = L - HEAVY.links - LIGHT.links;
  const firstOtherLink = HEAVY.links + LIGHT.links + 1;
  await step(`shop products (${P.toLocaleString("en")}) and affiliate links (${L.toLocaleString("en")})`, () =>
    sql.unsafe(`
      insert into shop_products (id, merchant, title, category, price_minor, currency, url, commission_bps, return_window_days, created_at, updated_at)
      overriding system value
      select j, 'Merchant ' || (1 + j % 997), 'Product ' || j,
             (array['beauty','fashion','home','kitchen','sport','tech','games','books','toys','garden','music','travel'])[1 + j % 12],
             (500 + floor(bench.u(j, 71) * 29500))::bigint,
             (array['EUR','EUR','USD','GBP'])[1 + floor(bench.u(j, 72) * 4)::int],
             'https://shop.example.com/p/' || j,
             (300 + floor(bench.u(j, 73) * 17) * 100)::int,
             (array[14, 30, 30, 60])[1 + floor(bench.u(j, 74) * 4)::int],
             ${A} - interval '500 days', ${A} - interval '500 days'
      from generate_series(1, ${P}) j;
      alter table shop_products alter column id restart with ${P + 1};

      insert into affiliate_links (id, creator_id, shop_product_id, code, clicks, created_at)
      overriding system value
      select j, ${HEAVY.creatorId}, j, 'bh' || j, floor(bench.u(j, 82) * 5000)::bigint, ${A} - interval '400 days'
      from generate_series(1, ${HEAVY.links}) j
      union all
      select ${HEAVY.links} + j, ${LIGHT.creatorId}, j, 'bl' || j, floor(bench.u(j, 82) * 500)::bigint, ${A} - interval '400 days'
      from generate_series(1, ${LIGHT.links}) j
      union all
      select ${firstOtherLink} + k, creator_id, ((floor(bench.u(creator_id, 81) * ${P})::int + r * 13) % ${P}) + 1, 'l' || k,
             floor(bench.u(k, 83) * 800)::bigint, ${A} - interval '1 day' * (370 + floor(bench.u(k, 84) * 300))
      from (select k, 3 + k % ${N - 2} as creator_id, k / ${N - 2} as r from generate_series(0, ${otherLinks - 1}) k) y;
      alter table affiliate_links alter column id restart with ${L + 1};
    `),
  );
  void SHARED_PRODUCTS;

  const otherOrders = scale.orders - HEAVY.orders - LIGHT.orders;
  await step(`orders (${scale.orders.toLocaleString("en")}) with ${Math.round(scale.refundShare * 100)} % refunds`, () =>
    sql.unsafe(`
      insert into orders (id, affiliate_link_id, creator_id, shop_product_id, amount_minor, currency, refunded_minor, commission_bps, buyer_ref, occurred_at, created_at)
      select o.id, l.id, l.creator_id, l.shop_product_id, amt, sp.currency,
             case when bench.u(o.key, 93) < ${scale.refundShare} then amt else 0 end, sp.commission_bps,
             'buyer_' || floor(bench.u(o.key, 94) * 1000000)::int, o.t, o.t
      from (
        select 'o' || k as id, k::bigint as key, ${firstOtherLink} + floor(pow(bench.u(k, 91), 1.5) * ${otherLinks})::int as link_id,
               ${A} - interval '365 days' * bench.u(k, 92) as t
        from generate_series(1, ${otherOrders}) k
        union all
        select 'oh' || k, 100000000 + k, 1 + k % ${HEAVY.links}, ${A} - interval '365 days' * bench.u(100000000 + k, 92)
        from generate_series(1, ${HEAVY.orders}) k
        union all
        select 'ol' || k, 200000000 + k, ${HEAVY.links} + 1 + k % ${LIGHT.links}, ${A} - interval '365 days' * bench.u(200000000 + k, 92)
        from generate_series(1, ${LIGHT.orders}) k
      ) o
      join affiliate_links l on l.id = o.link_id
      join shop_products sp on sp.id = l.shop_product_id
      cross join lateral (select sp.price_minor * (1 + floor(bench.u(o.key, 95) * 2))::bigint as amt) a
      order by o.t;

      insert into refunds (id, order_id, amount_minor, occurred_at, created_at)
      select 'r' || o.id, o.id, o.refunded_minor, t, t
      from orders o cross join lateral (select least(${A} - interval '1 minute', o.occurred_at + interval '1 day' * (1 + floor(bench.u(length(o.id) * 7919 + o.amount_minor, 96) * 20))) as t) x
      where o.refunded_minor > 0
      order by t;
    `),
  );

  await step("commission and refund ledger entries", () =>
    sql.unsafe(`
      insert into ledger_entries (creator_id, kind, amount_minor, currency, order_id, original_amount_minor, original_currency, fx_rate_micros,
                                  occurred_at, available_at, created_at)
      select o.creator_id, 'commission',
             case when o.currency = cr.currency then comm else greatest(1, round(comm * fx.rate_micros / 1000000.0))::bigint end,
             cr.currency, o.id,
             case when o.currency <> cr.currency then comm end,
             case when o.currency <> cr.currency then o.currency end,
             case when o.currency <> cr.currency then fx.rate_micros end,
             o.occurred_at, o.occurred_at + sp.return_window_days * interval '1 day', o.occurred_at
      from orders o
      join shop_products sp on sp.id = o.shop_product_id
      join creators cr on cr.id = o.creator_id
      left join exchange_rates fx on fx.base = o.currency and fx.quote = cr.currency and fx.day = (o.occurred_at at time zone 'UTC')::date
      cross join lateral (select greatest(1, round(o.amount_minor * o.commission_bps / 10000.0))::bigint as comm) c
      order by o.occurred_at;

      insert into ledger_entries (creator_id, kind, amount_minor, currency, order_id, refund_id, original_amount_minor, original_currency,
                                  fx_rate_micros, occurred_at, available_at, created_at)
      select le.creator_id, 'refund', -le.amount_minor, le.currency, le.order_id, r.id, -le.original_amount_minor, le.original_currency,
             le.fx_rate_micros, r.occurred_at, r.occurred_at, r.occurred_at
      from refunds r join ledger_entries le on le.order_id = r.order_id and le.kind = 'commission'
      order by r.occurred_at;
    `),
  );

  await step(`payout history (${scale.payoutMonths} monthly runs)`, async () => {
    for (let age = scale.payoutMonths; age >= 1; age--) {
      const [{ period, end }] = await sql<{ period: string; end: string }[]>`
        select to_char(date_trunc('month', ${anchor}::timestamptz) - ${age} * interval '1 month', 'YYYY-MM') as period,
               to_char(date_trunc('month', ${anchor}::timestamptz) - ${age - 1} * interval '1 month', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as end`;
      await sql.begin(async (tx) => {
        await runPayouts(tx, { period, endIso: end, actorId: null });
        await tx.unsafe(settleRunSql(period, end, age, users.staff, users.marketing));
      });
    }
  });

  await step("challenge counters", () =>
    sql.unsafe(`
      update challenges c set
        enrolled_count = (select count(*) from enrollments e where e.challenge_id = c.id and e.withdrawn_at is null),
        spent_minor = (select coalesce(sum(m.reward_minor), 0) from milestone_awards a join milestones m on m.id = a.milestone_id
                       where m.challenge_id = c.id and a.status = 'paid');
    `),
  );

  await step("vacuum analyze", async () => {
    await sql.unsafe("set session_replication_role = origin");
    await sql.unsafe("vacuum analyze");
  });

  const counts: Record<string, number> = {};
  for (const table of [
    "creators", "challenges", "milestones", "enrollments", "activity_events", "activity_event_receipts", "creator_daily_metrics",
    "enrollment_progress", "milestone_awards", "shop_products", "affiliate_links", "orders", "refunds", "ledger_entries", "payouts", "payout_items",
  ]) {
    const [{ n }] = await sql.unsafe<{ n: number }[]>(`select count(*)::float8 as n from ${table}`);
    counts[table] = Number(n);
  }
  const [heavy] = await sql.unsafe<Record<string, number>[]>(`
    select (select count(*) from activity_events where creator_id = ${HEAVY.creatorId})::int as events,
           (select count(*) from enrollments where creator_id = ${HEAVY.creatorId})::int as enrollments,
           (select count(*) from ledger_entries where creator_id = ${HEAVY.creatorId})::int as ledger_entries,
           (select count(*) from orders where creator_id = ${HEAVY.creatorId})::int as orders,
           (select count(*) from payouts where creator_id = ${HEAVY.creatorId})::int as payouts`);
  for (const [k, v] of Object.entries(heavy)) counts[`heavy creator: ${k}`] = Number(v);
  const [light] = await sql.unsafe<Record<string, number>[]>(`
    select (select count(*) from activity_events where creator_id = ${LIGHT.creatorId})::int as events,
           (select count(*) from ledger_entries where creator_id = ${LIGHT.creatorId})::int as ledger_entries`);
  for (const [k, v] of Object.entries(light)) counts[`light creator: ${k}`] = Number(v);
  const [{ bytes }] = await sql<{ bytes: number }[]>`select pg_database_size(current_database())::float8 as bytes`;
  counts["database size (MB)"] = Math.round(Number(bytes) / 1048576);
  return { anchor, users, counts, steps, seconds: (Date.now() - started) / 1000 };
}

/** One chunk of the activity load: creators lo..hi, all four activity tables in one statement. */
function activityChunkSql(A: string, lo: number, hi: number): string {
  return `
    with ev as (
      insert into activity_events (id, creator_id, metric, amount, occurred_at, received_at)
      select 'ev' || g.creator_id || '.' || g.k, g.creator_id,
             (case when g.m < 0.45 then 'stars_received' when g.m < 0.8 then 'minutes_streamed' when g.m < 0.9 then 'badges_sold'
                   when g.m < 0.97 then 'live_sessions' else 'live_with_guest' end)::metric,
             case when g.m < 0.45 then 5 + floor(g.v * 195) when g.m < 0.8 then 1 + floor(g.v * 59) when g.m < 0.9 then 1 + floor(g.v * 6) else 1 end,
             g.t, g.t + interval '1 second' * floor(g.v * 600)
      from (
        select a.creator_id, k, bench.u(key, 46) as m, bench.u(key, 47) as v,
               least(${A} - interval '1 minute',
                     date_trunc('day', ${A}) - interval '1 day' * floor(bench.u(session, 42) * 365)
                       + interval '1 hour' * floor(bench.u(session, 44) * 22) + interval '2 hours' * bench.u(key, 45)) as t
        from bench.activity a
        cross join lateral generate_series(1, a.n) k
        cross join lateral (select a.creator_id::bigint * 10000000 + k as key) x
        cross join lateral (select a.creator_id::bigint * 1000 + floor(bench.u(x.key, 41) * a.days)::bigint as session) s
        where a.creator_id between ${lo} and ${hi} and a.n > 0
      ) g
      returning id, creator_id, metric, amount, occurred_at, received_at
    ), receipts as (
      insert into activity_event_receipts (id, received_at) select id, received_at from ev
    ), daily as (
      insert into creator_daily_metrics (creator_id, metric, day, total)
      select creator_id, metric, (occurred_at at time zone 'UTC')::date, sum(amount) from ev group by 1, 2, 3
    ), hits as materialized (
      -- Events to their creator's enrollments first (MATERIALIZED fixes the join order: joined
      -- on the metric first, every event met every challenge using it).
      select e.id as enrollment_id, e.challenge_id, ev.metric, ev.amount, ev.occurred_at
      from ev
      join enrollments e on e.creator_id = ev.creator_id and ev.occurred_at >= e.enrolled_at
        and (e.withdrawn_at is null or ev.occurred_at < e.withdrawn_at)
      join challenges c on c.id = e.challenge_id and c.state <> 'draft' and ev.occurred_at >= c.starts_at and ev.occurred_at < c.ends_at
    ), progress as (
      insert into enrollment_progress (enrollment_id, metric, total, updated_at)
      select h.enrollment_id, h.metric, sum(h.amount), max(h.occurred_at)
      from hits h
      where exists (select 1 from milestones m where m.challenge_id = h.challenge_id and m.metric = h.metric)
      group by h.enrollment_id, h.metric
    )
    select count(*)::int as n from ev`;
}

/**
 * Gives a finished past run the decisions staff took on it: older runs are mostly paid (with the
 * payout debit in the ledger), the last one is mostly waiting for review; rejected payouts
 * release their entries for the next run.
 */
function settleRunSql(period: string, endIso: string, age: number, staffId: number, approverId: number): string {
  const at = `'${endIso}'::timestamptz`;
  const weights =
    age >= 2
      ? `case when u < 0.90 then 'paid' when u < 0.95 then 'rejected' else 'held' end`
      : `case when p.creator_id = ${HEAVY.creatorId} then 'pending_review' when u < 0.55 then 'pending_review' when u < 0.70 then 'approved'
              when u < 0.85 then 'held' when u < 0.95 then 'paid' else 'rejected' end`;
  return `
    with decided as (
      select p.id, (${weights})::payout_status as status
      from payouts p join payout_runs r on r.id = p.run_id
      cross join lateral (select bench.u(p.id, 101) as u) x
      where r.period = '${period}'
    )
    update payouts p set status = d.status,
      hold_reason_code = case when d.status = 'held' then 'kyc_missing' end,
      hold_note = case when d.status = 'held' then 'Identity verification is not complete.' end,
      reject_reason = case when d.status = 'rejected' then 'Orders reversed by the merchant after a fraud review.' end,
      paid_at = case when d.status = 'paid' then ${at} + interval '3 days' end,
      payment_reference = case when d.status = 'paid' then 'PAY-' || p.id end,
      version = case when d.status = 'pending_review' then 1 else 2 end,
      created_at = ${at} + interval '2 hours', updated_at = ${at} + interval '2 days'
    from decided d where d.id = p.id;

    update payout_items i set released_at = ${at} + interval '2 days'
    from payouts p join payout_runs r on r.id = p.run_id
    where i.payout_id = p.id and r.period = '${period}' and p.status = 'rejected';

    insert into payout_approvals (payout_id, reviewer_id, created_at)
    select p.id, ${staffId}, ${at} + interval '1 day' from payouts p join payout_runs r on r.id = p.run_id
    where r.period = '${period}' and p.status in ('approved', 'paid')
    union all
    select p.id, ${approverId}, ${at} + interval '1 day' from payouts p join payout_runs r on r.id = p.run_id
    where r.period = '${period}' and p.status in ('approved', 'paid') and p.approvals_required = 2;

    insert into ledger_entries (creator_id, kind, amount_minor, currency, payout_id, occurred_at, available_at, created_by, created_at)
    select p.creator_id, 'payout', -p.amount_minor, p.currency, p.id, p.paid_at, p.paid_at, ${staffId}, p.paid_at
    from payouts p join payout_runs r on r.id = p.run_id
    where r.period = '${period}' and p.status = 'paid';

    update payout_runs set started_at = ${at} + interval '2 hours', finished_at = ${at} + interval '2 hours 3 minutes' where period = '${period}';
  `;
}

type DroppedIndex = { table: string; name: string; definition: string; constraint: string | null };

/** Drops the indexes (and primary keys) of tables about to be bulk-loaded; returns how to rebuild them. */
async function dropIndexes(sql: Sql, tables: string[]): Promise<DroppedIndex[]> {
  const found = await sql<DroppedIndex[]>`
    select t.relname as table, i.relname as name, pg_get_indexdef(i.oid) as definition,
           (select pg_get_constraintdef(c.oid) from pg_constraint c where c.conindid = i.oid and c.conrelid = t.oid) as constraint
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_class t on t.oid = x.indrelid
    join pg_namespace n on n.oid = t.relnamespace and n.nspname = 'public'
    where t.relname in ${sql(tables)}
      and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = i.oid)
    order by t.relname, i.relname`;
  for (const d of found) {
    if (d.constraint) await sql.unsafe(`alter table "${d.table}" drop constraint "${d.name}"`);
    else await sql.unsafe(`drop index "${d.name}"`);
  }
  return found;
}

/** Rebuilds what dropIndexes removed, from the definitions PostgreSQL gave, two at a time. */
async function rebuildIndexes(sql: Sql, dropped: DroppedIndex[], connect: () => Sql): Promise<void> {
  const second = connect();
  await second.unsafe("set maintenance_work_mem = '512MB'");
  await sql.unsafe("set maintenance_work_mem = '512MB'");
  try {
    const queue = [...dropped].sort((a, b) => (a.table === "activity_events" ? -1 : b.table === "activity_events" ? 1 : 0));
    const worker = async (db: Sql) => {
      for (let d = queue.shift(); d; d = queue.shift()) {
        if (d.constraint) await db.unsafe(`alter table "${d.table}" add constraint "${d.name}" ${d.constraint}`);
        // A partitioned table's index is reported "ON ONLY" the parent; rebuild it on every partition.
        else await db.unsafe(d.definition.replace(" ON ONLY ", " ON "));
      }
    };
    await Promise.all([worker(sql), worker(second)]);
  } finally {
    await second.end({ timeout: 5 });
  }
}
