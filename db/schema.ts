// The whole data model of Creator Rewards. Words follow ../shared/PRODUCT.md.
// Money is always an integer amount of minor units (`*_minor`, bigint) beside an ISO currency.
import { relations, sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
const money = (name: string) => bigint(name, { mode: "number" });

export const roleEnum = pgEnum("role", ["creator", "staff", "marketing", "admin"]);
export const localeEnum = pgEnum("locale", ["en", "fr"]);
export const platformEnum = pgEnum("platform", ["facebook", "instagram"]);
export const challengeKindEnum = pgEnum("challenge_kind", ["stars", "live_badges", "live_together", "tasks"]);
// Editorial state only; scheduled / live / ended are derived from the window and the clock
// (see lib/domain/lifecycle.ts), so no job has to run for a challenge to start or end.
export const challengeStateEnum = pgEnum("challenge_state", ["draft", "published", "archived"]);
export const metricEnum = pgEnum("metric", [
  "stars_received",
  "minutes_streamed",
  "live_sessions",
  "badges_sold",
  "live_with_guest",
  // A measure, not an event metric: distinct UTC days with a counted live session (lib/domain/measures.ts).
  "live_days",
]);
export const awardStatusEnum = pgEnum("award_status", ["paid", "unpaid_budget"]);
export const ledgerKindEnum = pgEnum("ledger_kind", ["milestone_award", "commission", "refund", "adjustment", "payout", "milestone_adjustment"]);
export const payoutStatusEnum = pgEnum("payout_status", ["pending_review", "held", "approved", "rejected", "paid"]);
export const payoutRunStatusEnum = pgEnum("payout_run_status", ["running", "finished"]);

export const users = pgTable(
  "users",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    role: roleEnum("role").notNull().default("creator"),
    locale: localeEnum("locale").notNull().default("en"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    // Bumped by sign-out, a role change and disabling: every session token carrying an older
    // version stops working at once (lib/dal/session.ts checks it on each request).
    sessionVersion: integer("session_version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    check("users_email_lowercase", sql`${t.email} = lower(${t.email})`),
  ],
);

export const creators = pgTable(
  "creators",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    handle: text("handle").notNull(),
    displayName: text("display_name").notNull(),
    platform: platformEnum("platform").notNull(),
    followers: integer("followers").notNull(),
    country: char("country", { length: 2 }).notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("creators_handle_key").on(t.handle),
    uniqueIndex("creators_user_id_key").on(t.userId),
    index("creators_followers_idx").on(t.followers),
    // Country first (the filter choices' loose index scan), then id: the staff queue's country
    // filter joins payouts to creators from this index alone.
    index("creators_country_idx").on(t.country, t.id),
    // The audience estimate counts creators of a platform by country and follower range from
    // this index alone (index-only scan), whatever the size of the rest of the row.
    index("creators_audience_idx").on(t.platform, t.country, t.followers),
    check("creators_followers_nonnegative", sql`${t.followers} >= 0`),
    check("creators_handle_format", sql`${t.handle} ~ '^[a-z0-9._]{2,40}$'`),
  ],
);

export const challenges = pgTable(
  "challenges",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    kind: challengeKindEnum("kind").notNull(),
    platform: platformEnum("platform").notNull(),
    state: challengeStateEnum("state").notNull().default("draft"),
    titleEn: text("title_en").notNull(),
    titleFr: text("title_fr").notNull(),
    descriptionEn: text("description_en").notNull().default(""),
    descriptionFr: text("description_fr").notNull().default(""),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    // Set when a live challenge is ended early: the end announced to enrolled creators.
    endNoticeAt: timestamp("end_notice_at", { withTimezone: true }),
    minFollowers: integer("min_followers").notNull().default(0),
    maxFollowers: integer("max_followers"),
    countries: text("countries").array().notNull().default(sql`'{}'::text[]`),
    inviteOnly: boolean("invite_only").notNull().default(false),
    enrollmentCap: integer("enrollment_cap"),
    budgetMinor: money("budget_minor"),
    currency: char("currency", { length: 3 }).notNull().default("EUR"),
    // Counters kept by conditional UPDATEs so caps hold under concurrency.
    enrolledCount: integer("enrolled_count").notNull().default(0),
    spentMinor: money("spent_minor").notNull().default(0),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("challenges_window_idx").on(t.startsAt, t.endsAt),
    index("challenges_created_by_idx").on(t.createdBy),
    check("challenges_window_order", sql`${t.endsAt} > ${t.startsAt}`),
    check("challenges_followers_range", sql`${t.maxFollowers} is null or ${t.maxFollowers} >= ${t.minFollowers}`),
    check("challenges_min_followers_nonnegative", sql`${t.minFollowers} >= 0`),
    check("challenges_cap_positive", sql`${t.enrollmentCap} is null or ${t.enrollmentCap} > 0`),
    check("challenges_budget_positive", sql`${t.budgetMinor} is null or ${t.budgetMinor} > 0`),
    check("challenges_enrolled_within_cap", sql`${t.enrollmentCap} is null or ${t.enrolledCount} <= ${t.enrollmentCap}`),
    check("challenges_spent_within_budget", sql`${t.budgetMinor} is null or ${t.spentMinor} <= ${t.budgetMinor}`),
    check("challenges_counters_nonnegative", sql`${t.enrolledCount} >= 0 and ${t.spentMinor} >= 0`),
  ],
);

export const challengeInvites = pgTable(
  "challenge_invites",
  {
    challengeId: integer("challenge_id").notNull().references(() => challenges.id, { onDelete: "cascade" }),
    creatorId: integer("creator_id").notNull().references(() => creators.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.challengeId, t.creatorId] }), index("challenge_invites_creator_idx").on(t.creatorId)],
);

export const milestones = pgTable(
  "milestones",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    challengeId: integer("challenge_id").notNull().references(() => challenges.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    metric: metricEnum("metric").notNull(),
    threshold: bigint("threshold", { mode: "number" }).notNull(),
    rewardMinor: money("reward_minor").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("milestones_challenge_position_key").on(t.challengeId, t.position),
    check("milestones_threshold_positive", sql`${t.threshold} > 0`),
    check("milestones_reward_positive", sql`${t.rewardMinor} > 0`),
  ],
);

export const enrollments = pgTable(
  "enrollments",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    challengeId: integer("challenge_id").notNull().references(() => challenges.id, { onDelete: "cascade" }),
    creatorId: integer("creator_id").notNull().references(() => creators.id, { onDelete: "cascade" }),
    enrolledAt: timestamp("enrolled_at", { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("enrollments_challenge_creator_key").on(t.challengeId, t.creatorId),
    index("enrollments_creator_idx").on(t.creatorId),
  ],
);

// Raw activity as the platform reports it. Range-partitioned by month in the migration
// (drizzle-kit cannot express partitioning), so old months can be detached and archived.
export const activityEvents = pgTable(
  "activity_events",
  {
    id: text("id").notNull(),
    creatorId: integer("creator_id").notNull(),
    metric: metricEnum("metric").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.occurredAt, t.id] }),
    index("activity_events_creator_time_idx").on(t.creatorId, t.occurredAt),
  ],
);

// One row per event id ever accepted: the exactly-once gate, independent of partitioning.
export const activityEventReceipts = pgTable("activity_event_receipts", {
  id: text("id").primaryKey(),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
});

// Rollup maintained by ingest in the same transaction: pages read these, never raw events.
export const creatorDailyMetrics = pgTable(
  "creator_daily_metrics",
  {
    creatorId: integer("creator_id").notNull().references(() => creators.id, { onDelete: "cascade" }),
    metric: metricEnum("metric").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    total: bigint("total", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.creatorId, t.metric, t.day] }), check("creator_daily_metrics_total_nonnegative", sql`${t.total} >= 0`)],
);

// What counts toward a challenge: activity of an enrolled creator inside the window, per metric.
export const enrollmentProgress = pgTable(
  "enrollment_progress",
  {
    enrollmentId: integer("enrollment_id").notNull().references(() => enrollments.id, { onDelete: "cascade" }),
    metric: metricEnum("metric").notNull(),
    total: bigint("total", { mode: "number" }).notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.enrollmentId, t.metric] }), check("enrollment_progress_total_nonnegative", sql`${t.total} >= 0`)],
);

export const milestoneAwards = pgTable(
  "milestone_awards",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    enrollmentId: integer("enrollment_id").notNull().references(() => enrollments.id, { onDelete: "cascade" }),
    milestoneId: integer("milestone_id").notNull().references(() => milestones.id, { onDelete: "cascade" }),
    creatorId: integer("creator_id").notNull().references(() => creators.id, { onDelete: "cascade" }),
    status: awardStatusEnum("status").notNull(),
    reachedAt: timestamp("reached_at", { withTimezone: true }).notNull(),
    seenAt: timestamp("seen_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("milestone_awards_enrollment_milestone_key").on(t.enrollmentId, t.milestoneId),
    index("milestone_awards_milestone_idx").on(t.milestoneId),
    index("milestone_awards_creator_idx").on(t.creatorId, t.seenAt),
  ],
);

export const ownProducts = pgTable(
  "own_products",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    creatorId: integer("creator_id").notNull().references(() => creators.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    priceMinor: money("price_minor").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    url: text("url").notNull(),
    imageUrl: text("image_url"),
    sku: text("sku"),
    linked: boolean("linked").notNull().default(true),
    // The create form's one-time token: five quick clicks on "add" make one product.
    formToken: text("form_token"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("own_products_creator_idx").on(t.creatorId),
    uniqueIndex("own_products_form_token_key").on(t.creatorId, t.formToken),
    check("own_products_price_nonnegative", sql`${t.priceMinor} >= 0`),
    check("own_products_url_https", sql`${t.url} like 'https://%'`),
  ],
);

export const shopProducts = pgTable(
  "shop_products",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    merchant: text("merchant").notNull(),
    title: text("title").notNull(),
    category: text("category").notNull(),
    priceMinor: money("price_minor").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    url: text("url").notNull(),
    imageUrl: text("image_url"),
    commissionBps: integer("commission_bps").notNull(),
    returnWindowDays: integer("return_window_days").notNull().default(30),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("shop_products_category_idx").on(t.category, t.commissionBps),
    check("shop_products_commission_range", sql`${t.commissionBps} between 0 and 10000`),
    check("shop_products_price_nonnegative", sql`${t.priceMinor} >= 0`),
    check("shop_products_return_window", sql`${t.returnWindowDays} between 0 and 365`),
  ],
);

export const affiliateLinks = pgTable(
  "affiliate_links",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    creatorId: integer("creator_id").notNull().references(() => creators.id, { onDelete: "cascade" }),
    shopProductId: integer("shop_product_id").notNull().references(() => shopProducts.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    clicks: bigint("clicks", { mode: "number" }).notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("affiliate_links_code_key").on(t.code),
    uniqueIndex("affiliate_links_creator_product_key").on(t.creatorId, t.shopProductId),
    index("affiliate_links_shop_product_idx").on(t.shopProductId),
  ],
);

export const orders = pgTable(
  "orders",
  {
    id: text("id").primaryKey(),
    affiliateLinkId: integer("affiliate_link_id").notNull().references(() => affiliateLinks.id),
    creatorId: integer("creator_id").notNull().references(() => creators.id),
    shopProductId: integer("shop_product_id").notNull().references(() => shopProducts.id),
    amountMinor: money("amount_minor").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    refundedMinor: money("refunded_minor").notNull().default(0),
    // The product's rate when the order was paid: its commission and every refund of it use this
    // rate, whatever the merchant sets later.
    commissionBps: integer("commission_bps").notNull(),
    buyerRef: text("buyer_ref"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("orders_affiliate_link_idx").on(t.affiliateLinkId),
    // Covering: a creator's orders and their products are read from the index alone (index-only
    // scan), so the earnings page does not fetch order rows scattered over the whole table.
    index("orders_creator_time_idx").on(t.creatorId, t.occurredAt, t.id, t.shopProductId),
    index("orders_shop_product_idx").on(t.shopProductId),
    check("orders_amount_positive", sql`${t.amountMinor} > 0`),
    check("orders_refund_within_amount", sql`${t.refundedMinor} >= 0 and ${t.refundedMinor} <= ${t.amountMinor}`),
    check("orders_commission_range", sql`${t.commissionBps} between 0 and 10000`),
  ],
);

export const refunds = pgTable(
  "refunds",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id").notNull().references(() => orders.id),
    amountMinor: money("amount_minor").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("refunds_order_idx").on(t.orderId), check("refunds_amount_positive", sql`${t.amountMinor} > 0`)],
);

// Rate as an integer number of millionths of the quote currency per unit of base: no floats.
export const exchangeRates = pgTable(
  "exchange_rates",
  {
    day: date("day", { mode: "string" }).notNull(),
    base: char("base", { length: 3 }).notNull(),
    quote: char("quote", { length: 3 }).notNull(),
    rateMicros: bigint("rate_micros", { mode: "number" }).notNull(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.base, t.quote, t.day] }),
    index("exchange_rates_created_by_idx").on(t.createdBy),
    check("exchange_rates_positive", sql`${t.rateMicros} > 0`),
  ],
);

export const payoutRuns = pgTable(
  "payout_runs",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    period: text("period").notNull(),
    status: payoutRunStatusEnum("status").notNull().default("running"),
    startedBy: integer("started_by").references(() => users.id, { onDelete: "set null" }),
    payoutCount: integer("payout_count").notNull().default(0),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("payout_runs_period_key").on(t.period),
    index("payout_runs_started_by_idx").on(t.startedBy),
    check("payout_runs_period_format", sql`${t.period} ~ '^[0-9]{4}-[0-9]{2}$'`),
  ],
);

export const payouts = pgTable(
  "payouts",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    runId: integer("run_id").notNull().references(() => payoutRuns.id),
    creatorId: integer("creator_id").notNull().references(() => creators.id),
    currency: char("currency", { length: 3 }).notNull(),
    amountMinor: money("amount_minor").notNull(),
    // The amount by earning group (lib/dal/earnings/ledger-sql.ts earningGroupSql), written by the run
    // with the items: a creator's paid and in-payout totals are read from their few payouts
    // instead of looking up every ledger entry in payout_items (which grows with the platform).
    bonusMinor: money("bonus_minor").notNull().default(0),
    commissionMinor: money("commission_minor").notNull().default(0),
    otherMinor: money("other_minor").notNull().default(0),
    // The run's rate from the payout's currency to EUR (the reporting currency), stored when the
    // run creates the payout, and the amount at that rate: staff limits, filters and sorts compare
    // this, never raw amounts of different currencies. Null: no rate was known at the run.
    eurRateMicros: bigint("eur_rate_micros", { mode: "number" }),
    amountEurMinor: bigint("amount_eur_minor", { mode: "number" }),
    status: payoutStatusEnum("status").notNull().default("pending_review"),
    approvalsRequired: integer("approvals_required").notNull().default(1),
    holdReasonCode: text("hold_reason_code"),
    holdNote: text("hold_note"),
    holdFix: text("hold_fix"),
    holdDecideBy: date("hold_decide_by", { mode: "string" }),
    rejectReason: text("reject_reason"),
    paymentReference: text("payment_reference"),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    // Bumped by every decision: a reviewer's action names the version they saw.
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("payouts_run_creator_currency_key").on(t.runId, t.creatorId, t.currency),
    index("payouts_creator_idx").on(t.creatorId),
    // The queue's currency choices: a handful of index probes (loose index scan), not a scan.
    // The rest of the key lets the status chart sum a currency's payouts by run and status from
    // the index alone (6,050 → 377 buffers at full bench scale).
    index("payouts_currency_idx").on(t.currency, t.runId, t.creatorId, t.status, t.amountMinor),
    // The review queue within a status reads its page in index order and stops there, whichever
    // other filter it has: one index per sort, in exactly the queue's order (lib/dal/payouts/
    // queries.ts ORDER), the id as the tie-break. An index that only leads with the sort key sorts
    // every payout of the status first (a desc-nulls-last order cannot even read an asc-nulls-last
    // index backwards): 92 ms at full bench scale for a page of 25, 5 ms in index order.
    // Newest first reads the oldest-first index backwards. The same three without the status
    // serve the queue's "all statuses" (800 ms → a few ms at full bench scale).
    index("payouts_status_idx").on(t.status, t.createdAt, t.id),
    index("payouts_status_amount_eur_idx").on(t.status, t.amountEurMinor.asc().nullsLast(), t.id),
    index("payouts_status_amount_eur_desc_idx").on(t.status, t.amountEurMinor.desc().nullsLast(), t.id),
    index("payouts_created_idx").on(t.createdAt, t.id),
    index("payouts_amount_eur_idx").on(t.amountEurMinor.asc().nullsLast(), t.id),
    index("payouts_amount_eur_desc_idx").on(t.amountEurMinor.desc().nullsLast(), t.id),
    check("payouts_amount_positive", sql`${t.amountMinor} > 0`),
    check("payouts_amount_by_group", sql`${t.bonusMinor} + ${t.commissionMinor} + ${t.otherMinor} = ${t.amountMinor}`),
    check("payouts_approvals_required", sql`${t.approvalsRequired} between 1 and 2`),
  ],
);

export const payoutApprovals = pgTable(
  "payout_approvals",
  {
    payoutId: integer("payout_id").notNull().references(() => payouts.id, { onDelete: "cascade" }),
    reviewerId: integer("reviewer_id").notNull().references(() => users.id),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.payoutId, t.reviewerId] }), index("payout_approvals_reviewer_idx").on(t.reviewerId)],
);

// The only record of money owed. Rows are never updated or deleted (a trigger refuses it).
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    creatorId: integer("creator_id").notNull().references(() => creators.id),
    kind: ledgerKindEnum("kind").notNull(),
    amountMinor: money("amount_minor").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    // Where the money came from: exactly one source per kind (checked below).
    milestoneAwardId: integer("milestone_award_id").references(() => milestoneAwards.id),
    orderId: text("order_id").references(() => orders.id),
    refundId: text("refund_id").references(() => refunds.id),
    payoutId: integer("payout_id").references(() => payouts.id),
    note: text("note"),
    // Currency conversion, when the source was in another currency than the creator's.
    originalAmountMinor: money("original_amount_minor"),
    originalCurrency: char("original_currency", { length: 3 }),
    fxRateMicros: bigint("fx_rate_micros", { mode: "number" }),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    // When the entry may be paid out: commissions wait for their return window.
    availableAt: timestamp("available_at", { withTimezone: true }).notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    // Covering: the creator's sums (home summary and chart, earnings breakdown and count) read
    // the index alone. A creator's entries are spread over the whole table, one heap page each:
    // without this, their cost grew with everyone else's history, not only the creator's.
    index("ledger_entries_creator_time_idx").on(t.creatorId, t.occurredAt, t.kind, t.currency, t.availableAt, t.amountMinor, t.orderId),
    // One bonus entry per award; a late event that moves the crossing adds milestone_adjustment entries.
    uniqueIndex("ledger_entries_milestone_award_key").on(t.milestoneAwardId).where(sql`${t.kind} = 'milestone_award'`),
    // An award's entries of both kinds (its bonus and its adjustments): the ingest sums them when
    // a late event moves a crossing. The unique key above is partial, so it cannot serve that
    // lookup, and without this each moved award read the whole ledger.
    index("ledger_entries_milestone_award_idx").on(t.milestoneAwardId).where(sql`${t.milestoneAwardId} is not null`),
    uniqueIndex("ledger_entries_commission_order_key").on(t.orderId).where(sql`${t.kind} = 'commission'`),
    uniqueIndex("ledger_entries_refund_key").on(t.refundId),
    uniqueIndex("ledger_entries_payout_key").on(t.payoutId),
    index("ledger_entries_order_idx").on(t.orderId),
    index("ledger_entries_created_by_idx").on(t.createdBy),
    // Only a refund may be 0 in the creator's currency: its reversal rounded away there, but it
    // still takes back its share in the order's currency (so that share never depends on which
    // refund of the order came first, and a full refund nets zero in both).
    check(
      "ledger_entries_amount_nonzero",
      sql`${t.amountMinor} <> 0 or (${t.kind} = 'refund' and ${t.originalAmountMinor} < 0)`,
    ),
    check(
      "ledger_entries_source",
      sql`(${t.kind} = 'milestone_award' and ${t.milestoneAwardId} is not null and ${t.amountMinor} > 0)
       or (${t.kind} = 'commission' and ${t.orderId} is not null and ${t.amountMinor} > 0)
       or (${t.kind} = 'refund' and ${t.refundId} is not null and ${t.orderId} is not null and ${t.amountMinor} <= 0)
       or (${t.kind} = 'payout' and ${t.payoutId} is not null and ${t.amountMinor} < 0)
       or (${t.kind} = 'adjustment' and ${t.note} is not null)
       or (${t.kind}::text = 'milestone_adjustment' and ${t.milestoneAwardId} is not null)`,
    ),
    check(
      "ledger_entries_fx_complete",
      sql`(${t.fxRateMicros} is null) = (${t.originalCurrency} is null) and (${t.originalCurrency} is null) = (${t.originalAmountMinor} is null)`,
    ),
  ],
);

// Which entries a payout takes. A rejected payout releases its items; an entry is in at most
// one unreleased item, which the partial unique index enforces under any concurrency.
export const payoutItems = pgTable(
  "payout_items",
  {
    payoutId: integer("payout_id").notNull().references(() => payouts.id),
    ledgerEntryId: bigint("ledger_entry_id", { mode: "number" }).notNull().references(() => ledgerEntries.id),
    releasedAt: timestamp("released_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.payoutId, t.ledgerEntryId] }),
    uniqueIndex("payout_items_active_entry_key").on(t.ledgerEntryId).where(sql`${t.releasedAt} is null`),
    index("payout_items_entry_idx").on(t.ledgerEntryId),
  ],
);

// Append-only record of decisions (payouts, challenge lifecycle, roles). A trigger refuses
// UPDATE and DELETE, so not even a bug in the app can rewrite history.
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: integer("actor_id").references(() => users.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    index("audit_log_actor_idx").on(t.actorId),
    index("audit_log_created_idx").on(t.createdAt),
  ],
);

// Failed and successful sign-ins, for throttling per email and per address.
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    succeeded: boolean("succeeded").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.email, t.createdAt),
    index("sign_in_attempts_ip_idx").on(t.ip, t.createdAt),
    // Old attempts are purged by age.
    index("sign_in_attempts_created_idx").on(t.createdAt),
  ],
);

export const usersRelations = relations(users, ({ one }) => ({ creator: one(creators) }));
export const creatorsRelations = relations(creators, ({ one, many }) => ({
  user: one(users, { fields: [creators.userId], references: [users.id] }),
  enrollments: many(enrollments),
  ownProducts: many(ownProducts),
  affiliateLinks: many(affiliateLinks),
}));
export const challengesRelations = relations(challenges, ({ many }) => ({
  milestones: many(milestones),
  enrollments: many(enrollments),
  invites: many(challengeInvites),
}));
export const milestonesRelations = relations(milestones, ({ one }) => ({
  challenge: one(challenges, { fields: [milestones.challengeId], references: [challenges.id] }),
}));
export const enrollmentsRelations = relations(enrollments, ({ one }) => ({
  challenge: one(challenges, { fields: [enrollments.challengeId], references: [challenges.id] }),
  creator: one(creators, { fields: [enrollments.creatorId], references: [creators.id] }),
}));
export const challengeInvitesRelations = relations(challengeInvites, ({ one }) => ({
  challenge: one(challenges, { fields: [challengeInvites.challengeId], references: [challenges.id] }),
  creator: one(creators, { fields: [challengeInvites.creatorId], references: [creators.id] }),
}));

export type User = typeof users.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
export type Locale = (typeof localeEnum.enumValues)[number];
export type Platform = (typeof platformEnum.enumValues)[number];
export type Metric = (typeof metricEnum.enumValues)[number];
export type ChallengeKind = (typeof challengeKindEnum.enumValues)[number];
export type PayoutStatus = (typeof payoutStatusEnum.enumValues)[number];
export type LedgerKind = (typeof ledgerKindEnum.enumValues)[number];
export type Creator = typeof creators.$inferSelect;
export type Challenge = typeof challenges.$inferSelect;
export type Milestone = typeof milestones.$inferSelect;
export type LedgerEntry = typeof ledgerEntries.$inferSelect;
export type Payout = typeof payouts.$inferSelect;

// Invitations to join with a role (issue 16 item 9). Only the SHA-256 of the one-time token is
// stored: a leaked table cannot be turned into sign-ups. Open = not accepted, not revoked, not
// expired; lib/dal/invitations.ts keeps one open invitation per email.
export const userInvitations = pgTable(
  "user_invitations",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    email: text("email").notNull(),
    role: roleEnum("role").notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedBy: integer("invited_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedUserId: integer("accepted_user_id").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("user_invitations_token_hash_key").on(t.tokenHash),
    index("user_invitations_email_idx").on(t.email),
    check("user_invitations_email_lowercase", sql`${t.email} = lower(${t.email})`),
    // Creators need a creator profile to use the app; an invitation cannot give them one.
    check("user_invitations_role_not_creator", sql`${t.role} <> 'creator'`),
  ],
);

// What the page cache (lib/dal/cache.ts) keys a creator's reads by: a version per creator, per
// challenge and one global row ("global", 0), each set to the writing transaction's id by
// statement triggers (migration 0011) in the same transaction as every write those reads see;
// ("audience", 0) moves with every write to creators and challenge invites (migration 0014);
// ("payouts", 0) with every write to payouts (migration 0015).
// A cached read is keyed by the versions read in the same request, before the data.
export const dataVersions = pgTable(
  "data_versions",
  {
    scope: text("scope").notNull(),
    id: integer("id").notNull(),
    version: bigint("version", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.id] }), check("data_versions_scope", sql`${t.scope} in ('creator', 'challenge', 'global', 'audience', 'payouts')`)],
);
