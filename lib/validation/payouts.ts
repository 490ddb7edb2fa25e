// Inputs of the payout pages: the review queue's URL filters, staff decisions, payout runs.
// Shared by the forms, the server actions, the CSV export and the DAL.
import { z } from "zod";
import { filterParam, pageParam } from "./page";
import { safeText } from "./safe-text";
import { payoutStatusEnum, type PayoutStatus } from "@/db/schema";
import { parseMajor } from "@/lib/domain/money";
import { HOLD_REASON_CODES } from "@/lib/domain/hold-reasons";
import { isPeriod } from "@/lib/domain/period";

export const PAYOUT_STATUSES = payoutStatusEnum.enumValues;
export { HOLD_REASON_CODES, type HoldReasonCode } from "@/lib/domain/hold-reasons";
export const QUEUE_SORTS = ["oldest", "newest", "amount_desc", "amount_asc"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const FRAUD_FILTERS = ["any", "flagged", "clear"] as const;

export type QueueFilters = {
  status: PayoutStatus | "all";
  country?: string;
  /** Amount range in minor units, inclusive. */
  minMinor?: number;
  maxMinor?: number;
  fraud: (typeof FRAUD_FILTERS)[number];
  sort: QueueSort;
  page: number;
};

export type SearchParams = Record<string, string | string[] | undefined>;

const amount = (v: string | undefined) => {
  if (!v) return undefined;
  const minor = parseMajor(v);
  return minor !== null && minor >= 0 ? minor : undefined;
};

/** URL search params → queue filters; anything unreadable falls back to the default. */
export function parseQueueFilters(params: SearchParams): QueueFilters {
  const status = filterParam(params.status);
  const country = filterParam(params.country)?.toUpperCase();
  const fraud = filterParam(params.fraud);
  const sort = filterParam(params.sort);
  return {
    status: status === "all" || (PAYOUT_STATUSES as readonly string[]).includes(status ?? "") ? (status as QueueFilters["status"]) : "pending_review",
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    minMinor: amount(filterParam(params.min)),
    maxMinor: amount(filterParam(params.max)),
    fraud: (FRAUD_FILTERS as readonly string[]).includes(fraud ?? "") ? (fraud as QueueFilters["fraud"]) : "any",
    sort: (QUEUE_SORTS as readonly string[]).includes(sort ?? "") ? (sort as QueueSort) : "oldest",
    page: pageParam(params.page),
  };
}

/** Queue filters → URL search params (defaults left out), for links, pagination and the export. */
export function queueSearchParams(f: Partial<QueueFilters> & { currency?: string }): URLSearchParams {
  const p = new URLSearchParams();
  if (f.status && f.status !== "pending_review") p.set("status", f.status);
  if (f.country) p.set("country", f.country);
  if (f.minMinor !== undefined) p.set("min", minorToInput(f.minMinor));
  if (f.maxMinor !== undefined) p.set("max", minorToInput(f.maxMinor));
  if (f.fraud && f.fraud !== "any") p.set("fraud", f.fraud);
  if (f.sort && f.sort !== "oldest") p.set("sort", f.sort);
  if (f.currency) p.set("currency", f.currency);
  if (f.page && f.page > 1) p.set("page", String(f.page));
  return p;
}

function minorToInput(minor: number): string {
  return minor % 100 === 0 ? String(minor / 100) : (minor / 100).toFixed(2);
}

const id = z.coerce.number().int().positive();
const decision = { payoutId: id, version: id };
const text = (max: number, tooLong: string) => safeText().trim().max(max, tooLong);

export const approveSchema = z.object({
  ...decision,
  note: text(1000, "payouts.validation.too_long").optional().default(""),
});

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const today = () => new Date().toISOString().slice(0, 10);

export const holdSchema = z.object({
  ...decision,
  reasonCode: z.enum(HOLD_REASON_CODES, { message: "payouts.validation.hold_reason" }),
  note: text(1000, "payouts.validation.too_long").min(1, "payouts.validation.hold_note"),
  fix: text(1000, "payouts.validation.too_long").min(1, "payouts.validation.hold_fix"),
  decideBy: z
    .string()
    .regex(isoDay, "payouts.validation.decide_by")
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "payouts.validation.decide_by")
    .refine((d) => d >= today(), "payouts.validation.decide_by_past"),
});

export const rejectSchema = z.object({
  ...decision,
  reason: text(1000, "payouts.validation.too_long").min(1, "payouts.validation.reject_reason"),
});

export const markPaidSchema = z.object({
  ...decision,
  paymentReference: text(100, "payouts.validation.too_long").min(1, "payouts.validation.payment_reference"),
});

export const runSchema = z.object({
  period: safeText().trim().refine(isPeriod, "payouts.validation.period"),
});

