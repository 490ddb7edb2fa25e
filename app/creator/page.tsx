import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ChartTable } from "@/components/chart-table";
import { EarningsChart } from "@/components/charts/creator-home-charts";
import { MilestoneProgress } from "@/components/milestone-progress";
import { RangePicker } from "@/components/range-picker";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { RANGES, getMyEarningsSeries, getMyEarningsSummary, getMyLiveChallenges, getMyNewAwards, type RangeKey } from "@/lib/dal/creator-home/queries";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";
import { formatMoney } from "@/lib/domain/money";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { DismissAwards } from "./_components/dismiss-awards";

export default async function CreatorHome({ searchParams }: { searchParams: Promise<{ range?: string }> }) {
  const caller = await requireRole(AREA_ROLES.creator);
  const { range: rawRange } = await searchParams;
  const range: RangeKey = rawRange && rawRange in RANGES ? (rawRange as RangeKey) : "90d";
  const [awards, summary, series, live] = await Promise.all([getMyNewAwards(caller), getMyEarningsSummary(caller), getMyEarningsSeries(caller, range), getMyLiveChallenges(caller)]);
  const locale = await getLocale();
  const t = await getTranslations("home");
  const tc = await getTranslations("challenges");
  const money = (minor: number, currency = summary.currency) => formatMoney(minor, currency, locale);
  const title = (c: { titleEn: string; titleFr: string }) => (locale === "fr" ? c.titleFr : c.titleEn);
  const { bonus, commission, other } = summary.totals;
  const statuses = [
    { key: "pending", label: t("earnings.pending"), hint: t("earnings.pendingHint") },
    { key: "available", label: t("earnings.available"), hint: t("earnings.availableHint") },
    { key: "in_payout", label: t("earnings.inPayout") },
    { key: "paid", label: t("earnings.paid") },
  ] as const;
  const chartTotals = series.reduce((s, p) => ({ bonus: s.bonus + p.bonus, commission: s.commission + p.commission }), { bonus: 0, commission: 0 });
  const bucketLabel = (bucket: string) => formatDate(bucket, locale);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">{t("title", { name: caller.name })}</h1>
        <p className="text-sm text-gray-500">{t("asOf", { time: formatDateTime(summary.asOf, locale) })}</p>
      </div>

      {awards.length > 0 && (
        <section role="status" aria-labelledby="awards-title" className="rounded-lg border border-green-200 bg-green-50 p-4">
          <div className="flex items-start justify-between gap-3">
            <h2 id="awards-title" className="font-semibold text-green-900">{t("awards.title")}</h2>
            <DismissAwards awardIds={awards.map((a) => a.id)} label={t("awards.dismiss")} />
          </div>
          <ul className="mt-2 space-y-1 text-sm text-green-900">
            {awards.map((a) => (
              <li key={a.id}>
                {a.status === "paid"
                  ? t("awards.paid", { position: a.position, title: title(a), reward: money(a.rewardMinor, a.currency) })
                  : t("awards.unpaid", { position: a.position, title: title(a) })}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="earnings-title">
        <h2 id="earnings-title" className="mb-3 text-lg font-semibold">{t("earnings.title")}</h2>
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {statuses.map((s) => {
            const total = bonus[s.key] + commission[s.key] + other[s.key];
            return (
              <div key={s.key} className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
                <dt className="text-sm font-medium text-gray-600">{s.label}</dt>
                <dd className="tabular mt-1 text-2xl font-semibold">{money(total)}</dd>
                <dd className="tabular mt-2 space-y-0.5 text-xs text-gray-600">
                  <div className="flex justify-between gap-2"><span>{t("earnings.bonus")}</span><span>{money(bonus[s.key])}</span></div>
                  <div className="flex justify-between gap-2"><span>{t("earnings.commission")}</span><span>{money(commission[s.key])}</span></div>
                  {other[s.key] !== 0 && (
                    <div className="flex justify-between gap-2"><span>{t("earnings.other")}</span><span>{money(other[s.key])}</span></div>
                  )}
                </dd>
                {"hint" in s && <dd className="mt-2 text-xs text-gray-500">{s.hint}</dd>}
              </div>
            );
          })}
        </dl>
      </section>

      <Card
        title={t("chart.title")}
        action={
          <RangePicker
            label={t("chart.range")}
            current={range}
            options={(Object.keys(RANGES) as RangeKey[]).map((k) => ({ key: k, label: t(`chart.${k}`) }))}
            hrefFor={(k) => `/creator?range=${k}`}
          />
        }
      >
        <p className="mb-2 text-sm text-gray-600">
          {chartTotals.bonus === 0 && chartTotals.commission === 0
            ? t("chart.empty")
            : t("chart.summary", { bonus: money(chartTotals.bonus), commission: money(chartTotals.commission) })}
        </p>
        <EarningsChart
          points={series.map((p) => ({ label: bucketLabel(p.bucket), bonus: p.bonus, commission: p.commission }))}
          labels={{ bonus: t("chart.bonus"), commission: t("chart.commission") }}
          locale={locale}
          currency={summary.currency}
        />
        <ChartTable
          summary={t("chart.showTable")}
          caption={t("chart.title")}
          columns={[t("chart.period"), t("chart.bonus"), t("chart.commission")]}
          rows={series.map((p) => ({ key: p.bucket, header: bucketLabel(p.bucket), cells: [money(p.bonus), money(p.commission)] }))}
        />
      </Card>

      <section aria-labelledby="live-title" className="space-y-3">
        <div className="flex items-center justify-between">
          <h2 id="live-title" className="text-lg font-semibold">{t("live.title")}</h2>
          <Link href="/creator/challenges" className="text-sm font-medium text-brand-700 hover:underline">{t("live.browse")}</Link>
        </div>
        {live.length === 0 ? (
          <EmptyState title={t("live.empty")} action={<Link href="/creator/challenges" className={buttonClass()}>{t("live.browse")}</Link>} />
        ) : (
          <div className="grid gap-4 md:grid-cols-2">
            {live.map((c) => (
              <Card
                key={c.id}
                title={title(c)}
                action={<Link href={`/creator/challenges/${c.id}`} className="text-sm font-medium text-brand-700 hover:underline">{t("live.details")}</Link>}
              >
                <p className="mb-3 text-sm text-gray-600">
                  {tc("daysLeft", { count: c.daysLeft })} · {tc("endsOn", { date: formatDate(c.endsAt, locale) })}
                </p>
                {c.endNoticeAt && (
                  <p role="status" className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                    {tc("detail.endNotice", { date: formatDate(c.endsAt, locale) })}
                  </p>
                )}
                <div className="space-y-3">
                  {c.milestones.map((m) => (
                    <MilestoneProgress key={m.id} position={m.position} metric={m.metric} threshold={m.threshold} current={m.current} reached={m.reached} />
                  ))}
                </div>
              </Card>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
