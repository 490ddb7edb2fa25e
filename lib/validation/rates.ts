// A rate staff add on /staff/rates: day, base, quote and the rate as typed ("1.0825").
import { z } from "zod";
import { CURRENCIES } from "@/lib/domain/money";
import { parseRateMicros } from "@/lib/domain/rates";

const today = () => new Date().toISOString().slice(0, 10);

export const exchangeRateSchema = z
  .object({
    day: z
      .string({ message: "rates.validation.day" })
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "rates.validation.day")
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "rates.validation.day")
      .refine((d) => d <= today(), "rates.validation.day_future")
      .refine((d) => d >= "2000-01-01", "rates.validation.day"),
    base: z.enum(CURRENCIES, { message: "rates.validation.currency" }),
    quote: z.enum(CURRENCIES, { message: "rates.validation.currency" }),
    rate: z
      .string({ message: "rates.validation.rate" })
      .transform((raw, ctx) => {
        const micros = parseRateMicros(raw);
        if (micros === null) {
          ctx.addIssue({ code: "custom", message: "rates.validation.rate" });
          return z.NEVER;
        }
        return micros;
      }),
  })
  .refine((v) => v.base !== v.quote, { path: ["quote"], message: "rates.validation.same_currency" });
export type ExchangeRateInput = z.infer<typeof exchangeRateSchema>;
