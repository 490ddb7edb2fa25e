// Single values of raw SQL rows, for code that reads a field at a time instead of parsing the
// row with a schema (lib/dal/row.ts). The rules are row.ts's: an int8 is an exact safe
// integer, never a float; a timestamp is a Date or its ::text.
import "server-only";
import { int8 as int8Column, timestamp as timestampColumn } from "./row";

export function int8(value: unknown): number {
  return int8Column.parse(value);
}

export function int8OrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : int8(value);
}

export function timestamp(value: unknown): Date {
  return timestampColumn.parse(value);
}

export function timestampOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : timestamp(value);
}
