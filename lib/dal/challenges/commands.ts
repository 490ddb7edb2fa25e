import "server-only";
import { and, eq, getTableColumns, isNull, sql } from "drizzle-orm";
import { getDb, transactionRetrying } from "@/db";
import { challengeInvites, challenges, enrollments } from "@/db/schema";
import { ineligibleReasons } from "@/lib/domain/eligibility";
import { lifecycleOf } from "@/lib/domain/lifecycle";
import { DomainError } from "@/lib/errors";
import { allowCreator, type Caller } from "../session";
import { profileOf, reasonValues, rulesOf } from "./eligibility";
import { lockCreatorVersions } from "../versions";

export type EnrollOutcome = { status: "enrolled" | "already_enrolled" };

/**
 * Enrolls the signed-in creator, re-checking every rule on the server inside one transaction.
 * The place is taken with a conditional UPDATE of the counter, so under any race the cap holds;
 * enrolling twice is a no-op.
 */
export async function enrollMe(caller: Caller, challengeId: number): Promise<EnrollOutcome> {
  const me = allowCreator(caller);
  const db = await getDb();
  return transactionRetrying(db, async (tx) => {
    // The creator's version before the challenge's row, as the ingest takes them (../versions.ts).
    await lockCreatorVersions(tx, sql`select ${me.creatorId}::int`);
    const [challenge] = await tx
      .select({
        ...getTableColumns(challenges),
        invited: sql<boolean>`exists (select 1 from ${challengeInvites} i where i.challenge_id = ${challenges.id} and i.creator_id = ${me.creatorId})`,
      })
      .from(challenges)
      .where(eq(challenges.id, challengeId));
    if (!challenge || challenge.state === "draft") throw new DomainError("challenges.errors.not_found");
    const [existing] = await tx
      .select({ withdrawnAt: enrollments.withdrawnAt })
      .from(enrollments)
      .where(and(eq(enrollments.challengeId, challengeId), eq(enrollments.creatorId, me.creatorId)));
    if (existing && !existing.withdrawnAt) return { status: "already_enrolled" as const };
    const lifecycle = lifecycleOf(challenge);
    if (lifecycle !== "live") throw new DomainError("challenges.errors.not_live");
    const profile = await profileOf(tx, me.creatorId);
    const reasons = ineligibleReasons(rulesOf(challenge), { ...profile, invited: challenge.invited });
    if (reasons.length > 0) throw new DomainError(`challenges.reasons.${reasons[0].code}`, reasonValues(reasons[0]));

    const placed = await tx
      .update(challenges)
      .set({ enrolledCount: sql`${challenges.enrolledCount} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(challenges.id, challengeId),
          sql`(${challenges.enrollmentCap} is null or ${challenges.enrolledCount} < ${challenges.enrollmentCap})`,
        ),
      )
      .returning({ id: challenges.id });
    if (placed.length === 0) throw new DomainError("challenges.reasons.full", { cap: challenge.enrollmentCap ?? 0 });

    const joined = await tx
      .insert(enrollments)
      .values({ challengeId, creatorId: me.creatorId })
      .onConflictDoUpdate({
        target: [enrollments.challengeId, enrollments.creatorId],
        set: { withdrawnAt: null, enrolledAt: sql`now()`, updatedAt: sql`now()` },
        setWhere: sql`${enrollments.withdrawnAt} is not null`,
      })
      .returning({ id: enrollments.id });
    if (joined.length === 0) {
      // A concurrent request by the same creator enrolled first: give the place back.
      await tx
        .update(challenges)
        .set({ enrolledCount: sql`${challenges.enrolledCount} - 1` })
        .where(eq(challenges.id, challengeId));
      return { status: "already_enrolled" as const };
    }
    return { status: "enrolled" as const };
  });
}

/** Withdraws the signed-in creator; awards already reached stay theirs. */
export async function withdrawMe(caller: Caller, challengeId: number): Promise<{ status: "withdrawn" | "not_enrolled" }> {
  const me = allowCreator(caller);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const left = await tx
      .update(enrollments)
      .set({ withdrawnAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(enrollments.challengeId, challengeId), eq(enrollments.creatorId, me.creatorId), isNull(enrollments.withdrawnAt)))
      .returning({ id: enrollments.id });
    if (left.length === 0) return { status: "not_enrolled" as const };
    await tx
      .update(challenges)
      .set({ enrolledCount: sql`greatest(${challenges.enrolledCount} - 1, 0)`, updatedAt: new Date() })
      .where(eq(challenges.id, challengeId));
    return { status: "withdrawn" as const };
  });
}
