import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import type { ChallengeView } from "@/lib/dal/challenges/queries";
import { reasonText } from "@/components/reason-text";
import { formatMoney } from "@/lib/domain/money";
import { formatDate, formatDateTime, formatNumber } from "@/lib/i18n/format";
import { MilestoneProgress } from "./milestone-progress";
import { LifecycleBadge } from "./lifecycle-badge";
import { Pagination } from "./pagination";
import { Card } from "./ui/card";
import { ResponsiveTable } from "./ui/responsive-table";

/**
 * A challenge as a creator sees it. The creator's page and marketing's preview both render
 * this component, so the preview is exactly what creators will see; `actions` is the only
 * part that differs (enroll / withdraw, or nothing in a preview). `locale` renders it in another
 * language than the reader's, for a preview as a creator who reads that language.
 */
export async function ChallengeDetail({
  view,
  actions,
  banner,
  locale: forcedLocale,
  activityHref,
}: {
  view: ChallengeView;
  /** The address of another page of "What counted" (the creator's page); none in a preview. */
  activityHref?: (page: number) => string;
  actions?: ReactNode;
  banner?: ReactNode;
  locale?: "en" | "fr";
}) {
  const locale = forcedLocale ?? (await getLocale());
  const t = await getTranslations({ locale, namespace: "challenges" });
  const tm = await getTranslations({ locale, namespace: "metrics" });
  const tw = await getTranslations({ locale, namespace: "whatCounted" });
  const tk = await getTranslations({ locale, namespace: "kinds" });
  const tp = await getTranslations({ locale, namespace: "platforms" });
  const money = (minor: number) => formatMoney(minor, view.currency, locale);
  const title = locale === "fr" ? view.titleFr : view.titleEn;
  const description = locale === "fr" ? view.descriptionFr : view.descriptionEn;
  const { rules } = view;
  const followers =
    rules.maxFollowers === null && rules.minFollowers === 0
      ? t("detail.followersAny")
      : `${formatNumber(rules.minFollowers, locale)} – ${rules.maxFollowers === null ? "∞" : formatNumber(rules.maxFollowers, locale)}`;
  const enrolled = view.enrollment && !view.enrollment.withdrawnAt;

  return (
    <article className="space-y-5">
      {banner}
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <LifecycleBadge lifecycle={view.lifecycle} locale={forcedLocale} />
          <span className="text-gray-600">{tk(view.kind)} · {tp(view.platform)}</span>
        </div>
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        <p className="text-sm text-gray-600">
          {t("detail.window", { start: formatDate(view.startsAt, locale), end: formatDate(view.endsAt, locale) })}
          {view.lifecycle === "live" && <> · {t("daysLeft", { count: view.daysLeft })}</>}
        </p>
        {description && <p className="max-w-3xl whitespace-pre-line text-gray-800">{description}</p>}
      </header>

      {view.endNoticeAt && view.lifecycle === "live" && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {t("detail.endNotice", { date: formatDate(view.endsAt, locale) })}
        </p>
      )}

      <div className="grid gap-5 lg:grid-cols-3">
        <div className="space-y-5 lg:col-span-2">
          <Card title={t("detail.milestones")}>
            <ol className="space-y-5">
              {view.milestones.map((m) => (
                <li key={m.id} className="space-y-1">
                  <MilestoneProgress locale={forcedLocale} position={m.position} metric={m.metric} threshold={m.threshold} current={m.current} reached={m.award !== null} />
                  <p className="flex flex-wrap justify-between gap-x-3 text-sm">
                    <span className="font-medium text-gray-900">{t("detail.reward", { amount: money(m.rewardMinor) })}</span>
                    <span className={m.award?.status === "unpaid_budget" ? "text-amber-800" : m.award ? "text-green-700" : "text-gray-600"}>
                      {m.award
                        ? m.award.status === "paid"
                          ? t("detail.reached", { date: formatDate(m.award.reachedAt, locale) })
                          : t("detail.unpaid", { date: formatDate(m.award.reachedAt, locale) })
                        : enrolled && view.lifecycle === "live"
                          ? m.projection.kind === "on"
                            ? t("detail.paceOn", { date: formatDate(m.projection.date, locale) })
                            : t("detail.paceNever")
                          : null}
                    </span>
                  </p>
                </li>
              ))}
            </ol>
          </Card>

          <Card title={tw("title")}>
            <div id="what-counted" className="scroll-mt-4 space-y-3">
              {view.countedTotals.length > 0 && (
                <p className="text-sm text-gray-800">
                  <span className="font-medium">{tw("totals")}:</span>{" "}
                  {view.countedTotals.map((c, i) => (
                    <span key={c.measure} className="tabular">
                      {i > 0 && " · "}
                      {tm(c.measure)} {formatNumber(c.total, locale)}
                    </span>
                  ))}
                </p>
              )}
              {view.milestones.some((m) => m.metric === "live_days") && <p className="text-sm text-gray-600">{tw("utcDays")}</p>}
              {view.recentActivity.length === 0 ? (
                <p className="text-sm text-gray-600">{t("detail.activityEmpty")}</p>
              ) : (
                <ResponsiveTable
                  caption={tw("caption")}
                  stackBelow="sm"
                  frame="none"
                  rows={view.recentActivity}
                  rowKey={(a) => a.id}
                  headClassName="text-gray-600"
                  headerCellClassName="py-1 pr-3"
                  cellClassName="py-1.5 pr-3"
                  columns={[
                    { header: t("detail.when"), phone: "meta", className: "whitespace-nowrap", cell: (a) => formatDateTime(a.occurredAt, locale) },
                    { header: t("detail.metric"), phone: "title", cell: (a) => tm(a.metric) },
                    { header: t("detail.amount"), align: "right", phone: "corner", className: "tabular", cell: (a) => formatNumber(a.amount, locale) },
                    {
                      header: t("detail.counted"),
                      phone: "plain",
                      className: (a) => (a.verdict === "counted" ? "text-green-700" : "text-gray-600"),
                      cell: (a) => t(`detail.verdicts.${a.verdict}`),
                    },
                  ]}
                />
              )}
              {activityHref && (
                <Pagination
                  page={view.activityPage.page}
                  total={view.activityPage.total}
                  pageSize={view.activityPage.pageSize}
                  hrefFor={activityHref}
                  labels={{ nav: tw("pageNav"), previous: tw("newer"), next: tw("older") }}
                />
              )}
            </div>
          </Card>
        </div>

        <div className="space-y-5">
          {(enrolled || view.reasons.length > 0 || actions) && (
            <Card>
              {enrolled ? (
                <p className="text-sm text-green-800">{t("detail.youAreIn", { date: formatDate(view.enrollment!.enrolledAt, locale) })}</p>
              ) : view.reasons.length > 0 ? (
                <div>
                  <h2 className="font-semibold text-gray-900">{t("detail.cannotJoin")}</h2>
                  <ul className="mt-2 list-inside list-disc space-y-1 text-sm text-gray-700">
                    {view.reasons.map((r) => (
                      <li key={r.code}>{reasonText(t, r)}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {actions && <div className="mt-3">{actions}</div>}
            </Card>
          )}
          <Card title={t("detail.rules")}>
            <ul className="space-y-1 text-sm text-gray-700">
              <li>{t("detail.platform", { platform: tp(rules.platform) })}</li>
              <li>{t("detail.followers", { range: followers })}</li>
              <li>{t("detail.countries", { list: rules.countries.length ? rules.countries.join(", ") : t("detail.countriesAll") })}</li>
              {rules.inviteOnly && <li>{t("detail.inviteOnly")}</li>}
              {rules.enrollmentCap !== null && <li>{t("detail.cap", { enrolled: rules.enrolledCount, cap: rules.enrollmentCap })}</li>}
            </ul>
          </Card>
        </div>
      </div>
    </article>
  );
}
