import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ChartTable } from "@/components/chart-table";
import { CommissionByMonthChart, CommissionByProductChart } from "@/components/charts/earnings-charts";
import { Pagination } from "@/components/pagination";
import { queryString } from "@/lib/url";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { ResponsiveTable } from "@/components/ui/responsive-table";
import { getMyCommissionBreakdown, listMyEntries, type EarningEntry } from "@/lib/dal/earnings/queries";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";
import { formatMoney, formatRate } from "@/lib/domain/money";
import { kindLabel, sourceMessage, type SourceMessage } from "@/lib/i18n/earning-source";
import { formatDate, formatNumber, formatPercent } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translator";
import { ENTRY_STATUSES, type EntryStatus } from "@/lib/domain/entry-status";
import { EARNING_KINDS, parseEarningsQuery, type EarningsQuery } from "@/lib/validation/shop";
import { dateTag, dateTimeFormat } from "@/lib/i18n/intl-cache";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("earnings"))("title") };
}

const STATUS_STYLES: Record<EntryStatus, string> = {
  pending: "bg-amber-100 text-amber-900",
  available: "bg-green-100 text-green-800",
  in_payout: "bg-blue-100 text-blue-800",
  paid: "bg-gray-200 text-gray-800",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CreatorEarnings({ searchParams }: { searchParams: SearchParams }) {
  const caller = await requireRole(AREA_ROLES.creator);
  const query = parseEarningsQuery(await searchParams);
  const [list, breakdown, locale, t] = await Promise.all([listMyEntries(caller, query), getMyCommissionBreakdown(caller), getLocale(), getTranslations("earnings")]);
  const tm = await getTranslations("payoutMoney");
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  const percent = (bps: number) => formatPercent(bps, locale);
  const href = (change: Partial<EarningsQuery>) => {
    const next = { ...query, ...change };
    return `/creator/earnings${queryString({ kind: next.kind, status: next.status, order: next.order, page: next.page > 1 ? next.page : null })}`;
  };
  const filtered = query.kind !== null || query.status !== null || query.order !== null;
  const monthLabel = (month: string) =>
    dateTimeFormat(dateTag(locale), { month: "short", year: "2-digit", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));
  const yearTotal = breakdown.byMonth.reduce((s, m) => s + m.totalMinor, 0);
  const exportHref = (sep?: "comma" | "semicolon") =>
    `/api/export/earnings.csv${queryString({ kind: query.kind, status: query.status, sep: sep ?? null })}`;
  const otherSep = locale === "fr" ? "comma" : "semicolon";

  const source = (e: EarningEntry): ReactNode => {
    const s = e.source;
    if (!s) return <span className="text-gray-500">—</span>;
    const orderLink = (id: string) => (
      <Link href={href({ order: id, kind: null, status: null, page: 1 })} className="font-mono text-xs text-brand-700 underline decoration-brand-700/40 hover:decoration-brand-700" aria-label={t("source.orderLink", { order: id })}>
        {id}
      </Link>
    );
    // The product in the shop catalog, where its affiliate link and commission rate are.
    const productLink = (title: string) =>
      function CatalogLink(chunks: ReactNode) {
        return (
          <Link href={`/creator/shop?q=${encodeURIComponent(title)}#catalog`} className="text-brand-700 underline decoration-brand-700/40 hover:decoration-brand-700">
            {chunks}
          </Link>
        );
      };
    // The words are the CSV's (lib/i18n/earning-source.ts); the page adds the links and the details.
    const message = sourceMessage(e, locale);
    switch (s.type) {
      case "milestone":
        return t.rich("source.milestone", {
          ...(message as Extract<SourceMessage, { key: "milestone" }>).values,
          link: (chunks) => <Link href={`/creator/challenges/${s.challengeId}`} className="text-brand-700 underline decoration-brand-700/40 hover:decoration-brand-700">{chunks}</Link>,
        });
      case "order":
        return (
          <>
              <span className="block">{t.rich("source.order", { ...(message as Extract<SourceMessage, { key: "order" }>).values, catalog: productLink(s.productTitle), order: () => orderLink(s.orderId) })}</span>
              <span className="block text-xs text-gray-600">{t("source.orderDetail", { rate: percent(s.rateBps), amount: money(s.orderAmountMinor, s.orderCurrency), code: s.code })}</span>
          </>
        );
      case "refund":
        return (
          <>
              <span className="block">{t.rich("source.refund", { ...(message as Extract<SourceMessage, { key: "refund" }>).values, catalog: productLink(s.productTitle), order: () => orderLink(s.orderId) })}</span>
              <span className="block text-xs text-gray-600">
                {t("source.refundDetail", { amount: money(s.refundAmountMinor, s.orderCurrency), total: money(s.orderAmountMinor, s.orderCurrency), rate: percent(s.rateBps) })}
              </span>
              {s.label.kind === "clawback" ? (
                <span className="mt-1 block text-xs font-medium text-amber-900" data-testid="clawback-note">
                  {s.inPayoutId === null
                    ? tm("clawbackNext", { paid: s.label.paidInPayoutId })
                    : tm("clawbackIn", { paid: s.label.paidInPayoutId, into: s.inPayoutId })}
                </span>
              ) : (
                <span className="block text-xs text-gray-600">{tm("reversalNote")}</span>
              )}
          </>
        );
      case "note":
        return s.note;
    }
  };

  const explained = (e: EarningEntry) => (
    <>
      {source(e)}
      {e.conversion && (
        <span className="block text-xs text-gray-600">
          {/* A correction's conversion is the whole bonus at the new day's rate, not the correction's own amount. */}
          {t(e.kind === "milestone_adjustment" ? "source.reconverted" : "source.converted", {
            amount: money(e.conversion.originalAmountMinor, e.conversion.originalCurrency),
            from: e.conversion.originalCurrency,
            to: e.currency,
            rate: formatRate(e.conversion.fxRateMicros, locale),
          })}
          {/* A refund's share that rounds to 0 in the creator's currency (docs/ingest-api.md). */}
          {e.amountMinor === 0 && <span className="block">{t("source.roundsAway", { to: e.currency })}</span>}
        </span>
      )}
    </>
  );
  const status = (e: EarningEntry) => (
    <>
      <span className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_STYLES[e.status]}`}>{t(`statuses.${e.status}`)}</span>
      {e.status === "pending" && <span className="mt-1 block whitespace-nowrap text-xs text-gray-600">{t("entries.availableOn", { date: formatDate(e.availableAt, locale) })}</span>}
    </>
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
      />

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("charts.byMonth")}>
          <p className="mb-2 text-sm text-gray-600">
            {yearTotal === 0 ? t("charts.emptyMonths") : t("charts.monthSummary", { amount: money(yearTotal, breakdown.currency) })}
          </p>
          <CommissionByMonthChart
            points={breakdown.byMonth.map((m) => ({ label: monthLabel(m.month), totalMinor: m.totalMinor }))}
            label={t("charts.commission")}
            locale={locale}
            currency={breakdown.currency}
          />
          <ChartTable
            summary={t("charts.showTable")}
            caption={t("charts.byMonth")}
            columns={[t("charts.month"), t("charts.commission")]}
            rows={breakdown.byMonth.map((m) => ({ key: m.month, header: monthLabel(m.month), cells: [money(m.totalMinor, breakdown.currency)] }))}
          />
        </Card>

        <Card title={t("charts.byProduct")}>
          {breakdown.byProduct.length === 0 ? (
            <p className="text-sm text-gray-600">{t("charts.emptyProducts")}</p>
          ) : (
            <>
              <CommissionByProductChart
                points={breakdown.byProduct.map((p) => ({ label: p.title, totalMinor: p.totalMinor }))}
                label={t("charts.commission")}
                locale={locale}
                currency={breakdown.currency}
              />
              <ChartTable
                summary={t("charts.showTable")}
                caption={t("charts.byProduct")}
                columns={[t("charts.product"), t("charts.orders"), t("charts.commission")]}
                rows={[
                  ...breakdown.byProduct.map((p) => ({
                    key: p.productId,
                    header: (
                      <>
                        {p.title} <span className="text-gray-500">· {p.merchant}</span>
                      </>
                    ),
                    cells: [formatNumber(p.orders, locale), money(p.totalMinor, breakdown.currency)],
                  })),
                  ...(breakdown.otherProductsCount > 0
                    ? [{ key: "other", header: t("charts.otherProducts", { count: breakdown.otherProductsCount }), cells: ["", money(breakdown.otherProductsMinor, breakdown.currency)] }]
                    : []),
                ]}
              />
            </>
          )}
          {breakdown.otherCurrencies.length > 0 && (
            <p className="mt-3 text-xs text-gray-600">
              {t("charts.otherCurrencies", { amounts: breakdown.otherCurrencies.map((c) => money(c.totalMinor, c.currency)).join(", ") })}
            </p>
          )}
        </Card>
      </div>

      <section aria-labelledby="entries-title" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="entries-title" className="text-lg font-semibold">{t("entries.title")}</h2>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <p className="text-xs text-gray-600">
              {t("export.hint")}{" "}
              <a href={exportHref(otherSep)} className="text-brand-700 underline" download>
                {t(`export.${otherSep}`)}
              </a>
            </p>
            <a href={exportHref()} className={buttonClass("secondary")} download>
              {t("export.button")}
            </a>
          </div>
        </div>
        <form action="/creator/earnings" method="get" aria-label={t("filters.label")} className="flex flex-wrap items-end gap-3 rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
          <div className="w-full space-y-1 sm:w-52">
            <label htmlFor="filter-kind" className="block text-sm font-medium text-gray-800">{t("filters.kind")}</label>
            <select id="filter-kind" name="kind" defaultValue={query.kind ?? ""} className={inputClass}>
              <option value="">{t("filters.allKinds")}</option>
              {EARNING_KINDS.map((k) => (
                <option key={k} value={k}>{t(`kinds.${k}`)}</option>
              ))}
            </select>
          </div>
          <div className="w-full space-y-1 sm:w-52">
            <label htmlFor="filter-status" className="block text-sm font-medium text-gray-800">{t("filters.status")}</label>
            <select id="filter-status" name="status" defaultValue={query.status ?? ""} className={inputClass}>
              <option value="">{t("filters.allStatuses")}</option>
              {ENTRY_STATUSES.map((s) => (
                <option key={s} value={s}>{t(`statuses.${s}`)}</option>
              ))}
            </select>
          </div>
          <div className="flex gap-2">
            <button type="submit" className={buttonClass()}>{t("filters.apply")}</button>
            {filtered && <Link href="/creator/earnings" className={buttonClass("ghost")}>{t("filters.clear")}</Link>}
          </div>
        </form>

        {query.order && (
          <p role="status" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-700">
            {t("filters.orderOnly", { order: query.order })}{" "}
            <Link href={href({ order: null, page: 1 })} className="font-medium underline">{t("filters.allOrders")}</Link>
          </p>
        )}

        <p className="text-sm text-gray-600">{t("entries.count", { count: list.total })}</p>

        {list.entries.length === 0 ? (
          <EmptyState title={filtered ? t("entries.emptyFiltered") : t("entries.empty")} />
        ) : (
          <ResponsiveTable
            caption={t("entries.title")}
            stackBelow="lg"
            rows={list.entries}
            rowKey={(e) => e.id}
            rowClassName="align-top"
            headClassName="bg-gray-50 text-gray-600"
            headerCellClassName="px-4 py-2"
            cellClassName="px-4 py-3"
            columns={[
              {
                header: t("entries.date"),
                rowHeader: true,
                phone: "meta",
                className: "tabular whitespace-nowrap font-normal",
                cell: (e) => formatDate(e.occurredAt, locale),
              },
              { header: t("entries.kind"), phone: "title", className: "whitespace-nowrap stacked:font-medium stacked:text-gray-900", cell: (e) => kindLabel(e, t as unknown as Translate, tm as unknown as Translate) },
              { header: t("entries.source"), phone: "plain", cell: explained },
              { header: t("entries.status"), phone: "plain", cell: status },
              {
                header: t("entries.amount"),
                align: "right",
                phone: "corner",
                className: (e) => `tabular whitespace-nowrap font-semibold ${e.amountMinor < 0 ? "text-red-700" : "text-gray-900"}`,
                cell: (e) => money(e.amountMinor, e.currency),
              },
            ]}
          />
        )}
        <Pagination
          className="mt-4"
          page={list.page}
          pageCount={list.pageCount}
          hrefFor={(page) => href({ page })}
          labels={{ nav: t("entries.pages"), previous: t("entries.previous"), next: t("entries.next") }}
        />
      </section>
    </div>
  );
}
