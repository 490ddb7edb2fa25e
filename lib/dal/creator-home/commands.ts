import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { milestoneAwards } from "@/db/schema";
import { allowCreator, type Caller } from "../session";

/**
 * Marks the awards the creator was shown as seen: only the ids the banner listed (an award
 * reached meanwhile still gets its banner), and only the creator's own.
 */
export async function markMyAwardsSeen(caller: Caller, awardIds: number[]): Promise<{ marked: number }> {
  const me = allowCreator(caller);
  if (awardIds.length === 0) return { marked: 0 };
  const db = await getDb();
  const marked = await db
    .update(milestoneAwards)
    .set({ seenAt: sql`now()` })
    .where(and(eq(milestoneAwards.creatorId, me.creatorId), inArray(milestoneAwards.id, awardIds), isNull(milestoneAwards.seenAt)))
    .returning({ id: milestoneAwards.id });
  return { marked: marked.length };
}
