import { pageParam } from "@/lib/validation/page";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/pagination";
import { PayoutStatusBadge } from "@/components/payout-status-badge";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { MY_PAYOUTS_PAGE_SIZE, listMyPayouts, type MyPayout } from "@/lib/dal/statements/queries";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";
import { formatMoney } from "@/lib/domain/money";
import { formatDate, formatPeriod } from "@/lib/i18n/format";
import { payoutMinimumMinor } from "@/lib/domain/payout-rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payouts.mine"))("title") };
}

export default async function CreatorPayouts({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const caller = await requireRole(AREA_ROLES.creator);
  const page = pageParam((await searchParams).page);
  const { payouts, total, totals } = await listMyPayouts(caller, page);
  const t = await getTranslations("payouts.mine");
  const th = await getTranslations("payouts.holdReasons");
  const locale = await getLocale();
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);

  // Payouts are in the creator's currency; one that could not be converted has its own line.
  const cards = [
    { key: "paid", label: t("totalPaid"), amounts: totals.map((c) => money(c.paidMinor, c.currency)) },
    { key: "review", label: t("totalInReview"), amounts: totals.map((c) => money(c.inReviewMinor, c.currency)) },
    { key: "approved", label: t("totalApproved"), amounts: totals.map((c) => money(c.approvedMinor, c.currency)) },
  ];

  const detail = (p: MyPayout) => {
    switch (p.status) {
      case "held":
        return (
          p.hold && (
            <div className="space-y-1 rounded-md bg-amber-50 p-3 text-sm text-amber-950">
              <p className="font-semibold">{t("heldBecause", { reason: th(p.hold.code) })}</p>
              {p.hold.note && <p>{p.hold.note}</p>}
              {p.hold.fix && <p><span className="font-medium">{t("whatToDo")}</span> {p.hold.fix}</p>}
              {p.hold.decideBy && <p>{t("decisionBy", { date: formatDate(p.hold.decideBy, locale) })}</p>}
            </div>
          )
        );
      case "rejected":
        return (
          <div className="rounded-md bg-red-50 p-3 text-sm text-red-900">
            <p><span className="font-semibold">{t("rejectedBecause")}</span> {p.rejectReason ?? "—"}</p>
            <p className="mt-1">{t("rejectedNext")}</p>
          </div>
        );
      case "paid":
        return <p className="text-sm text-gray-700">{t("paidOn", { date: p.paidAt ? formatDate(p.paidAt, locale) : "—", reference: p.paymentReference ?? "—" })}</p>;
      case "approved":
        return <p className="text-sm text-gray-700">{t("approvedNext")}</p>;
      case "pending_review":
        return <p className="text-sm text-gray-700">{t("pendingNext")}</p>;
    }
  };

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} subtitle={t("subtitle", { minimum: money(payoutMinimumMinor(), totals[0]?.currency ?? "EUR") })} />

      {totals.length > 0 && (
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          {cards.map((c) => (
            <div key={c.key} className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
              <dt className="text-sm font-medium text-gray-600">{c.label}</dt>
              {c.amounts.map((a) => (
                <dd key={a} className="tabular mt-1 text-2xl font-semibold">{a}</dd>
              ))}
            </div>
          ))}
        </dl>
      )}

      {payouts.length === 0 ? (
        <EmptyState title={t("empty")} body={t("emptyHint")} action={<Link href="/creator" className="font-medium text-brand-700 hover:underline">{t("backHome")}</Link>} />
      ) : (
        <section aria-labelledby="list-title" className="space-y-3">
          <h2 id="list-title" className="text-lg font-semibold">{t("listTitle")}</h2>
          <ul className="space-y-3">
            {payouts.map((p) => (
              <li key={p.id} className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <h3 className="font-semibold">{t("periodTitle", { period: formatPeriod(p.period, locale) })}</h3>
                    <p className="text-sm text-gray-600">{t("created", { date: formatDate(p.createdAt, locale) })}</p>
                  </div>
                  <div className="text-right">
                    <p className="tabular text-xl font-semibold">{money(p.amountMinor, p.currency)}</p>
                    <PayoutStatusBadge status={p.status} />
                  </div>
                </div>
                <div className="mt-3">{detail(p)}</div>
                <Link
                  href={`/creator/payouts/${p.id}`}
                  className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline"
                  aria-label={t("statementFor", { period: formatPeriod(p.period, locale) })}
                >
                  {t("statement")} →
                </Link>
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={MY_PAYOUTS_PAGE_SIZE} total={total} hrefFor={(n) => `/creator/payouts?page=${n}`} />
        </section>
      )}
    </div>
  );
}

