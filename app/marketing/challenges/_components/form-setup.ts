import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { CHALLENGE_KINDS, METRICS, PLATFORMS } from "@/lib/dal/challenges/options";
import type { MarketingChallenge } from "@/lib/dal/challenge-authoring/queries";
import { CURRENCIES, toMajorString } from "@/lib/domain/money";
import { toUtcInput } from "@/lib/validation/challenge";
import type { ChallengeFormValues } from "./challenge-form";

const regionNames = new Map<string, Intl.DisplayNames>();

/** A country code with its name in the reader's language: "France (FR)". */
export function countryLabel(code: string, locale: string): string {
  try {
    let names = regionNames.get(locale);
    if (!names) regionNames.set(locale, (names = new Intl.DisplayNames([locale], { type: "region" })));
    const name = names.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** The select and checkbox options of the challenge form, translated. */
export async function formOptions(countries: string[]) {
  const locale = await getLocale();
  const tk = await getTranslations("kinds");
  const tp = await getTranslations("platforms");
  const tm = await getTranslations("metrics");
  return {
    kinds: CHALLENGE_KINDS.map((k) => ({ value: k, label: tk(k) })),
    platforms: PLATFORMS.map((p) => ({ value: p, label: tp(p) })),
    metrics: METRICS.map((m) => ({ value: m, label: tm(m) })),
    currencies: [...CURRENCIES],
    countries: countries.map((c) => ({ value: c, label: countryLabel(c, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale)),
  };
}

/** A saved challenge as the form's typed values; a new challenge starts with one milestone row. */
export function formValues(c: MarketingChallenge | null): ChallengeFormValues {
  if (!c) {
    return {
      titleEn: "",
      titleFr: "",
      descriptionEn: "",
      descriptionFr: "",
      kind: "stars",
      platform: "facebook",
      currency: "EUR",
      startsAt: "",
      endsAt: "",
      milestones: [{ metric: "stars_received", threshold: "", reward: "" }],
      minFollowers: "",
      maxFollowers: "",
      countries: [],
      inviteOnly: false,
      invites: "",
      enrollmentCap: "",
      budget: "",
    };
  }
  return {
    titleEn: c.titleEn,
    titleFr: c.titleFr,
    descriptionEn: c.descriptionEn,
    descriptionFr: c.descriptionFr,
    kind: c.kind,
    platform: c.platform,
    currency: c.currency,
    startsAt: toUtcInput(c.startsAt),
    endsAt: toUtcInput(c.endsAt),
    milestones: c.milestones.map((m) => ({ metric: m.metric, threshold: String(m.threshold), reward: toMajorString(m.rewardMinor) })),
    minFollowers: c.minFollowers ? String(c.minFollowers) : "",
    maxFollowers: c.maxFollowers === null ? "" : String(c.maxFollowers),
    countries: c.countries,
    inviteOnly: c.inviteOnly,
    invites: c.invites.join("\n"),
    enrollmentCap: c.enrollmentCap === null ? "" : String(c.enrollmentCap),
    budget: c.budgetMinor === null ? "" : toMajorString(c.budgetMinor),
  };
}
