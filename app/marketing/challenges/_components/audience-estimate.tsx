import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { AudienceEstimate } from "@/lib/dal/challenge-authoring/queries";
import { TIERS } from "@/lib/domain/eligibility";
import { formatMoney } from "@/lib/domain/money";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { countryLabel } from "./form-setup";
import { RecomputeButton } from "./recompute-button";

/** How many creators the saved rules reach, by tier and country, and the worst-case cost against the budget. */
export async function AudienceEstimateCard({ estimate }: { estimate: AudienceEstimate }) {
  const t = await getTranslations("marketing.estimate");
  const locale = await getLocale();
  const money = (minor: number) => formatMoney(minor, estimate.currency, locale);
  const n = (v: number) => formatNumber(v, locale);
  const tierRange = (tier: (typeof TIERS)[number]) =>
    tier.max === null ? t("tierFrom", { min: n(tier.min) }) : t("tierRange", { min: n(tier.min), max: n(tier.max) });
  const overBudget = estimate.budgetMinor !== null && estimate.cappedWorstCaseMinor > estimate.budgetMinor;
  const coverable =
    estimate.budgetMinor !== null && estimate.rewardTotalMinor > 0 ? Math.floor(estimate.budgetMinor / estimate.rewardTotalMinor) : null;
  const maxCount = Math.max(1, ...estimate.byTier.map((b) => b.count));

  return (
    <Card
      title={t("title")}
      action={<RecomputeButton label={t("recompute")} pendingLabel={t("recomputing")} />}
    >
      <div className="space-y-4">
        <p>
          <span className="tabular text-3xl font-bold text-gray-900" data-testid="audience-total">{n(estimate.total)}</span>{" "}
          <span className="text-gray-700">{t("creatorsMatch", { count: estimate.total })}</span>
        </p>
        <p className="text-xs text-gray-500">{t("computedAt", { time: formatDateTime(estimate.computedAt, locale) })}</p>

        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="mb-1 text-left font-medium text-gray-900">{t("byTier")}</caption>
            <thead className="text-gray-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">{t("tier")}</th>
                <th scope="col" className="py-1 pr-3 font-medium">{t("followers")}</th>
                <th scope="col" className="py-1 text-right font-medium">{t("creators")}</th>
              </tr>
            </thead>
            <tbody>
              {estimate.byTier.map((b) => {
                const tier = TIERS.find((x) => x.tier === b.tier)!;
                return (
                  <tr key={b.tier} className="border-t border-gray-100">
                    <th scope="row" className="py-1.5 pr-3 font-normal">{t(`tiers.${b.tier}`)}</th>
                    <td className="tabular py-1.5 pr-3 text-gray-600">{tierRange(tier)}</td>
                    <td className="py-1.5 text-right">
                      <span className="inline-flex items-center gap-2">
                        <span aria-hidden="true" className="hidden h-2 rounded bg-brand-100 sm:inline-block" style={{ width: `${Math.round((b.count / maxCount) * 64)}px` }} />
                        <span className="tabular">{n(b.count)}</span>
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>

        {estimate.byCountry.length > 0 && (
          <details className="text-sm">
            <summary className="cursor-pointer font-medium text-brand-700">{t("byCountry", { count: estimate.byCountry.length })}</summary>
            <table className="mt-2 w-full text-left">
              <caption className="sr-only">{t("byCountryCaption")}</caption>
              <thead className="text-gray-600">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">{t("country")}</th>
                  <th scope="col" className="py-1 text-right font-medium">{t("creators")}</th>
                </tr>
              </thead>
              <tbody>
                {estimate.byCountry.map((c) => (
                  <tr key={c.country} className="border-t border-gray-100">
                    <th scope="row" className="py-1 pr-3 font-normal">{countryLabel(c.country, locale)}</th>
                    <td className="tabular py-1 text-right">{n(c.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        )}

        <dl className="space-y-2 border-t border-gray-100 pt-3 text-sm">
          <div className="flex flex-wrap justify-between gap-x-3">
            <dt className="text-gray-600">{t("rewardPerCreator")}</dt>
            <dd className="tabular font-medium">{money(estimate.rewardTotalMinor)}</dd>
          </div>
          <div className="flex flex-wrap justify-between gap-x-3">
            <dt className="text-gray-600">{t("worstCase", { count: estimate.total })}</dt>
            <dd className="tabular font-medium">{money(estimate.worstCaseMinor)}</dd>
          </div>
          {estimate.enrollmentCap !== null && estimate.enrollmentCap < estimate.total && (
            <div className="flex flex-wrap justify-between gap-x-3">
              <dt className="text-gray-600">{t("withCap", { cap: estimate.enrollmentCap })}</dt>
              <dd className="tabular font-medium">{money(estimate.cappedWorstCaseMinor)}</dd>
            </div>
          )}
          <div className="flex flex-wrap justify-between gap-x-3">
            <dt className="text-gray-600">{t("budget")}</dt>
            <dd className="tabular font-medium">{estimate.budgetMinor === null ? t("noBudget") : money(estimate.budgetMinor)}</dd>
          </div>
        </dl>
        {estimate.budgetMinor !== null && estimate.rewardTotalMinor > 0 && (
          <p className={`rounded-md px-3 py-2 text-sm ${overBudget ? "bg-amber-50 text-amber-900" : "bg-green-50 text-green-800"}`}>
            {overBudget ? t("overBudget", { count: coverable ?? 0 }) : t("withinBudget")}
          </p>
        )}
      </div>
    </Card>
  );
}
