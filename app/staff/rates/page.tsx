import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ResponsiveTable } from "@/components/ui/responsive-table";
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
              <ResponsiveTable
                caption={t("latest.title")}
                rows={latest}
                rowKey={(r) => `${r.base}-${r.quote}`}
                stackBelow="sm"
                frame="none"
                tableClassName="tabular"
                headClassName="text-gray-600"
                headerCellClassName="py-2 pr-4"
                cellClassName="py-1.5 pr-4"
                columns={[
                  { header: t("latest.pair"), rowHeader: true, phone: "title", className: "whitespace-nowrap font-medium", cell: (r) => `${r.base} → ${r.quote}` },
                  { header: t("latest.rate"), align: "right", phone: "corner", cell: (r) => formatRate(r.rateMicros, locale) },
                  { header: t("latest.day"), phone: "meta", className: "whitespace-nowrap", cell: (r) => formatDate(r.day, locale) },
                  { header: t("latest.source"), phone: "meta", className: "text-gray-600", cell: (r) => r.addedBy ?? t("latest.feed") },
                ]}
              />
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
