// Dates and numbers in the reader's locale. Times are shown in UTC, said so where it matters.
import { dateTimeFormat, numberFormat } from "./intl-cache";

const tag = (locale: string) => (locale === "fr" ? "fr-FR" : "en-GB");

export function formatDate(value: Date | string, locale: string): string {
  return dateTimeFormat(tag(locale), { dateStyle: "medium", timeZone: "UTC" }).format(new Date(value));
}

export function formatDateTime(value: Date | string, locale: string): string {
  return dateTimeFormat(tag(locale), { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" }).format(new Date(value));
}

/** A rate in basis points as a percentage: 1250 → "12.5%" / "12,5 %". */
export function formatPercent(bps: number, locale: string): string {
  return numberFormat(locale === "fr" ? "fr-FR" : "en-US", { style: "percent", maximumFractionDigits: 2 }).format(bps / 10_000);
}

export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale === "fr" ? "fr-FR" : "en-US").format(value);
}

/** A payout period "2026-10" as "October 2026" / "Octobre 2026" (capitalized: it starts a heading). */
export function formatPeriod(period: string, locale: string, month: "long" | "short" = "long"): string {
  const text = dateTimeFormat(tag(locale), { month, year: "numeric", timeZone: "UTC" }).format(new Date(`${period}-01T00:00:00Z`));
  return text.charAt(0).toUpperCase() + text.slice(1);
}
