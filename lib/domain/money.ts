// The one place that rounds and formats money. Amounts are integer minor units (cents);
// every currency we support (CURRENCIES) has two decimals.

import { numberFormat, numberTag } from "@/lib/i18n/intl-cache";
import { rateToDecimalString } from "./rates";

export const CURRENCIES = ["EUR", "USD", "BRL", "GBP", "PLN", "SEK"] as const;
export type Currency = (typeof CURRENCIES)[number];

/** n / d rounded half to even ("banker's rounding"), exact on integers of any size. */
export function divideHalfEven(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError("division by zero");
  if (d < 0n) return divideHalfEven(-n, -d);
  const q = n / d; // truncates toward zero
  const r = n - q * d;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  const away = n < 0n ? q - 1n : q + 1n;
  if (twice > d) return away;
  if (twice < d) return q;
  return q % 2n === 0n ? q : away;
}

/** Commission = amount × rate in basis points / 10,000, rounded half to even. */
export function commissionMinor(amountMinor: number, rateBps: number): number {
  assertInteger(amountMinor, "amount");
  assertInteger(rateBps, "rate");
  return Number(divideHalfEven(BigInt(amountMinor) * BigInt(rateBps), 10_000n));
}

/** Converts with a rate expressed in millionths (1.0825 → 1_082_500), rounded half to even. */
export function convertMinor(amountMinor: number, rateMicros: number): number {
  assertInteger(amountMinor, "amount");
  assertInteger(rateMicros, "rate");
  return Number(divideHalfEven(BigInt(amountMinor) * BigInt(rateMicros), 1_000_000n));
}

/**
 * Parses an amount as a reader types it, in French or English: "12.34", "12,34", "1 234,56",
 * "50 000,00", "50,000.00", "50.000,00" or "12" (1234 minor units…); null when it is not an amount.
 * With both a comma and a point, the last one is the decimal separator and the other groups digits.
 */
export function parseMajor(input: string): number | null {
  const spaced = input.trim().replace(/\s|\u00a0|\u202f/g, "");
  const decimalAt = Math.max(spaced.lastIndexOf(","), spaced.lastIndexOf("."));
  const grouped = spaced.includes(",") && spaced.includes(".");
  // Grouped digits come in threes ("1,234,567.8"), with the one other separator.
  if (grouped && !/^-?\d{1,3}([.,]\d{3})*$/.test(spaced.slice(0, decimalAt))) return null;
  const cleaned = grouped
    ? `${spaced.slice(0, decimalAt).replace(/[.,]/g, "")}.${spaced.slice(decimalAt + 1)}`
    : spaced.replace(",", ".");
  const match = /^(-)?(\d{1,12})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const [, sign, whole, frac = ""] = match;
  const minor = Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  return sign ? -minor : minor;
}

/** "1234" minor → "12.34" (dot decimal, for CSV and inputs). */
export function toMajorString(minor: number): string {
  assertInteger(minor, "amount");
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

// Intl formats a decimal string exactly (Intl.NumberFormat v3): money and rates reach it as
// digits, never through a float.
type DecimalString = `${number}`;

/** An amount as the reader would type it, without currency: 2500 → "25.00" / "25,00". */
export function formatMajorInput(minor: number, locale: string): string {
  assertInteger(minor, "amount");
  return numberFormat(numberTag(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(toMajorString(minor) as DecimalString);
}

/** Formats in the reader's locale, e.g. 123456 EUR → "1 234,56 €" in French. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  // (A chart may pass a non-integer figure, e.g. an average: that one is formatted as a number.)
  const exact = Number.isSafeInteger(minor) ? (toMajorString(minor) as DecimalString as unknown as number) : minor / 100;
  return numberFormat(numberTag(locale), { style: "currency", currency }).format(exact);
}

/** An amount without its currency (one that applies in several), e.g. 10000 → "100,00" in French. */
export function formatMajor(minor: number, locale: string): string {
  return numberFormat(numberTag(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(toMajorString(minor) as DecimalString as unknown as number);
}

/** A rate in millionths shown as a decimal, e.g. 1_082_500 → "1.0825". */
export function formatRate(rateMicros: number, locale: string): string {
  return numberFormat(numberTag(locale), { maximumFractionDigits: 6 }).format(rateToDecimalString(rateMicros) as DecimalString as unknown as number);
}

function assertInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
}
