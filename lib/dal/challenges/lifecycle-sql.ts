import "server-only";
import { sql } from "drizzle-orm";
import { challenges } from "@/db/schema";
import type { Lifecycle } from "@/lib/domain/lifecycle";

// lifecycleOf (lib/domain/lifecycle.ts) in SQL, for filtering and grouping in the database.
// Keep the two in step: lib/dal/challenges/lifecycle-sql.int.test.ts checks they agree.
export const lifecycleSql = sql<Lifecycle>`(case
  when ${challenges.state} = 'draft' then 'draft'
  when ${challenges.state} = 'archived' then 'archived'
  when now() < ${challenges.startsAt} then 'scheduled'
  when now() < ${challenges.endsAt} then 'live'
  else 'ended' end)`;
