// What a creator's eligibility for a challenge is decided on, shared by the challenge's reads
// (queries.ts) and enrolling (commands.ts). Internal to the feature: callers are checked there.
import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { creators } from "@/db/schema";
import type { EligibilityProfile, IneligibleReason } from "@/lib/domain/eligibility";
import type { ChallengeFacts } from "./queries";

export function rulesOf(row: ChallengeFacts) {
  return {
    platform: row.platform,
    minFollowers: row.minFollowers,
    maxFollowers: row.maxFollowers,
    countries: row.countries,
    inviteOnly: row.inviteOnly,
    enrollmentCap: row.enrollmentCap,
    enrolledCount: row.enrolledCount,
    budgetMinor: row.budgetMinor,
    spentMinor: row.spentMinor,
  };
}

export async function profileOf(db: Executor, creatorId: number): Promise<Omit<EligibilityProfile, "invited">> {
  const [p] = await db
    .select({ followers: creators.followers, country: creators.country, platform: creators.platform })
    .from(creators)
    .where(eq(creators.id, creatorId));
  return p;
}

export function reasonValues(reason: IneligibleReason): Record<string, string | number> {
  const { code: _code, ...values } = reason;
  void _code;
  return values as Record<string, string | number>;
}
