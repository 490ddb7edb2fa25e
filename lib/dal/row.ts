// The one boundary of the DAL's raw SQL (CTEs, jsonb_to_recordset, subqueries and aggregates the
// query builder cannot say), for every feature (ingest, the creator's pages, ...):
// each row is parsed once, here, by a schema of what the statement selects. Money, rates and
// other int8 values come back as ::bigint, never through a float: postgres.js hands int8 over as
// a string and PGlite as a number or a bigint, and `int8` makes each an exact JavaScript number,
// refusing any value past 2^53 instead of rounding it.
import "server-only";
import type { SQL } from "drizzle-orm";
import { z } from "zod";
import { rows, type Executor } from "@/db";

/** An int8 column (amount, sum, rate in micros, bigint id) as an exact JavaScript integer. */
export const int8 = z.union([z.string(), z.number(), z.bigint()]).transform((value, ctx) => {
  const n = typeof value === "string" && !/^-?\d+$/.test(value) ? Number.NaN : Number(value);
  if (Number.isSafeInteger(n)) return n;
  ctx.addIssue({ code: "custom", message: `not an exact integer: ${String(value)}` });
  return z.NEVER;
});

/** An int4 column (ids, positions, basis points, counts cast ::int). */
export const int4 = z.number().int();

/** A timestamptz, sent as a Date or as ::text. */
export const timestamp = z.union([z.date(), z.string()]).transform((v) => (v instanceof Date ? v : new Date(v)));

/** Runs raw SQL and parses each row once with `schema`: a row that does not match is a bug, and throws. */
export async function parsedRows<S extends z.ZodType>(db: Executor, schema: S, query: SQL): Promise<z.output<S>[]> {
  return (await rows<unknown>(db, query)).map((row) => schema.parse(row));
}
