import { getLocale, getTranslations } from "next-intl/server";
import type { Metric } from "@/db/schema";
import { formatNumber } from "@/lib/i18n/format";

/**
 * A milestone's progress bar. Screen readers get role="progressbar" with the creator's total
 * for the metric as the value, the threshold as the maximum, and the milestone as the name.
 */
export async function MilestoneProgress({
  position,
  metric,
  threshold,
  current,
  reached,
  locale: forcedLocale,
}: {
  position: number;
  metric: Metric;
  threshold: number;
  current: number;
  reached: boolean;
  /** Another language than the reader's (marketing's preview). */
  locale?: "en" | "fr";
}) {
  const locale = forcedLocale ?? (await getLocale());
  const t = await getTranslations({ locale, namespace: "challenges.detail" });
  const tm = await getTranslations({ locale, namespace: "metrics" });
  const label = t("milestoneLabel", { position, threshold: formatNumber(threshold, locale), metric: lowerFirst(tm(metric), locale) });
  const percent = Math.min(100, threshold > 0 ? (current / threshold) * 100 : 0);
  return (
    <div>
      <div className="flex flex-wrap justify-between gap-x-3 text-sm">
        <span className="font-medium text-gray-900">{label}</span>
        <span className="tabular text-gray-600">{t("progress", { current: formatNumber(current, locale), threshold: formatNumber(threshold, locale) })}</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={threshold}
        aria-valuenow={current}
        aria-valuetext={t("progress", { current: formatNumber(current, locale), threshold: formatNumber(threshold, locale) })}
        className="mt-1 h-2.5 w-full overflow-hidden rounded-full bg-gray-200"
      >
        <div className={`h-full rounded-full ${reached ? "bg-green-600" : "bg-brand-600"}`} style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

/** "Days with a live (UTC)" → "days with a live (UTC)": only the first letter, so acronyms keep their case. */
function lowerFirst(text: string, locale: string): string {
  return text.charAt(0).toLocaleLowerCase(locale) + text.slice(1);
}
