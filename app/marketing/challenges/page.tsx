import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LifecycleBadge } from "@/components/lifecycle-badge";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { listChallengesForMarketing, type ListStatus } from "@/lib/dal/marketing-challenges";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";
import { LIFECYCLE } from "@/lib/domain/lifecycle";
import { formatMoney } from "@/lib/domain/money";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { BudgetBar } from "./_components/budget-bar";
import { titleIn } from "./_components/shared";

const STATUSES: ListStatus[] = ["all", ...LIFECYCLE];

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("marketing.list"))("title") };
}

type Props = { searchParams: Promise<{ status?: string; page?: string }> };

export default async function MarketingChallenges({ searchParams }: Props) {
  await requireRole(AREA_ROLES.marketing);
  const query = await searchParams;
  const status: ListStatus = STATUSES.includes(query.status as ListStatus) ? (query.status as ListStatus) : "all";
  const list = await listChallengesForMarketing({ status, page: Number(query.page ?? 1) });
  const t = await getTranslations("marketing.list");
  const tl = await getTranslations("lifecycle");
  const tk = await getTranslations("kinds");
  const tp = await getTranslations("platforms");
  const locale = await getLocale();
  const href = (s: ListStatus, page = 1) => `/marketing/challenges?status=${s}${page > 1 ? `&page=${page}` : ""}`;

  return (
    <div className="space-y-5">
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        action={<Link href="/marketing/challenges/new" className={buttonClass()}>{t("new")}</Link>}
      />

      <nav aria-label={t("filter")} className="relative -mx-4 overflow-x-auto px-4">
        <ul className="flex gap-1 border-b border-gray-200 text-sm">
          {STATUSES.map((s) => (
            <li key={s}>
              <Link
                href={href(s)}
                aria-current={s === status ? "page" : undefined}
                className={`-mb-px block whitespace-nowrap border-b-2 px-3 py-2 font-medium ${s === status ? "border-brand-600 text-brand-700" : "border-transparent text-gray-600 hover:text-gray-900"}`}
              >
                {s === "all" ? t("all") : tl(s)} <span className="tabular text-gray-500">({formatNumber(list.counts[s], locale)})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {list.rows.length === 0 ? (
        <EmptyState
          title={t("empty", { status: status === "all" ? t("all").toLowerCase() : tl(status).toLowerCase() })}
          action={<Link href="/marketing/challenges/new" className={buttonClass()}>{t("new")}</Link>}
        />
      ) : (
        <>
        {/* Phones get one card per challenge; wider screens the table. */}
        <ul className="space-y-3 sm:hidden">
          {list.rows.map((c) => {
            const title = titleIn(c, locale) || t("untitled");
            return (
              <li key={c.id} className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-center gap-2 text-xs">
                  <LifecycleBadge lifecycle={c.lifecycle} />
                  <span className="text-gray-600">{tk(c.kind)} · {tp(c.platform)}</span>
                </div>
                <Link href={`/marketing/challenges/${c.id}`} className="mt-1 block font-semibold text-gray-900 hover:underline">{title}</Link>
                <p className="text-sm text-gray-600">{formatDate(c.startsAt, locale)} – {formatDate(c.endsAt, locale)}</p>
                <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
                  <dt className="text-gray-600">{t("col.enrolled")}</dt>
                  <dd className="tabular text-right">
                    {formatNumber(c.enrolledCount, locale)}
                    {c.enrollmentCap !== null && <span className="text-gray-500"> / {formatNumber(c.enrollmentCap, locale)}</span>}
                  </dd>
                  <dt className="text-gray-600">{t("col.reached")}</dt>
                  <dd className="tabular text-right">{formatNumber(c.reachedCount, locale)}</dd>
                  <dt className="text-gray-600">{t("col.spend")}</dt>
                  <dd className="tabular text-right">
                    {formatMoney(c.spentMinor, c.currency, locale)}
                    {c.budgetMinor !== null && <span className="text-gray-500"> / {formatMoney(c.budgetMinor, c.currency, locale)}</span>}
                  </dd>
                </dl>
              </li>
            );
          })}
        </ul>
        <div className="relative hidden overflow-x-auto rounded-lg border border-gray-200 bg-white shadow-sm sm:block">
          <table className="w-full min-w-[52rem] text-left text-sm">
            <caption className="sr-only">{t("caption", { status: status === "all" ? t("all") : tl(status), page: list.page, pages: list.pageCount })}</caption>
            <thead className="bg-gray-50 text-gray-600">
              <tr>
                <th scope="col" className="min-w-[14rem] px-4 py-2 font-medium">{t("col.challenge")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("col.status")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("col.window")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("col.enrolled")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("col.reached")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("col.spend")}</th>
                <th scope="col" className="px-4 py-2 font-medium"><span className="sr-only">{t("col.actions")}</span></th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((c) => {
                const title = titleIn(c, locale) || t("untitled");
                return (
                  <tr key={c.id} className="border-t border-gray-100 align-top">
                    <th scope="row" className="px-4 py-3 font-normal">
                      <Link href={`/marketing/challenges/${c.id}`} className="font-semibold text-gray-900 hover:underline">{title}</Link>
                      <div className="text-xs text-gray-600">{tk(c.kind)} · {tp(c.platform)}</div>
                    </th>
                    <td className="px-3 py-3">
                      <LifecycleBadge lifecycle={c.lifecycle} />
                      {c.endNoticeAt && c.lifecycle === "live" && <div className="mt-1 text-xs text-amber-800">{t("endingEarly")}</div>}
                    </td>
                    <td className="whitespace-nowrap px-3 py-3 text-gray-700">
                      {formatDate(c.startsAt, locale)} – {formatDate(c.endsAt, locale)}
                    </td>
                    <td className="tabular px-3 py-3 text-right">
                      {formatNumber(c.enrolledCount, locale)}
                      {c.enrollmentCap !== null && <span className="text-gray-500"> / {formatNumber(c.enrollmentCap, locale)}</span>}
                    </td>
                    <td className="tabular px-3 py-3 text-right">{formatNumber(c.reachedCount, locale)}</td>
                    <td className="px-3 py-3">
                      <div className="tabular whitespace-nowrap">
                        {formatMoney(c.spentMinor, c.currency, locale)}
                        {c.budgetMinor !== null && <span className="text-gray-500"> / {formatMoney(c.budgetMinor, c.currency, locale)}</span>}
                      </div>
                      {c.budgetMinor !== null && <BudgetBar spent={c.spentMinor} budget={c.budgetMinor} label={t("budgetUsed", { title })} />}
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 text-right">
                      {(c.lifecycle === "draft" || c.lifecycle === "scheduled" || c.lifecycle === "live") && (
                        <Link href={`/marketing/challenges/${c.id}/edit`} className="font-medium text-brand-700 hover:underline" aria-label={`${t("edit")}: ${title}`}>{t("edit")}</Link>
                      )}
                      <Link href={`/marketing/challenges/${c.id}/preview`} className="ml-3 font-medium text-brand-700 hover:underline" aria-label={`${t("preview")}: ${title}`}>{t("preview")}</Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        </>
      )}

      {list.pageCount > 1 && (
        <nav aria-label={t("pagination")} className="flex items-center justify-between gap-3 text-sm">
          {list.page > 1 ? <Link href={href(status, list.page - 1)} className={buttonClass("secondary")} rel="prev">{t("previous")}</Link> : <span />}
          <span className="text-gray-600">{t("pageOf", { page: list.page, pages: list.pageCount })}</span>
          {list.page < list.pageCount ? <Link href={href(status, list.page + 1)} className={buttonClass("secondary")} rel="next">{t("next")}</Link> : <span />}
        </nav>
      )}
    </div>
  );
}
