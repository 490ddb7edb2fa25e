import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { listExchangeRates } from "@/lib/dal/rates/queries";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";
import { formatRate } from "@/lib/domain/money";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { RateForm } from "./_components/rate-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("rates"))("title") };
}

export default async function StaffRates() {
  const caller = await requireRole(AREA_ROLES.staff);
  const [{ latest, recent }, locale, t] = await Promise.all([listExchangeRates(caller), getLocale(), getTranslations("rates")]);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Card title={t("latest.title")}>
            {latest.length === 0 ? (
              <EmptyState title={t("latest.empty")} />
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">{t("latest.title")}</caption>
                  <thead className="text-gray-600">
                    <tr>
                      <th scope="col" className="py-2 pr-4 font-medium">{t("latest.pair")}</th>
                      <th scope="col" className="py-2 pr-4 text-right font-medium">{t("latest.rate")}</th>
                      <th scope="col" className="py-2 pr-4 font-medium">{t("latest.day")}</th>
                      <th scope="col" className="py-2 font-medium">{t("latest.source")}</th>
                    </tr>
                  </thead>
                  <tbody className="tabular">
                    {latest.map((r) => (
                      <tr key={`${r.base}-${r.quote}`} className="border-t border-gray-100">
                        <th scope="row" className="whitespace-nowrap py-1.5 pr-4 font-medium">{r.base} → {r.quote}</th>
                        <td className="py-1.5 pr-4 text-right">{formatRate(r.rateMicros, locale)}</td>
                        <td className="whitespace-nowrap py-1.5 pr-4">{formatDate(r.day, locale)}</td>
                        <td className="py-1.5 text-gray-600">{r.addedBy ?? t("latest.feed")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
        </div>
        {/* The form first on phones, beside the list on wide screens. */}
        <div className="order-first space-y-4 lg:order-none">
          <Card title={t("form.title")}>
            <p className="mb-3 text-sm text-gray-600">{t("form.help")}</p>
            <RateForm today={today} />
          </Card>
          <Card title={t("recent.title")}>
            {recent.length === 0 ? (
              <p className="text-sm text-gray-600">{t("recent.empty")}</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {recent.map((r) => (
                  <li key={`${r.base}-${r.quote}-${r.day}`} className="border-t border-gray-100 pt-2 first:border-0 first:pt-0">
                    <span className="tabular font-medium">1 {r.base} = {formatRate(r.rateMicros, locale)} {r.quote}</span>{" "}
                    <span className="text-gray-600">· {formatDate(r.day, locale)}</span>
                    <span className="block text-xs text-gray-500">{t("recent.by", { name: r.addedBy ?? "—", time: formatDateTime(r.addedAt, locale) })}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
