// What a ledger entry came from and what kind it is, worded once for the earnings page and the
// earnings CSV: the page renders the same message with links (t.rich over `earnings.source.*`),
// the CSV as one line of plain text (`earnings.csvSource.*`).
import type { EarningEntry } from "@/lib/dal/earnings/queries";
import type { Translate } from "@/lib/i18n/translator";

/** The message describing an entry's source (a key of `earnings.source` and `earnings.csvSource`) and its values. */
export type SourceMessage =
  | { key: "milestone"; values: { position: number; title: string } }
  | { key: "order"; values: { order: string; product: string; code: string } }
  | { key: "refund"; values: { refund: string; order: string; product: string }; clawbackOfPayoutId: number | null }
  | { key: "note"; note: string };

export function sourceMessage(entry: EarningEntry, locale: string): SourceMessage | null {
  const s = entry.source;
  if (!s) return null;
  switch (s.type) {
    case "milestone":
      return { key: "milestone", values: { position: s.position, title: locale === "fr" ? s.titleFr : s.titleEn } };
    case "order":
      return { key: "order", values: { order: s.orderId, product: s.productTitle, code: s.code } };
    case "refund":
      return {
        key: "refund",
        values: { refund: s.refundId, order: s.orderId, product: s.productTitle },
        clawbackOfPayoutId: s.label.kind === "clawback" ? s.label.paidInPayoutId : null,
      };
    case "note":
      return { key: "note", note: s.note };
  }
}

/** The source as one line of plain text (the CSV). `t` is scoped to "earnings", `tm` to "payoutMoney". */
export function sourceText(entry: EarningEntry, t: Translate, tm: Translate, locale: string): string {
  const m = sourceMessage(entry, locale);
  if (!m) return "";
  if (m.key === "note") return m.note;
  const text = t(`csvSource.${m.key}`, m.values);
  return m.key === "refund" && m.clawbackOfPayoutId !== null ? `${text} (${tm("csvClawback", { paid: m.clawbackOfPayoutId })})` : text;
}

/** The entry's kind as the creator reads it: a refund is a reversal or a clawback (lib/domain/refund-label.ts). */
export function kindLabel(entry: EarningEntry, t: Translate, tm: Translate): string {
  return entry.source?.type === "refund" ? tm(`refundKinds.${entry.source.label.kind}`) : t(`kinds.${entry.kind}`);
}
