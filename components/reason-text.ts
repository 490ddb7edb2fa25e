import type { IneligibleReason } from "@/lib/domain/eligibility";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** "You need at least 10,000 followers." — the reason a creator cannot join, in plain words. */
export function reasonText(t: Translate, reason: IneligibleReason): string {
  switch (reason.code) {
    case "followers_below":
      return t("reasons.followers_below", { min: reason.min });
    case "followers_above":
      return t("reasons.followers_above", { max: reason.max });
    case "platform":
      return t("reasons.platform", { platform: reason.platform === "facebook" ? "Facebook" : "Instagram" });
    case "country":
      return t("reasons.country", { countries: reason.countries });
    case "full":
      return t("reasons.full", { cap: reason.cap });
    default:
      return t(`reasons.${reason.code}`);
  }
}
