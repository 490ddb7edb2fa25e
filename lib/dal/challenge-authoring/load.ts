import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { challengeInvites, challenges, creators, milestones, type ChallengeKind, type Metric, type Platform } from "@/db/schema";
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

/** Reads a challenge with its milestones and invite list; `lock` holds the row until the transaction ends. */
export async function loadChallenge(db: Executor, id: number, lock = false): Promise<MarketingChallenge | null> {
  const query = db
    .select({
      id: challenges.id,
      state: challenges.state,
      titleEn: challenges.titleEn,
      titleFr: challenges.titleFr,
      descriptionEn: challenges.descriptionEn,
      descriptionFr: challenges.descriptionFr,
      kind: challenges.kind,
      platform: challenges.platform,
      currency: challenges.currency,
      startsAt: challenges.startsAt,
      endsAt: challenges.endsAt,
      endNoticeAt: challenges.endNoticeAt,
      minFollowers: challenges.minFollowers,
      maxFollowers: challenges.maxFollowers,
      countries: challenges.countries,
      inviteOnly: challenges.inviteOnly,
      enrollmentCap: challenges.enrollmentCap,
      budgetMinor: challenges.budgetMinor,
      enrolledCount: challenges.enrolledCount,
      spentMinor: challenges.spentMinor,
      updatedAt: challenges.updatedAt,
    })
    .from(challenges)
    .where(eq(challenges.id, id));
  const milestonesOf = () =>
    db
      .select({ metric: milestones.metric, threshold: milestones.threshold, rewardMinor: milestones.rewardMinor })
      .from(milestones)
      .where(eq(milestones.challengeId, id))
      .orderBy(milestones.position);
  const invitesOf = () =>
    db
      .select({ handle: creators.handle })
      .from(challengeInvites)
      .innerJoin(creators, eq(creators.id, challengeInvites.creatorId))
      .where(eq(challengeInvites.challengeId, id))
      .orderBy(creators.handle);
  // A locking read takes the row first; a plain one sends the three reads at once (one round
  // trip of waiting instead of three on every marketing page).
  const [[row], ms, invites] = lock
    ? [await query.for("update"), await milestonesOf(), await invitesOf()]
    : await Promise.all([query, milestonesOf(), invitesOf()]);
  if (!row) return null;
  const asOf = new Date();
  return {
    ...row,
    asOf,
    lifecycle: lifecycleOf(row, asOf),
    countries: [...row.countries].sort(),
    invites: invites.map((i) => i.handle),
    milestones: ms,
  };
}
