// Rows for integration tests, written through the real database. Every name is unique so
// tests in one file never collide.
import { getDb } from "@/db";
import { creators, users, type Metric, type Platform, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "test-password";
const passwordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

export async function createUser(role: Role, overrides: Partial<{ email: string; name: string; locale: "en" | "fr" }> = {}) {
  const db = await getDb();
  const id = unique();
  const [user] = await db
    .insert(users)
    .values({
      email: overrides.email ?? `${role}-${id}@test.example`,
      name: overrides.name ?? `${role} ${id}`,
      role,
      locale: overrides.locale ?? "en",
      passwordHash: await passwordHash(),
    })
    .returning({ id: users.id, email: users.email, role: users.role });
  return user;
}

export type CreatorProfile = Partial<{ followers: number; country: string; currency: string; platform: Platform; handle: string }>;

/** A creator account: a user with role creator and its creator profile. */
export async function createCreator(profile: CreatorProfile = {}) {
  const db = await getDb();
  const user = await createUser("creator");
  const [creator] = await db
    .insert(creators)
    .values({
      userId: user.id,
      handle: profile.handle ?? `c.${unique()}`,
      displayName: "Test Creator",
      platform: profile.platform ?? "facebook",
      followers: profile.followers ?? 50_000,
      country: profile.country ?? "FR",
      currency: profile.currency ?? "EUR",
    })
    .returning({ id: creators.id, handle: creators.handle, currency: creators.currency });
  return { user, creator };
}

type ChallengeOptions = Partial<{
  kind: "stars" | "live_badges" | "live_together" | "tasks";
  platform: Platform;
  state: "draft" | "published" | "archived";
  startsAt: Date;
  endsAt: Date;
  minFollowers: number;
  maxFollowers: number | null;
  countries: string[];
  inviteOnly: boolean;
  enrollmentCap: number | null;
  budgetMinor: number | null;
  currency: string;
  milestones: { metric: Metric; threshold: number; rewardMinor: number }[];
}>;

const DAY = 86_400_000;

/** A challenge, live by default (started yesterday, ends in 30 days), with its milestones. */
export async function createChallenge(options: ChallengeOptions = {}) {
  const { challenges, milestones } = await import("@/db/schema");
  const db = await getDb();
  const now = Date.now();
  const [challenge] = await db
    .insert(challenges)
    .values({
      kind: options.kind ?? "stars",
      platform: options.platform ?? "facebook",
      state: options.state ?? "published",
      titleEn: `Challenge ${unique()}`,
      titleFr: `Défi ${unique()}`,
      startsAt: options.startsAt ?? new Date(now - DAY),
      endsAt: options.endsAt ?? new Date(now + 30 * DAY),
      minFollowers: options.minFollowers ?? 10_000,
      maxFollowers: options.maxFollowers === undefined ? 1_000_000 : options.maxFollowers,
      countries: options.countries ?? [],
      inviteOnly: options.inviteOnly ?? false,
      enrollmentCap: options.enrollmentCap ?? null,
      budgetMinor: options.budgetMinor ?? null,
      currency: options.currency ?? "EUR",
    })
    .returning();
  const ms = options.milestones ?? [
    { metric: "stars_received" as const, threshold: 1000, rewardMinor: 2500 },
    { metric: "stars_received" as const, threshold: 5000, rewardMinor: 10_000 },
  ];
  const milestoneRows = await db
    .insert(milestones)
    .values(ms.map((m, i) => ({ challengeId: challenge.id, position: i + 1, ...m })))
    .returning();
  return { challenge, milestones: milestoneRows };
}

/** Enrolls directly (bypassing eligibility), for tests about what happens after enrolling. */
export async function enrollDirectly(challengeId: number, creatorId: number, enrolledAt = new Date(Date.now() - DAY)) {
  const { enrollments, challenges } = await import("@/db/schema");
  const { eq, sql } = await import("drizzle-orm");
  const db = await getDb();
  const [row] = await db.insert(enrollments).values({ challengeId, creatorId, enrolledAt }).returning();
  await db.update(challenges).set({ enrolledCount: sql`${challenges.enrolledCount} + 1` }).where(eq(challenges.id, challengeId));
  return row;
}
