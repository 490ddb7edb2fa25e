// The payout CSV files: the staff queue export and a payout's statement. Headers and labels in
// the reader's language; amounts in major units with a dot ("1234.50") and ISO dates, so a
// spreadsheet or an accounting import reads them the same way in every locale.
import "server-only";
import { lineDescription } from "@/lib/i18n/payout-text";
import type { PayoutStatement } from "@/lib/dal/payout-statements";
import type { QueueRow } from "@/lib/dal/payouts";
import { toCsv } from "@/lib/domain/csv";
import { toMajorString } from "@/lib/domain/money";
import type { Translate } from "@/lib/i18n/translator";

const rate = (micros: number | null) => (micros === null ? "" : (micros / 1_000_000).toFixed(6).replace(/0+$/, "").replace(/\.$/, ""));

/** Every entry of a payout, then the final amount. `t` is scoped to "payouts". */
export function statementCsv(s: PayoutStatement, t: Translate, locale: string): string {
  const ts: Translate = (key, values) => t(`statement.${key}`, values);
  const header = ["date", "entry", "type", "description", "original_amount", "original_currency", "fx_rate", "amount", "currency"].map((k) => t(`csv.${k}`));
  const lines = s.lines.map((l) => [
    l.occurredAt.toISOString().slice(0, 10),
    l.entryId,
    ts(`kinds.${l.kind}`),
    lineDescription(ts, l, locale),
    l.originalAmountMinor === null ? "" : toMajorString(l.originalAmountMinor),
    l.originalCurrency ?? "",
    rate(l.fxRateMicros),
    toMajorString(l.amountMinor),
    l.currency,
  ]);
  const total = ["", "", ts("final"), t("csv.statementOf", { id: s.id, period: s.period }), "", "", "", toMajorString(s.amountMinor), s.currency];
  return toCsv(header, [...lines, total]);
}

export type ExportRow = QueueRow & { rejectReason: string | null; paidAt: Date | null; paymentReference: string | null };

/** The filtered review queue, one payout per row. `t` is scoped to "payouts". */
export function payoutQueueCsv(rowsToExport: ExportRow[], t: Translate): string {
  const header = [
    "payout", "period", "creator", "handle", "country", "currency", "amount", "status", "approvals", "created",
    "signals", "hold_reason", "decide_by", "reject_reason", "paid", "reference",
  ].map((k) => t(`csv.${k}`));
  const body = rowsToExport.map((r) => [
    r.id,
    r.period,
    r.displayName,
    r.handle,
    r.country,
    r.currency,
    toMajorString(r.amountMinor),
    t(`status.${r.status}`),
    `${r.approvals}/${r.approvalsRequired}`,
    r.createdAt.toISOString(),
    r.signals.map((s) => t(`signals.${s.code}.title`)).join("; "),
    r.status === "held" && r.holdReasonCode ? t(`holdReasons.${r.holdReasonCode}`) : "",
    r.status === "held" ? (r.holdDecideBy ?? "") : "",
    r.status === "rejected" ? (r.rejectReason ?? "") : "",
    r.paidAt ? r.paidAt.toISOString() : "",
    r.paymentReference ?? "",
  ]);
  return toCsv(header, body);
}
