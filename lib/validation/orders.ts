// Orders and refunds as the shop reports them to POST /api/orders. Error messages are short
// English sentences for the API client (like lib/validation/ingest.ts).
import { z } from "zod";
import { CURRENCIES } from "@/lib/domain/money";
import { ingestTimestamp } from "./ingest";
import { safeApiText } from "./safe-text";

const id = (name: string) =>
  safeApiText(name, { message: `${name} must be a string` })
    .trim()
    .min(1, `${name} is required`)
    .max(100, `${name} is longer than 100 characters`);

const amount = z
  .number({ message: "amount must be a number (minor units)" })
  .int("amount must be an integer number of minor units")
  .positive("amount must be positive")
  .max(100_000_000_000, "amount is too large");

export const paidOrderSchema = z.object({
  id: id("id"),
  type: z.literal("paid"),
  affiliateCode: safeApiText("affiliateCode", { message: "affiliateCode is required" }).trim().min(1, "affiliateCode is required").max(64, "affiliateCode is too long"),
  amount,
  currency: z
    .string({ message: "currency is required" })
    .trim()
    .toUpperCase()
    .pipe(z.enum(CURRENCIES, { message: `currency must be one of ${CURRENCIES.join(", ")}` })),
  occurredAt: ingestTimestamp,
  buyer: safeApiText("buyer").trim().max(200, "buyer is longer than 200 characters").optional(),
});

export const refundSchema = z.object({
  id: id("id"),
  type: z.literal("refund"),
  orderId: id("orderId"),
  amount,
  occurredAt: ingestTimestamp,
});

export const orderItemSchema = z.discriminatedUnion("type", [paidOrderSchema, refundSchema], {
  message: 'type must be "paid" or "refund"',
});
export type PaidOrderInput = z.infer<typeof paidOrderSchema>;
export type RefundInput = z.infer<typeof refundSchema>;
