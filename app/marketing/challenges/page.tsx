import { pageParam } from "@/lib/validation/page";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LifecycleBadge } from "@/components/lifecycle-badge";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/pagination";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { ResponsiveTable } from "@/components/ui/responsive-table";
import { listChallengesForMarketing, type ListStatus } from "@/lib/dal/challenge-authoring/queries";
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
  const caller = await requireRole(AREA_ROLES.marketing);
  const query = await searchParams;
  const status: ListStatus = STATUSES.includes(query.status as ListStatus) ? (query.status as ListStatus) : "all";
  const list = await listChallengesForMarketing(caller, { status, page: pageParam(query.page) });
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
        <ResponsiveTable
          caption={t("caption", { status: status === "all" ? t("all") : tl(status), page: list.page, pages: list.pageCount })}
          stackBelow="sm"
          rows={list.rows.map((c) => ({ ...c, title: titleIn(c, locale) || t("untitled") }))}
          rowKey={(c) => c.id}
          rowClassName="align-top"
          tableClassName="min-w-[52rem]"
          headClassName="bg-gray-50 text-gray-600"
          headerCellClassName="px-3 py-2 first:px-4 last:px-4"
          cellClassName="px-3 py-3 first:px-4 last:px-4"
          columns={[
            {
              header: t("col.challenge"),
              rowHeader: true,
              phone: "title",
              className: "font-normal",
              headerClassName: "min-w-[14rem]",
              cell: (c) => (
                <>
                  <Link href={`/marketing/challenges/${c.id}`} className="font-semibold text-gray-900 hover:underline">{c.title}</Link>
                  <div className="text-xs text-gray-600">{tk(c.kind)} · {tp(c.platform)}</div>
                </>
              ),
            },
            {
              header: t("col.status"),
              phone: "corner",
              cell: (c) => (
                <>
                  <LifecycleBadge lifecycle={c.lifecycle} />
                  {c.endNoticeAt && c.lifecycle === "live" && <div className="mt-1 text-xs text-amber-800">{t("endingEarly")}</div>}
                </>
              ),
            },
            {
              header: t("col.window"),
              phone: "plain",
              className: "whitespace-nowrap text-gray-700",
              cell: (c) => (
                <>
                  {formatDate(c.startsAt, locale)} – {formatDate(c.endsAt, locale)}
                </>
              ),
            },
            {
              header: t("col.enrolled"),
              align: "right",
              className: "tabular",
              cell: (c) => (
                <>
                  {formatNumber(c.enrolledCount, locale)}
                  {c.enrollmentCap !== null && <span className="text-gray-500"> / {formatNumber(c.enrollmentCap, locale)}</span>}
                </>
              ),
            },
            { header: t("col.reached"), align: "right", className: "tabular", cell: (c) => formatNumber(c.reachedCount, locale) },
            {
              header: t("col.spend"),
              cell: (c) => (
                <>
                  <div className="tabular whitespace-nowrap">
                    {formatMoney(c.spentMinor, c.currency, locale)}
                    {c.budgetMinor !== null && <span className="text-gray-500"> / {formatMoney(c.budgetMinor, c.currency, locale)}</span>}
                  </div>
                  {c.budgetMinor !== null && <BudgetBar spent={c.spentMinor} budget={c.budgetMinor} label={t("budgetUsed", { title: c.title })} />}
                </>
              ),
            },
            {
              header: <span className="sr-only">{t("col.actions")}</span>,
              phone: "plain",
              align: "right",
              className: "whitespace-nowrap",
              cell: (c) => (
                <>
                  {(c.lifecycle === "draft" || c.lifecycle === "scheduled" || c.lifecycle === "live") && (
                    <Link href={`/marketing/challenges/${c.id}/edit`} className="font-medium text-brand-700 hover:underline" aria-label={`${t("edit")}: ${c.title}`}>{t("edit")}</Link>
                  )}
                  <Link href={`/marketing/challenges/${c.id}/preview`} className="ml-3 font-medium text-brand-700 first:ml-0 hover:underline" aria-label={`${t("preview")}: ${c.title}`}>{t("preview")}</Link>
                </>
              ),
            },
          ]}
        />
      )}

      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        hrefFor={(page) => href(status, page)}
        labels={{ nav: t("pagination"), previous: t("previous"), next: t("next") }}
      />
    </div>
  );
}
