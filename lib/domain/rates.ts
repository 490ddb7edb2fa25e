// Exchange rates as typed by people ("1.0825", "0,92") and as stored (integer millionths).
// Parsed from the digits, never through a float, so "1.1" is exactly 1_100_000.

const RATE_PATTERN = /^(\d{1,6})(?:[.,](\d{1,6}))?$/;

/** "1.0825" or "1,0825" → 1_082_500; null when it is not a positive rate with at most 6 decimals. */
export function parseRateMicros(input: string): number | null {
  const match = RATE_PATTERN.exec(input.trim().replace(/\s|\u00a0|\u202f/g, ""));
  if (!match) return null;
  const [, whole, frac = ""] = match;
  const micros = Number(whole) * 1_000_000 + Number(frac.padEnd(6, "0"));
  return micros > 0 ? micros : null;
}

/** 1_082_500 → "1.0825" (dot decimal, trailing zeros dropped): for CSV and inputs. */
export function rateToDecimalString(micros: number): string {
  if (!Number.isSafeInteger(micros) || micros < 0) throw new RangeError(`rate must be a non-negative integer, got ${micros}`);
  const whole = Math.trunc(micros / 1_000_000);
  const frac = String(micros % 1_000_000).padStart(6, "0").replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : String(whole);
}
