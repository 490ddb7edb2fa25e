// Dates and numbers in the reader's locale. Times are shown in UTC, said so where it matters.
import { dateTag, dateTimeFormat, numberFormat, numberTag } from "./intl-cache";

export function formatDate(value: Date | string, locale: string): string {
  return dateTimeFormat(dateTag(locale), { dateStyle: "medium", timeZone: "UTC" }).format(new Date(value));
}

export function formatDateTime(value: Date | string, locale: string): string {
  return dateTimeFormat(dateTag(locale), { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" }).format(new Date(value));
}

/** A rate in basis points as a percentage: 1250 → "12.5%" / "12,5 %". */
export function formatPercent(bps: number, locale: string): string {
  return numberFormat(numberTag(locale), { style: "percent", maximumFractionDigits: 2 }).format(bps / 10_000);
}

export function formatNumber(value: number, locale: string): string {
  return numberFormat(numberTag(locale)).format(value);
}

/** A payout period "2026-10" as "October 2026" / "Octobre 2026" (capitalized: it starts a heading). */
export function formatPeriod(period: string, locale: string, month: "long" | "short" = "long"): string {
  const text = dateTimeFormat(dateTag(locale), { month, year: "numeric", timeZone: "UTC" }).format(new Date(`${period}-01T00:00:00Z`));
  return text.charAt(0).toUpperCase() + text.slice(1);
}
