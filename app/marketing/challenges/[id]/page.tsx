import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ChartTable } from "@/components/chart-table";
import { FunnelChart, SpendChart } from "@/components/charts/marketing-charts";
import { LifecycleBadge } from "@/components/lifecycle-badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { estimateAudience, getChallengeFollowUp, getChallengeHistory } from "@/lib/dal/challenge-authoring/queries";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";
import { ALLOWED, editableFields } from "@/lib/domain/challenge-transitions";
import { formatMoney } from "@/lib/domain/money";
import { challengeEndNoticeDays } from "@/lib/env";
import { formatDate, formatDateTime, formatNumber } from "@/lib/i18n/format";
import { toUtcInput } from "@/lib/validation/challenge";
import { AudienceEstimateCard } from "../_components/audience-estimate";
import { BudgetBar } from "../_components/budget-bar";
import { countryLabel } from "../_components/form-setup";
import { challengeFromParams, titleIn } from "../_components/shared";
import { StatusActions } from "../_components/status-actions";

type Props = { params: Promise<{ id: string }> };

const DAY = 86_400_000;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const caller = await requireRole(AREA_ROLES.marketing);
  const c = await challengeFromParams(caller, params);
  return { title: titleIn(c, await getLocale()) || (await getTranslations("marketing.form"))("untitled") };
}

export default async function ChallengeOverviewPage({ params }: Props) {
  const caller = await requireRole(AREA_ROLES.marketing);
  const c = await challengeFromParams(caller, params);
  const pendingEstimate = estimateAudience(caller, c);
  const [estimate, followUp, history] = await Promise.all([pendingEstimate, getChallengeFollowUp(caller, c.id, { estimate: pendingEstimate }), getChallengeHistory(caller, c.id)]);
  const t = await getTranslations("marketing");
  const tf = await getTranslations("marketing.form");
  const tk = await getTranslations("kinds");
  const tp = await getTranslations("platforms");
  const tm = await getTranslations("metrics");
  const locale = await getLocale();
  const money = (minor: number) => formatMoney(minor, c.currency, locale);
  const n = (v: number) => formatNumber(v, locale);
  const title = titleIn(c, locale) || tf("untitled");
  const now = c.asOf.getTime();
  const noticeDays = challengeEndNoticeDays();
  const earliestEnd = new Date(now + noticeDays * DAY);
  // The suggested end is the next full hour after the notice period: the page may sit open a while
  // before it is sent, and a date inside the notice period is refused, not moved.
  const suggestedEnd = new Date(Math.ceil((earliestEnd.getTime() + 60_000) / 3_600_000) * 3_600_000);
  const fieldLabels: Record<string, string> = {
    titleEn: tf("titleEn"),
    titleFr: tf("titleFr"),
    descriptionEn: tf("descriptionEn"),
    descriptionFr: tf("descriptionFr"),
    startsAt: tf("startsAt"),
    endsAt: tf("endsAt"),
    milestones: tf("sections.milestones"),
    budget: tf("budget", { currency: c.currency }),
    invites: tf("invites"),
  };
  const funnel = followUp
    ? [
        { label: t("followUp.eligible"), count: followUp.eligible },
        { label: t("followUp.enrolled"), count: followUp.enrolled },
        ...followUp.milestones.map((m) => ({ label: t("followUp.milestone", { position: m.position }), count: m.reached })),
      ]
    : [];
  const started = c.lifecycle === "live" || c.lifecycle === "ended" || c.lifecycle === "archived";

  return (
    <div className="space-y-6">
      <Link href="/marketing/challenges" className="text-sm font-medium text-brand-700 hover:underline">← {t("back")}</Link>

      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <LifecycleBadge lifecycle={c.lifecycle} />
          <span className="text-gray-600">{tk(c.kind)} · {tp(c.platform)}</span>
        </div>
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        <p className="text-sm text-gray-600">
          {t("overview.window", { start: formatDateTime(c.startsAt, locale), end: formatDateTime(c.endsAt, locale) })}
        </p>
        {c.endNoticeAt && c.lifecycle === "live" && (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
            {t("overview.endingEarly", { date: formatDate(c.endsAt, locale), noticed: formatDate(c.endNoticeAt, locale) })}
          </p>
        )}
        <div className="flex flex-wrap gap-2 pt-1">
          {editableFields(c.lifecycle).length > 0 && (
            <Link href={`/marketing/challenges/${c.id}/edit`} className={buttonClass("secondary")}>{t("overview.edit")}</Link>
          )}
          <Link href={`/marketing/challenges/${c.id}/preview`} className={buttonClass("secondary")}>{t("overview.preview")}</Link>
        </div>
      </header>

      <div className="grid gap-5 lg:grid-cols-3">
        <div className="space-y-5 lg:col-span-2">
          <Card title={t("overview.status")}>
            <StatusActions
              challengeId={c.id}
              allowed={[...ALLOWED[c.lifecycle]].filter((x) => x !== "update")}
              startInFuture={c.startsAt.getTime() > now}
              startLabel={formatDateTime(c.startsAt, locale)}
              noticeDays={noticeDays}
              earliestEndInput={toUtcInput(suggestedEnd.getTime() < c.endsAt.getTime() ? suggestedEnd : earliestEnd)}
              canEndEarlier={earliestEnd.getTime() < c.endsAt.getTime()}
              challengeTitle={title}
              endLabel={formatDateTime(c.endsAt, locale)}
              fieldLabels={fieldLabels}
            />
          </Card>

          <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            <div className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
              <dt className="text-sm font-medium text-gray-600">{t("overview.enrolled")}</dt>
              <dd className="tabular mt-1 text-2xl font-semibold">
                {n(c.enrolledCount)}
                {c.enrollmentCap !== null && <span className="text-base font-normal text-gray-500"> / {n(c.enrollmentCap)}</span>}
              </dd>
              {followUp && followUp.enrolled > c.enrolledCount && (
                <dd className="mt-1 text-xs text-gray-600">{t("overview.joinedInAll", { count: followUp.enrolled, left: followUp.enrolled - c.enrolledCount })}</dd>
              )}
            </div>
            <div className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
              <dt className="text-sm font-medium text-gray-600">{t("overview.reached")}</dt>
              <dd className="tabular mt-1 text-2xl font-semibold">{n(followUp?.milestones.reduce((s, m) => s + m.reached, 0) ?? 0)}</dd>
            </div>
            <div className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
              <dt className="text-sm font-medium text-gray-600">{t("overview.spend")}</dt>
              <dd className="tabular mt-1 text-2xl font-semibold">{money(c.spentMinor)}</dd>
              {c.budgetMinor !== null && (
                <dd className="mt-1 text-xs text-gray-600">
                  {t("overview.ofBudget", { budget: money(c.budgetMinor) })}
                  <BudgetBar spent={c.spentMinor} budget={c.budgetMinor} label={t("overview.spend")} />
                </dd>
              )}
            </div>
          </dl>

          {followUp && (
            <Card title={t("followUp.funnelTitle")}>
              {!started && <p className="mb-2 text-sm text-gray-600">{t("followUp.notStarted")}</p>}
              <FunnelChart steps={funnel} locale={locale} />
              <ChartTable
                summary={t("followUp.showTable")}
                caption={t("followUp.funnelTitle")}
                columns={[t("followUp.step"), t("followUp.creators"), t("followUp.ofEnrolled")]}
                rows={[
                  { key: "eligible", header: t("followUp.eligibleNow"), cells: [n(followUp.eligible), "—"] },
                  { key: "enrolled", header: t("followUp.enrolledDetail", { still: n(followUp.stillEnrolled) }), cells: [n(followUp.enrolled), "—"] },
                  ...followUp.milestones.map((m) => ({
                    key: m.position,
                    header: (
                      <>
                        {t("followUp.milestoneDetail", { position: m.position, threshold: n(m.threshold), metric: tm(m.metric).toLowerCase() })}
                        {m.unpaid > 0 && <span className="text-amber-800"> · {t("followUp.unpaid", { count: m.unpaid })}</span>}
                      </>
                    ),
                    cells: [n(m.reached), followUp.enrolled > 0 ? `${Math.round((m.reached / followUp.enrolled) * 100)} %` : "—"],
                  })),
                ]}
              />
            </Card>
          )}

          {followUp && (
            <Card title={t("followUp.spendTitle")}>
              <p className="mb-2 text-sm text-gray-600">
                {followUp.spend.length === 0
                  ? t("followUp.spendEmpty")
                  : t("followUp.spendSummary", {
                      spent: money(followUp.spentMinor),
                      budget: followUp.budgetMinor === null ? t("followUp.noBudget") : money(followUp.budgetMinor),
                    })}
              </p>
              {followUp.spend.length > 0 && (
                <>
                  <SpendChart
                    points={followUp.spend.map((p) => ({ label: formatDate(p.day, locale), cumulative: p.cumulativeMinor }))}
                    budgetMinor={followUp.budgetMinor}
                    labels={{ spend: t("followUp.cumulative"), budget: t("followUp.budget") }}
                    locale={locale}
                    currency={followUp.currency}
                  />
                  <ChartTable
                    summary={t("followUp.showTable")}
                    caption={t("followUp.spendTitle")}
                    columns={[t("followUp.day"), t("followUp.daily"), t("followUp.cumulative")]}
                    rows={followUp.spend.map((p) => ({ key: p.day, header: formatDate(p.day, locale), cells: [money(p.dailyMinor), money(p.cumulativeMinor)] }))}
                    tall
                  />
                </>
              )}
            </Card>
          )}
        </div>

        <aside className="space-y-5">
          {estimate && <AudienceEstimateCard estimate={estimate} />}
          <Card title={t("overview.rules")}>
            <ul className="space-y-1 text-sm text-gray-700">
              <li>{t("overview.followers", { range: `${n(c.minFollowers)} – ${c.maxFollowers === null ? "∞" : n(c.maxFollowers)}` })}</li>
              <li>{t("overview.countries", { list: c.countries.length ? c.countries.map((x) => countryLabel(x, locale)).join(", ") : t("overview.allCountries") })}</li>
              {c.inviteOnly && <li>{t("overview.inviteOnly", { count: c.invites.length })}</li>}
              {c.milestones.map((m, i) => (
                <li key={i}>{t("followUp.milestoneDetail", { position: i + 1, threshold: n(m.threshold), metric: tm(m.metric).toLowerCase() })} → {money(m.rewardMinor)}</li>
              ))}
            </ul>
          </Card>
          <Card title={t("overview.history")}>
            {history.length === 0 ? (
              <p className="text-sm text-gray-600">{t("overview.noHistory")}</p>
            ) : (
              <ol className="space-y-2 text-sm">
                {history.map((h) => (
                  <li key={h.id}>
                    <span className="font-medium text-gray-900">{t.has(`audit.${h.action}`) ? t(`audit.${h.action}`) : h.action}</span>
                    <span className="block text-xs text-gray-600">{h.actorName ?? "—"} · {formatDateTime(h.createdAt, locale)}</span>
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </aside>
      </div>
    </div>
  );
}
