import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ChartTable } from "@/components/chart-table";
import { PayoutStatusChart } from "@/components/charts/staff-payout-charts";
import { FraudSignalChips, signalChipLabels } from "@/components/fraud-signals";
import { Pagination } from "@/components/pagination";
import { PayoutStatusPill } from "@/components/payout-status-badge";
import { Await } from "@/components/ui/await";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ResponsiveTable } from "@/components/ui/responsive-table";
import { listRecentPayoutRuns } from "@/lib/dal/payouts/run";
import { QUEUE_PAGE_SIZE, countPayoutQueue, getPayoutStatusSeries, getQueueChoices, listPayoutQueuePage } from "@/lib/dal/payouts/queries";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";
import { formatMoney } from "@/lib/domain/money";
import { REPORTING_CURRENCY } from "@/lib/domain/payout-rules";
import { periodOf, previousPeriod } from "@/lib/domain/period";
import { formatDate, formatPeriod } from "@/lib/i18n/format";
import { PAYOUT_STATUSES, parseQueueFilters, queueSearchParams, type SearchParams } from "@/lib/validation/payouts";
import { QueueFiltersForm } from "./_components/queue-filters";
import { RunForm } from "./_components/run-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payouts.queue"))("title") };
}

export default async function StaffPayouts({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const caller = await requireRole(AREA_ROLES.staff);
  const params = await searchParams;
  const filters = parseQueueFilters(params);
  const requestedCurrency = typeof params.currency === "string" ? params.currency.toUpperCase() : undefined;
  // Only the chart waits for the choices (its currency is one of them); the list and the runs
  // are read meanwhile. The count and the chart's sums stream in after the list: with the fraud
  // filter they weigh every matching payout (seconds at full bench scale), where the list stops
  // at its page, and the reviewer's work is the list. Cached (no fraud filter), they are there
  // before the page renders.
  const pendingChoices = getQueueChoices(caller);
  const currencyOf = (choices: { currencies: string[] }) =>
    requestedCurrency && choices.currencies.includes(requestedCurrency) ? requestedCurrency : (choices.currencies[0] ?? "EUR");
  const pendingSeries = pendingChoices.then((choices) => getPayoutStatusSeries(caller, filters, currencyOf(choices)));
  const pendingCount = countPayoutQueue(caller, filters);
  // Awaited below; this only keeps a failure before they render from being unhandled.
  for (const pending of [pendingSeries, pendingCount]) pending.catch(() => {});
  const [choices, rows, runs] = await Promise.all([pendingChoices, listPayoutQueuePage(caller, filters), listRecentPayoutRuns(caller)]);
  const chartCurrency = currencyOf(choices);
  const t = await getTranslations("payouts.queue");
  const ts = await getTranslations("payouts.status");
  const tr = await getTranslations("payouts.run");
  const tm = await getTranslations("payoutMoney");
  const locale = await getLocale();
  const signalLabels = await signalChipLabels();
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  const keep = { ...filters, currency: requestedCurrency ? chartCurrency : undefined };
  const hrefWith = (changes: Partial<typeof keep>) => {
    const qs = queueSearchParams({ ...keep, ...changes }).toString();
    return qs ? `/staff/payouts?${qs}` : "/staff/payouts";
  };
  const exportQs = queueSearchParams({ ...filters, page: 1 }).toString();
  const statusLabels = Object.fromEntries(PAYOUT_STATUSES.map((s) => [s, ts(s)])) as Record<(typeof PAYOUT_STATUSES)[number], string>;
  const periodLabel = (period: string) => formatPeriod(period, locale, "short");

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        action={
          <a href={`/api/export/payouts.csv${exportQs ? `?${exportQs}` : ""}`} className={buttonClass("secondary")} download>
            {t("export")}
          </a>
        }
      />

      <Card title={t("filtersTitle")}>
        <QueueFiltersForm filters={filters} countries={choices.countries} />
        <Suspense fallback={<p className="mt-1 text-sm text-gray-500" role="status">{t("counting")}</p>}>
          <Await promise={pendingCount}>
            {(count) => (
              <p className="mt-1 text-sm text-gray-700" role="status">
                {t("matching", { count: count.total })}
                {count.totals.length > 0 && (
                  <>
                    {" · "}
                    {count.totals.map((c) => money(c.amountMinor, c.currency)).join(" · ")}
                  </>
                )}
              </p>
            )}
          </Await>
        </Suspense>
      </Card>

      {rows.length === 0 ? (
        <EmptyState title={t("empty")} body={t("emptyHint")} action={<Link href="/staff/payouts?status=all" className={buttonClass("secondary")}>{t("showAll")}</Link>} />
      ) : (
        <section aria-labelledby="queue-title" className="space-y-3">
          <h2 id="queue-title" className="sr-only">{t("tableTitle")}</h2>
          <ResponsiveTable
            caption={t("tableCaption")}
            stackBelow="md"
            rows={rows}
            rowKey={(p) => p.id}
            rowClassName="align-top hover:bg-gray-50"
            columns={[
              {
                header: t("creator"),
                rowHeader: true,
                phone: "title",
                className: "font-normal",
                cell: (p) => (
                  <>
                    {/* Not prefetched: 25 rows in view would each ask the server for a review page nobody opened. */}
                    <Link href={`/staff/payouts/${p.id}`} prefetch={false} className="font-medium text-brand-700 hover:underline">
                      {p.displayName}
                    </Link>
                    <div className="text-xs text-gray-600">@{p.handle} · {p.country} · #{p.id}</div>
                  </>
                ),
              },
              { header: t("period"), phone: "meta", className: "whitespace-nowrap", cell: (p) => p.period },
              {
                header: t("amount"),
                align: "right",
                phone: "corner",
                className: "tabular whitespace-nowrap font-medium",
                // Both amounts: the creator's, and the EUR one that the filter, sort and four-eyes limit use.
                cell: (p) => (
                  <>
                    {money(p.amountMinor, p.currency)}
                    {p.currency !== REPORTING_CURRENCY && p.amountEurMinor !== null && (
                      <div className="text-xs font-normal text-gray-600">{tm("inEur", { amount: money(p.amountEurMinor, REPORTING_CURRENCY) })}</div>
                    )}
                  </>
                ),
              },
              {
                header: t("status"),
                cell: (p) => (
                  <>
                    <PayoutStatusPill status={p.status} label={statusLabels[p.status]} />
                    {p.approvalsRequired === 2 && (p.status === "pending_review" || p.status === "held") && (
                      <div className="mt-1 text-xs text-gray-600">{t("approvals", { count: p.approvals, required: p.approvalsRequired })}</div>
                    )}
                    {p.status === "held" && p.holdDecideBy && (
                      <div className="mt-1 text-xs text-gray-600">{t("decideBy", { date: formatDate(p.holdDecideBy, locale) })}</div>
                    )}
                  </>
                ),
              },
              { header: t("signals"), cell: (p) => <FraudSignalChips signals={p.signals} labels={signalLabels} /> },
              {
                header: t("age"),
                className: "whitespace-nowrap text-gray-700",
                cell: (p) => (
                  <>
                    {t("days", { count: p.waitingDays })}
                    <div className="text-xs text-gray-500">{formatDate(p.createdAt, locale)}</div>
                  </>
                ),
              },
            ]}
          />
          <Suspense fallback={null}>
            <Await promise={pendingCount}>
              {(count) => <Pagination page={filters.page} pageSize={QUEUE_PAGE_SIZE} total={count.total} hrefFor={(page) => hrefWith({ page })} />}
            </Await>
          </Suspense>
        </section>
      )}

      <Card
        title={t("chart.title", { currency: chartCurrency })}
        action={
          choices.currencies.length > 1 && (
            <nav aria-label={t("chart.currency")} className="flex flex-wrap gap-1 text-sm">
              {choices.currencies.map((c) => (
                <Link
                  key={c}
                  href={hrefWith({ currency: c, page: 1 })}
                  aria-current={c === chartCurrency ? "true" : undefined}
                  scroll={false}
                  className={`rounded px-2 py-0.5 font-medium ${c === chartCurrency ? "bg-brand-600 text-white" : "text-gray-700 ring-1 ring-gray-300 hover:bg-gray-100"}`}
                >
                  {c}
                </Link>
              ))}
            </nav>
          )
        }
      >
        <p className="mb-2 text-sm text-gray-600">{t("chart.hint")}</p>
        <Suspense
          fallback={
            // The chart's own box and the table's summary line, so nothing moves when it arrives.
            <>
              <div className="h-64 w-full rounded bg-gray-50" role="status" aria-label={t("chart.loading")} />
              <p className="invisible mt-3 text-sm" aria-hidden="true">{t("chart.showTable")}</p>
            </>
          }
        >
          <Await promise={pendingSeries}>
            {(series) => (
              <>
                <PayoutStatusChart
                  points={series.map((p) => ({ ...p, label: periodLabel(p.period) }))}
                  labels={statusLabels}
                  locale={locale}
                  currency={chartCurrency}
                />
                <ChartTable
                  summary={t("chart.showTable")}
                  caption={t("chart.title", { currency: chartCurrency })}
                  columns={[t("period"), ...PAYOUT_STATUSES.map((s) => ts(s))]}
                  rows={series.map((p) => ({ key: p.period, header: p.period, cells: PAYOUT_STATUSES.map((s) => money(p[s], chartCurrency)) }))}
                  wide
                />
              </>
            )}
          </Await>
        </Suspense>
      </Card>

      <Card title={tr("title")}>
        <p className="mb-3 text-sm text-gray-600">{tr("explain")}</p>
        <RunForm defaultPeriod={previousPeriod()} maxPeriod={periodOf(new Date())} />
        {runs.length > 0 && (
          <div className="mt-4">
            <h3 className="mb-1 text-sm font-semibold text-gray-800">{tr("recent")}</h3>
            <ul className="divide-y divide-gray-100 text-sm">
              {runs.map((r) => (
                <li key={r.id} className="flex flex-wrap justify-between gap-2 py-1.5">
                  <span className="font-medium">{r.period}</span>
                  <span className="text-gray-600">
                    {tr("runSummary", { count: r.payoutCount, date: formatDate(r.startedAt, locale), who: r.startedBy ?? tr("system") })}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
        <p className="mt-3 text-xs text-gray-500">{tr("cli")}</p>
      </Card>
    </div>
  );
}
