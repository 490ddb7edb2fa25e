// Values of raw SQL rows, read once at the boundary. A bigint (money, counts, ids) comes back
// as a string from postgres.js and as a number or bigint from PGlite: it is read as an exact
// safe integer, never through a float. Queries the drizzle builder can say do not need these.
import "server-only";

/** An int8 (`::bigint`) value as a safe integer; anything else is a bug, not a rounding. */
export function int8(value: unknown): number {
  const n = typeof value === "number" ? value : typeof value === "bigint" || typeof value === "string" ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new RangeError(`expected a safe integer from the database, got ${String(value)}`);
  return n;
}

export function int8OrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : int8(value);
}

/** A timestamp read as text (`::text`) or handed back as a Date. */
export function timestamp(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === "string") return new Date(value);
  throw new TypeError(`expected a timestamp from the database, got ${String(value)}`);
}

export function timestampOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : timestamp(value);
}
