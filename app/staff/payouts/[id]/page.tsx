import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AuditChanges } from "@/components/audit-changes";
import { FraudSignalList } from "@/components/fraud-signals";
import { PayoutStatusBadge } from "@/components/payout-status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { listAuditEntries } from "@/lib/dal/audit/queries";
import { getPayoutReview } from "@/lib/dal/payouts/queries";
import { AREA_ROLES, requireRole, type Caller } from "@/lib/dal/session";
import { formatMoney, formatRate } from "@/lib/domain/money";
import { PAYOUT_HOLD_DAYS, REPORTING_CURRENCY } from "@/lib/domain/payout-rules";
import { isoDayFromNow } from "@/lib/domain/period";
import { formatDate, formatDateTime, formatNumber, formatPeriod } from "@/lib/i18n/format";
import { ApproveForm, HoldForm, MarkPaidForm, RejectForm } from "./_components/decision-forms";

type Props = { params: Promise<{ id: string }> };

async function load(caller: Caller, params: Props["params"]) {
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const review = await getPayoutReview(caller, id);
  if (!review) notFound();
  return review;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const caller = await requireRole(AREA_ROLES.staff);
  const review = await load(caller, params);
  return { title: (await getTranslations("payouts.review"))("metaTitle", { id: review.id, creator: review.creator.displayName }) };
}

export default async function StaffPayoutPage({ params }: Props) {
  const me = await requireRole(AREA_ROLES.staff);
  const review = await load(me, params);
  const trail = await listAuditEntries(me, { entityType: "payout", entityId: String(review.id), page: 1 });
  const t = await getTranslations("payouts.review");
  const ts = await getTranslations("payouts.status");
  const th = await getTranslations("payouts.holdReasons");
  const ta = await getTranslations("audit");
  const tm = await getTranslations("payoutMoney");
  const locale = await getLocale();
  const money = (minor: number, currency = review.currency) => formatMoney(minor, currency, locale);
  const title = (en: string | null, fr: string | null) => (locale === "fr" ? fr : en) ?? "—";

  const open = review.status === "pending_review" || review.status === "held";
  const iApproved = review.approvals.some((a) => a.reviewerId === me.id);
  const flagged = review.signals.length > 0;
  const today = isoDayFromNow(0);
  const holdDecideBy = isoDayFromNow(PAYOUT_HOLD_DAYS);
  const last = trail.entries[0];
  const groups = ["bonus", "commission", "reversal", "adjustment"] as const;

  return (
    <div className="space-y-6">
      <p><Link href="/staff/payouts" className="text-sm font-medium text-brand-700 hover:underline">← {t("back")}</Link></p>

      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm text-gray-600">{t("kicker", { id: review.id, period: review.period })}</p>
          <h1 className="text-2xl font-bold tracking-tight">{review.creator.displayName}</h1>
          <p className="text-sm text-gray-700">@{review.creator.handle}</p>
        </div>
        <div className="text-right">
          <div className="tabular text-3xl font-semibold" data-testid="payout-amount">{money(review.amountMinor)}</div>
          {review.currency !== REPORTING_CURRENCY && (
            <p className="tabular text-sm text-gray-700" data-testid="payout-amount-eur">
              {review.amountEurMinor !== null && review.eurRateMicros !== null
                ? tm("inEurAtRate", { amount: money(review.amountEurMinor, REPORTING_CURRENCY), currency: review.currency, rate: formatRate(review.eurRateMicros, locale) })
                : tm("noEurRate")}
            </p>
          )}
          <Link href={`/staff/payouts/${review.id}/statement`} className="text-sm font-medium text-brand-700 hover:underline">{t("openStatement")}</Link>
        </div>
      </div>

      <section role="status" aria-live="polite" aria-labelledby="status-title" className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
        <h2 id="status-title" className="sr-only">{t("statusTitle")}</h2>
        <div className="flex flex-wrap items-center gap-3">
          <PayoutStatusBadge status={review.status} />
          <span className="text-sm text-gray-700">
            {t("approvalsProgress", { count: review.approvals.length, required: review.approvalsRequired })}
            {review.approvalsRequired === 2 && ` · ${t("fourEyes")}`}
          </span>
          {flagged && <span className="rounded bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-800 ring-1 ring-red-200">⚑ {t("flagged", { count: review.signals.length })}</span>}
        </div>
        {last && (
          <p className="mt-2 text-sm text-gray-600">
            {t("lastDecision", { action: ta.has(`actions.${last.action}`) ? ta(`actions.${last.action}`) : last.action, who: last.actorName ?? ta("system"), when: formatDateTime(last.at, locale) })}
          </p>
        )}
        {review.status === "held" && review.hold && (
          <div className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-950">
            <p className="font-semibold">
              {th(review.hold.code)}
              {review.hold.decideBy && ` · ${t("decideBy", { date: formatDate(review.hold.decideBy, locale) })}`}
              {review.hold.decideBy && review.hold.decideBy < today && <span className="ml-2 rounded bg-red-100 px-1.5 text-xs text-red-900">{t("overdue")}</span>}
            </p>
            {review.hold.note && <p className="mt-1">{review.hold.note}</p>}
            {review.hold.fix && <p className="mt-1"><span className="font-medium">{t("creatorCan")}</span> {review.hold.fix}</p>}
          </div>
        )}
        {review.status === "rejected" && review.rejectReason && (
          <p className="mt-3 rounded-md bg-red-50 p-3 text-sm text-red-900"><span className="font-semibold">{t("rejectedBecause")}</span> {review.rejectReason}</p>
        )}
        {review.status === "paid" && (
          <p className="mt-3 text-sm text-gray-700">
            {t("paidOn", { date: review.paidAt ? formatDateTime(review.paidAt, locale) : "—", reference: review.paymentReference ?? "—" })}
          </p>
        )}
      </section>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={t("signalsTitle")}>
            <FraudSignalList signals={review.signals} currency={review.currency} />
          </Card>

          <Card title={t("breakdownTitle")}>
            {groups.map((g) => {
              const items = review.breakdown.filter((b) => b.group === g);
              if (items.length === 0) return null;
              const sum = items.reduce((s, b) => s + b.amountMinor, 0);
              return (
                <div key={g} className="mb-4 last:mb-0">
                  <h3 className="flex justify-between text-sm font-semibold">
                    <span>{t(`groups.${g}`)}</span>
                    <span className="tabular">{money(sum)}</span>
                  </h3>
                  <table className="mt-1 w-full text-sm">
                    <caption className="sr-only">{t(`groups.${g}`)}</caption>
                    <thead className="sr-only">
                      <tr>
                        <th scope="col">{t("source")}</th>
                        <th scope="col">{t("entries")}</th>
                        <th scope="col">{t("amount")}</th>
                      </tr>
                    </thead>
                    <tbody className="tabular">
                      {items.map((b, i) => (
                        <tr key={i} className="border-t border-gray-100">
                          <th scope="row" className="py-1 pr-3 text-left font-normal">
                            {g === "bonus" ? title(b.titleEn, b.titleFr) : g === "adjustment" ? (b.note ?? "—") : (b.productTitle ?? "—")}
                            {b.clawbacks > 0 && <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900">{t("clawbacks", { count: b.clawbacks })}</span>}
                          </th>
                          <td className="whitespace-nowrap py-1 pr-3 text-right text-gray-600">{t("entryCount", { count: b.entries })}</td>
                          <td className={`whitespace-nowrap py-1 text-right ${b.amountMinor < 0 ? "text-red-800" : ""}`}>{money(b.amountMinor)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              );
            })}
            <p className="mt-3 flex justify-between border-t border-gray-300 pt-2 text-sm font-semibold">
              <span>{t("total")}</span>
              <span className="tabular">{money(review.amountMinor)}</span>
            </p>
          </Card>

          <Card title={t("historyTitle")}>
            {review.history.length === 0 ? (
              <p className="text-sm text-gray-600">{t("historyEmpty")}</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">{t("historyTitle")}</caption>
                  <thead className="text-gray-600">
                    <tr>
                      <th scope="col" className="py-1 pr-3 font-medium">{t("period")}</th>
                      <th scope="col" className="py-1 pr-3 text-right font-medium">{t("amount")}</th>
                      <th scope="col" className="py-1 pr-3 font-medium">{t("status")}</th>
                      <th scope="col" className="py-1 font-medium">{t("paid")}</th>
                    </tr>
                  </thead>
                  <tbody className="tabular">
                    {review.history.map((h) => (
                      <tr key={h.id} className="border-t border-gray-100">
                        <th scope="row" className="py-1 pr-3 text-left font-normal">
                          <Link href={`/staff/payouts/${h.id}`} className="text-brand-700 hover:underline">{h.period}</Link>
                        </th>
                        <td className="whitespace-nowrap py-1 pr-3 text-right">{money(h.amountMinor, h.currency)}</td>
                        <td className="py-1 pr-3"><PayoutStatusBadge status={h.status} /></td>
                        <td className="whitespace-nowrap py-1">{h.paidAt ? formatDate(h.paidAt, locale) : "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>

          <Card title={t("trailTitle")} action={<Link href={`/staff/audit?entity=payout&entityId=${review.id}`} className="text-sm font-medium text-brand-700 hover:underline">{t("trailAll")}</Link>}>
            {trail.entries.length === 0 ? (
              <p className="text-sm text-gray-600">{t("trailEmpty")}</p>
            ) : (
              <ol className="space-y-2 text-sm">
                {trail.entries.map((e) => (
                  <li key={e.id} className="border-l-2 border-gray-200 pl-3">
                    <p>
                      <span className="font-medium">{ta.has(`actions.${e.action}`) ? ta(`actions.${e.action}`) : e.action}</span>
                      {" · "}
                      {e.actorName ?? ta("system")} · <span className="text-gray-600">{formatDateTime(e.at, locale)}</span>
                    </p>
                    <AuditChanges before={e.before} after={e.after} currency={review.currency} />
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>

        <div className="space-y-6">
          <Card title={t("creatorTitle")}>
            <dl className="space-y-1 text-sm">
              <div className="flex justify-between gap-2"><dt className="text-gray-600">{t("handle")}</dt><dd>@{review.creator.handle}</dd></div>
              {review.creator.email && <div className="flex justify-between gap-2"><dt className="text-gray-600">{t("email")}</dt><dd className="truncate">{review.creator.email}</dd></div>}
              <div className="flex justify-between gap-2"><dt className="text-gray-600">{t("country")}</dt><dd>{review.creator.country}</dd></div>
              <div className="flex justify-between gap-2"><dt className="text-gray-600">{t("platform")}</dt><dd className="capitalize">{review.creator.platform}</dd></div>
              <div className="flex justify-between gap-2"><dt className="text-gray-600">{t("followers")}</dt><dd className="tabular">{formatNumber(review.creator.followers, locale)}</dd></div>
              <div className="flex justify-between gap-2"><dt className="text-gray-600">{t("created")}</dt><dd>{formatDate(review.createdAt, locale)}</dd></div>
            </dl>
            {review.approvals.length > 0 && (
              <div className="mt-3 border-t border-gray-100 pt-3">
                <h3 className="text-sm font-semibold">{t("approvalsTitle")}</h3>
                <ul className="mt-1 space-y-1 text-sm">
                  {review.approvals.map((a) => (
                    <li key={a.reviewerId}>
                      {a.reviewerName} · <span className="text-gray-600">{formatDateTime(a.at, locale)}</span>
                      {a.note && <p className="text-gray-700">“{a.note}”</p>}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </Card>

          {open && (
            <Card title={t("decideTitle")}>
              <div className="space-y-6 divide-y divide-gray-100 [&>*:not(:first-child)]:pt-5">
                {iApproved ? (
                  <p className="rounded-md bg-blue-50 p-3 text-sm text-blue-900">{t("waitingSecond")}</p>
                ) : (
                  <ApproveForm payoutId={review.id} version={review.version} flagged={flagged} secondApproval={review.approvals.length > 0} />
                )}
                <HoldForm
                  payoutId={review.id}
                  version={review.version}
                  defaultDecideBy={review.status === "held" && review.hold?.decideBy && review.hold.decideBy >= today ? review.hold.decideBy : holdDecideBy}
                  minDecideBy={today}
                  current={review.status === "held" && review.hold ? review.hold : undefined}
                />
                <RejectForm
                  payoutId={review.id}
                  version={review.version}
                  summary={t("rejectSummary", { amount: money(review.amountMinor), creator: review.creator.displayName, period: formatPeriod(review.period, locale) })}
                />
              </div>
            </Card>
          )}
          {review.status === "approved" && (
            <Card title={t("payTitle")}>
              <MarkPaidForm payoutId={review.id} version={review.version} />
            </Card>
          )}
          {(review.status === "paid" || review.status === "rejected") && (
            <Card title={t("decideTitle")}>
              <p className="text-sm text-gray-600">{t("final", { status: ts(review.status) })}</p>
              <Link href={`/staff/payouts/${review.id}/statement`} className={buttonClass("secondary", "mt-3")}>{t("openStatement")}</Link>
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
