CREATE TYPE "public"."award_status" AS ENUM('paid', 'unpaid_budget');--> statement-breakpoint
CREATE TYPE "public"."challenge_kind" AS ENUM('stars', 'live_badges', 'live_together', 'tasks');--> statement-breakpoint
CREATE TYPE "public"."challenge_state" AS ENUM('draft', 'published', 'archived');--> statement-breakpoint
CREATE TYPE "public"."ledger_kind" AS ENUM('milestone_award', 'commission', 'refund', 'adjustment', 'payout');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('en', 'fr');--> statement-breakpoint
CREATE TYPE "public"."metric" AS ENUM('stars_received', 'minutes_streamed', 'live_sessions', 'badges_sold', 'live_with_guest');--> statement-breakpoint
CREATE TYPE "public"."payout_run_status" AS ENUM('running', 'finished');--> statement-breakpoint
CREATE TYPE "public"."payout_status" AS ENUM('pending_review', 'held', 'approved', 'rejected', 'paid');--> statement-breakpoint
CREATE TYPE "public"."platform" AS ENUM('facebook', 'instagram');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('creator', 'staff', 'marketing', 'admin');--> statement-breakpoint
CREATE TABLE "activity_event_receipts" (
	"id" text PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_events" (
	"id" text NOT NULL,
	"creator_id" integer NOT NULL,
	"metric" "metric" NOT NULL,
	"amount" bigint NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_events_occurred_at_id_pk" PRIMARY KEY("occurred_at","id"),
	CONSTRAINT "activity_events_amount_nonnegative" CHECK ("amount" >= 0)
) PARTITION BY RANGE ("occurred_at");
--> statement-breakpoint
CREATE TABLE "affiliate_links" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "affiliate_links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"creator_id" integer NOT NULL,
	"shop_product_id" integer NOT NULL,
	"code" text NOT NULL,
	"clicks" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" integer,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenge_invites" (
	"challenge_id" integer NOT NULL,
	"creator_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenge_invites_challenge_id_creator_id_pk" PRIMARY KEY("challenge_id","creator_id")
);
--> statement-breakpoint
CREATE TABLE "challenges" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "challenges_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" "challenge_kind" NOT NULL,
	"platform" "platform" NOT NULL,
	"state" "challenge_state" DEFAULT 'draft' NOT NULL,
	"title_en" text NOT NULL,
	"title_fr" text NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"description_fr" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"end_notice_at" timestamp with time zone,
	"min_followers" integer DEFAULT 0 NOT NULL,
	"max_followers" integer,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"invite_only" boolean DEFAULT false NOT NULL,
	"enrollment_cap" integer,
	"budget_minor" bigint,
	"currency" char(3) DEFAULT 'EUR' NOT NULL,
	"enrolled_count" integer DEFAULT 0 NOT NULL,
	"spent_minor" bigint DEFAULT 0 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenges_window_order" CHECK ("challenges"."ends_at" > "challenges"."starts_at"),
	CONSTRAINT "challenges_followers_range" CHECK ("challenges"."max_followers" is null or "challenges"."max_followers" >= "challenges"."min_followers"),
	CONSTRAINT "challenges_min_followers_nonnegative" CHECK ("challenges"."min_followers" >= 0),
	CONSTRAINT "challenges_cap_positive" CHECK ("challenges"."enrollment_cap" is null or "challenges"."enrollment_cap" > 0),
	CONSTRAINT "challenges_budget_positive" CHECK ("challenges"."budget_minor" is null or "challenges"."budget_minor" > 0),
	CONSTRAINT "challenges_enrolled_within_cap" CHECK ("challenges"."enrollment_cap" is null or "challenges"."enrolled_count" <= "challenges"."enrollment_cap"),
	CONSTRAINT "challenges_spent_within_budget" CHECK ("challenges"."budget_minor" is null or "challenges"."spent_minor" <= "challenges"."budget_minor"),
	CONSTRAINT "challenges_counters_nonnegative" CHECK ("challenges"."enrolled_count" >= 0 and "challenges"."spent_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "creator_daily_metrics" (
	"creator_id" integer NOT NULL,
	"metric" "metric" NOT NULL,
	"day" date NOT NULL,
	"total" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "creator_daily_metrics_creator_id_metric_day_pk" PRIMARY KEY("creator_id","metric","day"),
	CONSTRAINT "creator_daily_metrics_total_nonnegative" CHECK ("creator_daily_metrics"."total" >= 0)
);
--> statement-breakpoint
CREATE TABLE "creators" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "creators_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer,
	"handle" text NOT NULL,
	"display_name" text NOT NULL,
	"platform" "platform" NOT NULL,
	"followers" integer NOT NULL,
	"country" char(2) NOT NULL,
	"currency" char(3) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "creators_followers_nonnegative" CHECK ("creators"."followers" >= 0),
	CONSTRAINT "creators_handle_format" CHECK ("creators"."handle" ~ '^[a-z0-9._]{2,40}$')
);
--> statement-breakpoint
CREATE TABLE "enrollment_progress" (
	"enrollment_id" integer NOT NULL,
	"metric" "metric" NOT NULL,
	"total" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrollment_progress_enrollment_id_metric_pk" PRIMARY KEY("enrollment_id","metric"),
	CONSTRAINT "enrollment_progress_total_nonnegative" CHECK ("enrollment_progress"."total" >= 0)
);
--> statement-breakpoint
CREATE TABLE "enrollments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "enrollments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"challenge_id" integer NOT NULL,
	"creator_id" integer NOT NULL,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_rates" (
	"day" date NOT NULL,
	"base" char(3) NOT NULL,
	"quote" char(3) NOT NULL,
	"rate_micros" bigint NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_rates_base_quote_day_pk" PRIMARY KEY("base","quote","day"),
	CONSTRAINT "exchange_rates_positive" CHECK ("exchange_rates"."rate_micros" > 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"creator_id" integer NOT NULL,
	"kind" "ledger_kind" NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"milestone_award_id" integer,
	"order_id" text,
	"refund_id" text,
	"payout_id" integer,
	"note" text,
	"original_amount_minor" bigint,
	"original_currency" char(3),
	"fx_rate_micros" bigint,
	"occurred_at" timestamp with time zone NOT NULL,
	"available_at" timestamp with time zone NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_amount_nonzero" CHECK ("ledger_entries"."amount_minor" <> 0),
	CONSTRAINT "ledger_entries_source" CHECK (("ledger_entries"."kind" = 'milestone_award' and "ledger_entries"."milestone_award_id" is not null and "ledger_entries"."amount_minor" > 0)
       or ("ledger_entries"."kind" = 'commission' and "ledger_entries"."order_id" is not null and "ledger_entries"."amount_minor" > 0)
       or ("ledger_entries"."kind" = 'refund' and "ledger_entries"."refund_id" is not null and "ledger_entries"."order_id" is not null and "ledger_entries"."amount_minor" < 0)
       or ("ledger_entries"."kind" = 'payout' and "ledger_entries"."payout_id" is not null and "ledger_entries"."amount_minor" < 0)
       or ("ledger_entries"."kind" = 'adjustment' and "ledger_entries"."note" is not null)),
	CONSTRAINT "ledger_entries_fx_complete" CHECK (("ledger_entries"."fx_rate_micros" is null) = ("ledger_entries"."original_currency" is null) and ("ledger_entries"."original_currency" is null) = ("ledger_entries"."original_amount_minor" is null))
);
--> statement-breakpoint
CREATE TABLE "milestone_awards" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "milestone_awards_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"enrollment_id" integer NOT NULL,
	"milestone_id" integer NOT NULL,
	"creator_id" integer NOT NULL,
	"status" "award_status" NOT NULL,
	"reached_at" timestamp with time zone NOT NULL,
	"seen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "milestones_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"challenge_id" integer NOT NULL,
	"position" integer NOT NULL,
	"metric" "metric" NOT NULL,
	"threshold" bigint NOT NULL,
	"reward_minor" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestones_threshold_positive" CHECK ("milestones"."threshold" > 0),
	CONSTRAINT "milestones_reward_positive" CHECK ("milestones"."reward_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" text PRIMARY KEY NOT NULL,
	"affiliate_link_id" integer NOT NULL,
	"creator_id" integer NOT NULL,
	"shop_product_id" integer NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	"buyer_ref" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_amount_positive" CHECK ("orders"."amount_minor" > 0),
	CONSTRAINT "orders_refund_within_amount" CHECK ("orders"."refunded_minor" >= 0 and "orders"."refunded_minor" <= "orders"."amount_minor")
);
--> statement-breakpoint
CREATE TABLE "own_products" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "own_products_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"creator_id" integer NOT NULL,
	"title" text NOT NULL,
	"price_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"url" text NOT NULL,
	"image_url" text,
	"sku" text,
	"linked" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "own_products_price_nonnegative" CHECK ("own_products"."price_minor" >= 0),
	CONSTRAINT "own_products_url_https" CHECK ("own_products"."url" like 'https://%')
);
--> statement-breakpoint
CREATE TABLE "payout_approvals" (
	"payout_id" integer NOT NULL,
	"reviewer_id" integer NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payout_approvals_payout_id_reviewer_id_pk" PRIMARY KEY("payout_id","reviewer_id")
);
--> statement-breakpoint
CREATE TABLE "payout_items" (
	"payout_id" integer NOT NULL,
	"ledger_entry_id" bigint NOT NULL,
	"released_at" timestamp with time zone,
	CONSTRAINT "payout_items_payout_id_ledger_entry_id_pk" PRIMARY KEY("payout_id","ledger_entry_id")
);
--> statement-breakpoint
CREATE TABLE "payout_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payout_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"period" text NOT NULL,
	"status" "payout_run_status" DEFAULT 'running' NOT NULL,
	"started_by" integer,
	"payout_count" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "payout_runs_period_format" CHECK ("payout_runs"."period" ~ '^[0-9]{4}-[0-9]{2}$')
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payouts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"run_id" integer NOT NULL,
	"creator_id" integer NOT NULL,
	"currency" char(3) NOT NULL,
	"amount_minor" bigint NOT NULL,
	"status" "payout_status" DEFAULT 'pending_review' NOT NULL,
	"approvals_required" integer DEFAULT 1 NOT NULL,
	"hold_reason_code" text,
	"hold_note" text,
	"hold_fix" text,
	"hold_decide_by" date,
	"reject_reason" text,
	"payment_reference" text,
	"paid_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payouts_amount_positive" CHECK ("payouts"."amount_minor" > 0),
	CONSTRAINT "payouts_approvals_required" CHECK ("payouts"."approvals_required" between 1 and 2)
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refunds_amount_positive" CHECK ("refunds"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "shop_products" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "shop_products_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"merchant" text NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"price_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"url" text NOT NULL,
	"image_url" text,
	"commission_bps" integer NOT NULL,
	"return_window_days" integer DEFAULT 30 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shop_products_commission_range" CHECK ("shop_products"."commission_bps" between 0 and 10000),
	CONSTRAINT "shop_products_price_nonnegative" CHECK ("shop_products"."price_minor" >= 0),
	CONSTRAINT "shop_products_return_window" CHECK ("shop_products"."return_window_days" between 0 and 365)
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sign_in_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"role" "role" DEFAULT 'creator' NOT NULL,
	"locale" "locale" DEFAULT 'en' NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_lowercase" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
ALTER TABLE "affiliate_links" ADD CONSTRAINT "affiliate_links_creator_id_creators_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliate_links" ADD CONSTRAINT "affiliate_links_shop_product_id_shop_products_id_fk" FOREIGN KEY ("shop_product_id") REFERENCES "public"."shop_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_invites" ADD CONSTRAINT "challenge_invites_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_invites" ADD CONSTRAINT "challenge_invites_creator_id_creators_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creator_daily_metrics" ADD CONSTRAINT "creator_daily_metrics_creator_id_creators_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creators" ADD CONSTRAINT "creators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment_progress" ADD CONSTRAINT "enrollment_progress_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_creator_id_creators_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_creator_id_creators_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_milestone_award_id_milestone_awards_id_fk" FOREIGN KEY ("milestone_award_id") REFERENCES "public"."milestone_awards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_refund_id_refunds_id_fk" FOREIGN KEY ("refund_id") REFERENCES "public"."refunds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_payout_id_payouts_id_fk" FOREIGN KEY ("payout_id") REFERENCES "public"."payouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_awards" ADD CONSTRAINT "milestone_awards_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_awards" ADD CONSTRAINT "milestone_awards_milestone_id_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_awards" ADD CONSTRAINT "milestone_awards_creator_id_creators_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_affiliate_link_id_affiliate_links_id_fk" FOREIGN KEY ("affiliate_link_id") REFERENCES "public"."affiliate_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_creator_id_creators_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_shop_product_id_shop_products_id_fk" FOREIGN KEY ("shop_product_id") REFERENCES "public"."shop_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "own_products" ADD CONSTRAINT "own_products_creator_id_creators_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_approvals" ADD CONSTRAINT "payout_approvals_payout_id_payouts_id_fk" FOREIGN KEY ("payout_id") REFERENCES "public"."payouts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_approvals" ADD CONSTRAINT "payout_approvals_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_items" ADD CONSTRAINT "payout_items_payout_id_payouts_id_fk" FOREIGN KEY ("payout_id") REFERENCES "public"."payouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_items" ADD CONSTRAINT "payout_items_ledger_entry_id_ledger_entries_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_runs" ADD CONSTRAINT "payout_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_run_id_payout_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."payout_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_creator_id_creators_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_events_creator_time_idx" ON "activity_events" USING btree ("creator_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "affiliate_links_code_key" ON "affiliate_links" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "affiliate_links_creator_product_key" ON "affiliate_links" USING btree ("creator_id","shop_product_id");--> statement-breakpoint
CREATE INDEX "affiliate_links_shop_product_idx" ON "affiliate_links" USING btree ("shop_product_id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_log_created_idx" ON "audit_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "challenge_invites_creator_idx" ON "challenge_invites" USING btree ("creator_id");--> statement-breakpoint
CREATE INDEX "challenges_window_idx" ON "challenges" USING btree ("starts_at","ends_at");--> statement-breakpoint
CREATE INDEX "challenges_created_by_idx" ON "challenges" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "creators_handle_key" ON "creators" USING btree ("handle");--> statement-breakpoint
CREATE UNIQUE INDEX "creators_user_id_key" ON "creators" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "creators_followers_idx" ON "creators" USING btree ("followers");--> statement-breakpoint
CREATE INDEX "creators_country_idx" ON "creators" USING btree ("country");--> statement-breakpoint
CREATE UNIQUE INDEX "enrollments_challenge_creator_key" ON "enrollments" USING btree ("challenge_id","creator_id");--> statement-breakpoint
CREATE INDEX "enrollments_creator_idx" ON "enrollments" USING btree ("creator_id");--> statement-breakpoint
CREATE INDEX "exchange_rates_created_by_idx" ON "exchange_rates" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "ledger_entries_creator_time_idx" ON "ledger_entries" USING btree ("creator_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_milestone_award_key" ON "ledger_entries" USING btree ("milestone_award_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_commission_order_key" ON "ledger_entries" USING btree ("order_id") WHERE "ledger_entries"."kind" = 'commission';--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_refund_key" ON "ledger_entries" USING btree ("refund_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_payout_key" ON "ledger_entries" USING btree ("payout_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_order_idx" ON "ledger_entries" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_created_by_idx" ON "ledger_entries" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "milestone_awards_enrollment_milestone_key" ON "milestone_awards" USING btree ("enrollment_id","milestone_id");--> statement-breakpoint
CREATE INDEX "milestone_awards_milestone_idx" ON "milestone_awards" USING btree ("milestone_id");--> statement-breakpoint
CREATE INDEX "milestone_awards_creator_idx" ON "milestone_awards" USING btree ("creator_id","seen_at");--> statement-breakpoint
CREATE UNIQUE INDEX "milestones_challenge_position_key" ON "milestones" USING btree ("challenge_id","position");--> statement-breakpoint
CREATE INDEX "orders_affiliate_link_idx" ON "orders" USING btree ("affiliate_link_id");--> statement-breakpoint
CREATE INDEX "orders_creator_time_idx" ON "orders" USING btree ("creator_id","occurred_at");--> statement-breakpoint
CREATE INDEX "orders_shop_product_idx" ON "orders" USING btree ("shop_product_id");--> statement-breakpoint
CREATE INDEX "own_products_creator_idx" ON "own_products" USING btree ("creator_id");--> statement-breakpoint
CREATE INDEX "payout_approvals_reviewer_idx" ON "payout_approvals" USING btree ("reviewer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_items_active_entry_key" ON "payout_items" USING btree ("ledger_entry_id") WHERE "payout_items"."released_at" is null;--> statement-breakpoint
CREATE INDEX "payout_items_entry_idx" ON "payout_items" USING btree ("ledger_entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_runs_period_key" ON "payout_runs" USING btree ("period");--> statement-breakpoint
CREATE INDEX "payout_runs_started_by_idx" ON "payout_runs" USING btree ("started_by");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_run_creator_currency_key" ON "payouts" USING btree ("run_id","creator_id","currency");--> statement-breakpoint
CREATE INDEX "payouts_creator_idx" ON "payouts" USING btree ("creator_id");--> statement-breakpoint
CREATE INDEX "payouts_status_idx" ON "payouts" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "refunds_order_idx" ON "refunds" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "shop_products_category_idx" ON "shop_products" USING btree ("category","commission_bps");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_email_idx" ON "sign_in_attempts" USING btree ("email","created_at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_ip_idx" ON "sign_in_attempts" USING btree ("ip","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");