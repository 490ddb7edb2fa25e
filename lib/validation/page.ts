import { z } from "zod";
import { safeParam } from "./safe-text";

/** A URL search parameter as Next gives it: absent, once, or repeated. */
export type SearchParamValue = string | string[] | undefined;
export const firstValue = (v: SearchParamValue) => (Array.isArray(v) ? v[0] : v);

/**
 * A filter's text parameter: the first value, trimmed; empty, or with a NUL or a lone surrogate
 * (which PostgreSQL would refuse), it is absent.
 */
export const filterParam = (v: SearchParamValue) => safeParam(firstValue(v)?.trim() || undefined);

// Beyond the last page a list shows its own "nothing here" with a link back; beyond this one the
// OFFSET alone would read the whole table.
const MAX_PAGE = 100_000;

/** The `?page=` of a list, for zod schemas: a whole number from 1 to 100,000; anything else is 1. */
export const pageField = z.preprocess(firstValue, z.coerce.number().int().min(1).max(MAX_PAGE).catch(1)).default(1);

/** The same rule for pages and parsers that read their parameters by hand. */
export function pageParam(raw: SearchParamValue): number {
  return pageField.parse(raw);
}
