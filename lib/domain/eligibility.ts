// Who may join a challenge, and in plain words why not. The same rules run for the creator's
// list, the enroll action (re-checked on the server) and marketing's preview.

export type EligibilityProfile = {
  followers: number;
  country: string;
  platform: "facebook" | "instagram";
  invited: boolean;
};

export type EligibilityRules = {
  platform: "facebook" | "instagram";
  minFollowers: number;
  maxFollowers: number | null;
  countries: string[];
  inviteOnly: boolean;
  enrollmentCap: number | null;
  enrolledCount: number;
  budgetMinor: number | null;
  spentMinor: number;
};

export type IneligibleReason =
  | { code: "followers_below"; min: number }
  | { code: "followers_above"; max: number }
  | { code: "platform"; platform: string }
  | { code: "country"; countries: string }
  | { code: "invite_only" }
  | { code: "full"; cap: number }
  | { code: "budget_spent" };

/** Every reason the profile cannot join, in the order a creator should read them. */
export function ineligibleReasons(rules: EligibilityRules, profile: EligibilityProfile): IneligibleReason[] {
  const reasons: IneligibleReason[] = [];
  if (profile.platform !== rules.platform) reasons.push({ code: "platform", platform: rules.platform });
  if (profile.followers < rules.minFollowers) reasons.push({ code: "followers_below", min: rules.minFollowers });
  if (rules.maxFollowers !== null && profile.followers > rules.maxFollowers) reasons.push({ code: "followers_above", max: rules.maxFollowers });
  if (rules.countries.length > 0 && !rules.countries.includes(profile.country)) reasons.push({ code: "country", countries: rules.countries.join(", ") });
  if (rules.inviteOnly && !profile.invited) reasons.push({ code: "invite_only" });
  if (rules.enrollmentCap !== null && rules.enrolledCount >= rules.enrollmentCap) reasons.push({ code: "full", cap: rules.enrollmentCap });
  if (rules.budgetMinor !== null && rules.spentMinor >= rules.budgetMinor) reasons.push({ code: "budget_spent" });
  return reasons;
}

export const MIDDLE_CLASS = { minFollowers: 10_000, maxFollowers: 1_000_000 } as const;

export const TIERS = [
  { tier: "nano", min: 0, max: 9_999 },
  { tier: "micro", min: 10_000, max: 99_999 },
  { tier: "mid", min: 100_000, max: 999_999 },
  { tier: "macro", min: 1_000_000, max: 4_999_999 },
  { tier: "mega", min: 5_000_000, max: null },
] as const;
export type Tier = (typeof TIERS)[number]["tier"];

export function tierOf(followers: number): Tier {
  return TIERS.find((t) => followers >= t.min && (t.max === null || followers <= t.max))!.tier;
}
