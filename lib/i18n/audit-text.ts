// What an audit record's fields say, in words: used by the audit page and its CSV export, so both
// read the same. Amounts are money in the payout's currency ("1 274,79 €", not 127479 minor
// units), rates are decimals, days are dates in the reader's locale, codes are labels.
import { formatMajor, formatMoney, formatRate } from "@/lib/domain/money";
import { REPORTING_CURRENCY } from "@/lib/domain/payout-rules";
import { formatDate } from "./format";
import type { Translate } from "./translator";

export type AuditTextContext = {
  locale: string;
  /** The audited payout's currency, when the record is about one. */
  currency: string | null;
  /** Scoped to "audit", "payouts" and "roles". */
  t: Translate;
  tp: Translate;
  tr: Translate;
  has: { t: (key: string) => boolean; tp: (key: string) => boolean; tr: (key: string) => boolean };
};

export const HIDDEN_AUDIT_FIELDS = new Set(["version"]);

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v);

/** One field's value as text; `record` is the before/after object it belongs to (for its currency). */
export function auditValueText(key: string, value: unknown, record: Record<string, unknown> | null, c: AuditTextContext): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? c.t("yes") : c.t("no");
  const currency = typeof record?.currency === "string" ? record.currency : c.currency;
  if (key === "fourEyesLimitEurMinor" && isInt(value)) return formatMoney(value, REPORTING_CURRENCY, c.locale);
  if (key.endsWith("Minor") && isInt(value)) {
    // The minimum payout applies in each creator's own currency: a plain decimal amount.
    return currency && key !== "minimumMinor" ? formatMoney(value, currency, c.locale) : formatMajor(value, c.locale);
  }
  if (key === "rateMicros" && isInt(value)) return formatRate(value, c.locale);
  if ((key === "decideBy" || key === "day") && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, c.locale);
  if (key === "totals" && Array.isArray(value)) {
    return value
      .map((x: { currency?: string; count?: number; amountMinor?: number }) =>
        x && typeof x.currency === "string" && isInt(x.amountMinor) ? `${x.count ?? 0} × ${formatMoney(x.amountMinor, x.currency, c.locale)}` : JSON.stringify(x),
      )
      .join(" · ");
  }
  if (key === "signals" && Array.isArray(value)) {
    if (value.length === 0) return c.t("no");
    return value.map((s: { code?: string }) => (s?.code && c.has.tp(`signals.${s.code}.title`) ? c.tp(`signals.${s.code}.title`) : JSON.stringify(s))).join(", ");
  }
  if (typeof value === "object") return JSON.stringify(value);
  const text = String(value);
  if (key === "status" && c.has.tp(`status.${text}`)) return c.tp(`status.${text}`);
  if (key === "holdReasonCode" && c.has.tp(`holdReasons.${text}`)) return c.tp(`holdReasons.${text}`);
  if (key === "role" && c.has.tr(text)) return c.tr(text);
  return text;
}

/** A field's name in words. */
export function auditFieldLabel(key: string, c: AuditTextContext): string {
  return c.has.t(`fields.${key}`) ? c.t(`fields.${key}`) : key;
}

/** The fields a record shows, in order, without internal ones. */
export function auditKeys(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  return [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => !HIDDEN_AUDIT_FIELDS.has(k));
}

/** Every change as one line of text: "Status: Pending review → Approved; Amount: 1 274,79 €". */
export function auditChangesText(before: Record<string, unknown> | null, after: Record<string, unknown> | null, c: AuditTextContext): string {
  return auditKeys(before, after)
    .map((k) => {
      const was = before?.[k];
      const now = after?.[k];
      const changed = before !== null && JSON.stringify(was) !== JSON.stringify(now);
      const label = auditFieldLabel(k, c);
      return changed ? `${label}: ${auditValueText(k, was, before, c)} → ${auditValueText(k, now, after, c)}` : `${label}: ${auditValueText(k, now ?? was, after ?? before, c)}`;
    })
    .join("; ");
}
