import { getLocale, getTranslations } from "next-intl/server";
import type { PayoutStatement } from "@/lib/dal/statements/queries";
import { formatMoney, formatRate } from "@/lib/domain/money";
import { formatDate, formatDateTime, formatPeriod } from "@/lib/i18n/format";
import { PayoutStatusBadge } from "./payout-status-badge";
import { ResponsiveTable } from "./ui/responsive-table";
import { lineDescription } from "@/lib/i18n/payout-text";

/** The printable statement of one payout: every entry in it and the final amount. */
export async function PayoutStatementView({ statement, actions }: { statement: PayoutStatement; actions?: React.ReactNode }) {
  const t = await getTranslations("payouts.statement");
  const ts = await getTranslations("payouts");
  const locale = await getLocale();
  const money = (minor: number, currency = statement.currency) => formatMoney(minor, currency, locale);
  const converted = statement.lines.some((l) => l.fxRateMicros !== null);
  return (
    <article className="space-y-6 print:space-y-4" aria-labelledby="statement-title">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm font-medium text-gray-600">Creator Rewards</p>
          <h1 id="statement-title" className="text-2xl font-bold tracking-tight">{t("title", { period: formatPeriod(statement.period, locale) })}</h1>
          <p className="mt-1 text-sm text-gray-700">
            {statement.creator.displayName} · @{statement.creator.handle} · {statement.creator.country}
          </p>
        </div>
        {actions && <div className="flex flex-wrap gap-2 print:hidden">{actions}</div>}
      </header>

      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-lg border border-gray-200 bg-white p-4 text-sm sm:grid-cols-4 print:border-gray-400">
        <div>
          <dt className="text-gray-600">{t("number")}</dt>
          <dd className="font-medium">#{statement.id}</dd>
        </div>
        <div>
          <dt className="text-gray-600">{t("status")}</dt>
          <dd><PayoutStatusBadge status={statement.status} /></dd>
        </div>
        <div>
          <dt className="text-gray-600">{t("created")}</dt>
          <dd className="font-medium">{formatDate(statement.createdAt, locale)}</dd>
        </div>
        <div>
          <dt className="text-gray-600">{statement.paidAt ? t("paid") : t("amount")}</dt>
          <dd className="font-medium">
            {statement.paidAt ? formatDateTime(statement.paidAt, locale) : money(statement.amountMinor)}
          </dd>
        </div>
        {statement.paymentReference && (
          <div className="col-span-2">
            <dt className="text-gray-600">{t("reference")}</dt>
            <dd className="font-mono">{statement.paymentReference}</dd>
          </div>
        )}
        {statement.hold && (
          <div className="col-span-2 sm:col-span-4">
            <dt className="text-gray-600">{t("heldBecause")}</dt>
            <dd>
              {ts(`holdReasons.${statement.hold.code}`)}
              {statement.hold.decideBy && <> · {t("decideBy", { date: formatDate(statement.hold.decideBy, locale) })}</>}
            </dd>
          </div>
        )}
        {statement.rejectReason && (
          <div className="col-span-2 sm:col-span-4">
            <dt className="text-gray-600">{t("rejectedBecause")}</dt>
            <dd>{statement.rejectReason}</dd>
          </div>
        )}
      </dl>

      <section aria-labelledby="summary-title">
        <h2 id="summary-title" className="mb-2 text-lg font-semibold">{t("summary")}</h2>
        <table className="w-full max-w-lg text-sm">
          <caption className="sr-only">{t("summary")}</caption>
          <tbody className="tabular">
            {statement.subtotals.map((s) => (
              <tr key={s.kind} className="border-b border-gray-100">
                <th scope="row" className="py-1.5 pr-4 text-left font-normal">
                  {t(`kinds.${s.kind}`)} <span className="text-gray-500">({t("entries", { count: s.entries })})</span>
                </th>
                <td className="py-1.5 text-right">{money(s.amountMinor)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" className="py-2 pr-4 text-left font-semibold">{t("final")}</th>
              <td className="py-2 text-right text-base font-semibold">{money(statement.amountMinor)}</td>
            </tr>
          </tbody>
        </table>
      </section>

      <section aria-labelledby="lines-title">
        <h2 id="lines-title" className="mb-2 text-lg font-semibold">{t("lines")}</h2>
        <ResponsiveTable
          caption={t("lines")}
          stackBelow="sm"
          frame="outline"
          className="print:overflow-visible print:border-0"
          rows={statement.lines}
          rowKey={(l) => l.entryId}
          rowClassName={(l) => (l.kind === "clawback" ? "bg-amber-50" : "")}
          tableClassName="tabular"
          cellClassName="px-3 py-1.5"
          columns={[
            { header: t("date"), phone: "meta", className: "whitespace-nowrap", cell: (l) => formatDate(l.occurredAt, locale) },
            { header: t("type"), phone: "meta", className: "whitespace-nowrap", cell: (l) => t(`kinds.${l.kind}`) },
            { header: t("description"), phone: "title", className: "break-words", cell: (l) => lineDescription(t, l, locale) },
            {
              header: t("original"),
              align: "right",
              className: "whitespace-nowrap",
              cell: (l) => (l.originalAmountMinor !== null && l.originalCurrency ? money(l.originalAmountMinor, l.originalCurrency) : null),
            },
            { header: t("rate"), align: "right", className: "whitespace-nowrap", cell: (l) => (l.fxRateMicros !== null ? formatRate(l.fxRateMicros, locale) : null) },
            {
              header: t("lineAmount"),
              align: "right",
              phone: "corner",
              className: (l) => `whitespace-nowrap ${l.amountMinor < 0 ? "text-red-800" : ""}`,
              cell: (l) => money(l.amountMinor, l.currency),
            },
          ]}
          footer={{ label: t("final"), value: money(statement.amountMinor) }}
        />
        <p className="mt-2 text-xs text-gray-600">
          {t("footnote", { currency: statement.currency })} {converted && t("fxNote")}
        </p>
      </section>
    </article>
  );
}
