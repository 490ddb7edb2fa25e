import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Executor } from "@/db";
import type { ChallengeKind, Metric, Platform } from "@/db/schema";
import { lifecycleOf, type Lifecycle } from "@/lib/domain/lifecycle";
// ---------------------------------------------------------------------------------------------
// One challenge, as marketing edits it

export type MilestoneInput = { metric: Metric; threshold: number; rewardMinor: number };

export type MarketingChallenge = {
  id: number;
  lifecycle: Lifecycle;
  state: "draft" | "published" | "archived";
  titleEn: string;
  titleFr: string;
  descriptionEn: string;
  descriptionFr: string;
  kind: ChallengeKind;
  platform: Platform;
  currency: string;
  startsAt: Date;
  endsAt: Date;
  endNoticeAt: Date | null;
  minFollowers: number;
  maxFollowers: number | null;
  countries: string[];
  inviteOnly: boolean;
  invites: string[];
  enrollmentCap: number | null;
  budgetMinor: number | null;
  enrolledCount: number;
  spentMinor: number;
  milestones: MilestoneInput[];
  updatedAt: Date;
  /** When this was read; the lifecycle is as of then. */
  asOf: Date;
};

type StoredRow = {
  id: number;
  state: "draft" | "published" | "archived";
  title_en: string;
  title_fr: string;
  description_en: string;
  description_fr: string;
  kind: ChallengeKind;
  platform: Platform;
  currency: string;
  starts_at: string;
  ends_at: string;
  end_notice_at: string | null;
  min_followers: number;
  max_followers: number | null;
  countries: string[] | null;
  invite_only: boolean;
  enrollment_cap: number | null;
  budget_minor: number | null;
  enrolled_count: number;
  spent_minor: number;
  updated_at: string;
};

/** Reads a challenge with its milestones and invite list; `lock` holds the row until the transaction ends. */
export async function loadChallenge(db: Executor, id: number, lock = false): Promise<MarketingChallenge | null> {
  const [row] = await rows<StoredRow>(
    db,
    sql`select id, state, title_en, title_fr, description_en, description_fr, kind, platform, currency::text as currency,
               starts_at::text as starts_at, ends_at::text as ends_at, end_notice_at::text as end_notice_at,
               min_followers, max_followers, countries, invite_only, enrollment_cap,
               budget_minor::float8 as budget_minor, enrolled_count, spent_minor::float8 as spent_minor, updated_at::text as updated_at
        from challenges where id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  if (!row) return null;
  const ms = await rows<{ metric: Metric; threshold: number; reward_minor: number }>(
    db,
    sql`select metric, threshold::float8 as threshold, reward_minor::float8 as reward_minor
        from milestones where challenge_id = ${id} order by position`,
  );
  const invites = await rows<{ handle: string }>(
    db,
    sql`select cr.handle from challenge_invites i join creators cr on cr.id = i.creator_id
        where i.challenge_id = ${id} order by cr.handle`,
  );
  const startsAt = new Date(row.starts_at);
  const endsAt = new Date(row.ends_at);
  const asOf = new Date();
  return {
    id: row.id,
    state: row.state,
    asOf,
    lifecycle: lifecycleOf({ state: row.state, startsAt, endsAt }, asOf),
    titleEn: row.title_en,
    titleFr: row.title_fr,
    descriptionEn: row.description_en,
    descriptionFr: row.description_fr,
    kind: row.kind,
    platform: row.platform,
    currency: row.currency,
    startsAt,
    endsAt,
    endNoticeAt: row.end_notice_at ? new Date(row.end_notice_at) : null,
    minFollowers: Number(row.min_followers),
    maxFollowers: row.max_followers === null ? null : Number(row.max_followers),
    countries: [...(row.countries ?? [])].sort(),
    inviteOnly: row.invite_only,
    invites: invites.map((i) => i.handle),
    enrollmentCap: row.enrollment_cap === null ? null : Number(row.enrollment_cap),
    budgetMinor: row.budget_minor === null ? null : Number(row.budget_minor),
    enrolledCount: Number(row.enrolled_count),
    spentMinor: Number(row.spent_minor),
    milestones: ms.map((m) => ({ metric: m.metric, threshold: Number(m.threshold), rewardMinor: Number(m.reward_minor) })),
    updatedAt: new Date(row.updated_at),
  };
}

