// The payout CSV files: the staff queue export and a payout's statement, written with the one
// CSV writer (lib/domain/csv.ts) in the reader's conventions and language.
import "server-only";
import { lineDescription } from "@/lib/i18n/payout-text";
import type { PayoutStatement } from "@/lib/dal/statements/queries";
import type { QueueRow } from "@/lib/dal/payouts/queries";
import { csvDocument, type CsvFormat } from "@/lib/domain/csv";
import type { Translate } from "@/lib/i18n/translator";

/** Every entry of a payout, then the final amount. `t` is scoped to "payouts". */
export function statementCsv(s: PayoutStatement, t: Translate, f: CsvFormat): string {
  const ts: Translate = (key, values) => t(`statement.${key}`, values);
  const header = ["date", "entry", "type", "description", "original_amount", "original_currency", "fx_rate", "amount", "currency"].map((k) => t(`csv.${k}`));
  const lines = s.lines.map((l) => [
    { date: l.occurredAt },
    l.entryId,
    ts(`kinds.${l.kind}`),
    lineDescription(ts, l, f.locale),
    l.originalAmountMinor === null ? null : { money: l.originalAmountMinor },
    l.originalCurrency,
    l.fxRateMicros === null ? null : { rate: l.fxRateMicros },
    { money: l.amountMinor },
    l.currency,
  ]);
  const total = [null, null, ts("final"), t("csv.statementOf", { id: s.id, period: s.period }), null, null, null, { money: s.amountMinor }, s.currency];
  return csvDocument(header, [...lines, total], f);
}

export type ExportRow = QueueRow & { rejectReason: string | null; paidAt: Date | null; paymentReference: string | null };

/** The filtered review queue, one payout per row. `t` is scoped to "payouts". */
export function payoutQueueCsv(rowsToExport: ExportRow[], t: Translate, f: CsvFormat): string {
  const header = [
    "payout", "period", "creator", "handle", "country", "currency", "amount", "amount_eur", "status", "approvals", "created",
    "signals", "hold_reason", "decide_by", "reject_reason", "paid", "reference",
  ].map((k) => t(`csv.${k}`));
  const body = rowsToExport.map((r) => [
    r.id,
    r.period,
    r.displayName,
    r.handle,
    r.country,
    r.currency,
    { money: r.amountMinor },
    r.amountEurMinor === null ? null : { money: r.amountEurMinor },
    t(`status.${r.status}`),
    `${r.approvals}/${r.approvalsRequired}`,
    { dateTime: r.createdAt },
    r.signals.map((s) => t(`signals.${s.code}.title`)).join("; "),
    r.status === "held" && r.holdReasonCode ? t(`holdReasons.${r.holdReasonCode}`) : "",
    r.status === "held" && r.holdDecideBy ? { date: r.holdDecideBy } : null,
    r.status === "rejected" ? r.rejectReason : null,
    r.paidAt ? { dateTime: r.paidAt } : null,
    r.paymentReference,
  ]);
  return csvDocument(header, body, f);
}
