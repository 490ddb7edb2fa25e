// Input of the creator's shop: own products, promotions and the catalog's search parameters.
// Messages are translation keys (messages/*/shop.json), shown next to the fields.
import { z } from "zod";
import { firstValue, pageField, type SearchParamValue } from "./page";
import { safeText } from "./safe-text";
import { ENTRY_STATUSES } from "@/lib/domain/entry-status";
import { CURRENCIES, parseMajor } from "@/lib/domain/money";

/** Largest price a creator may type for an own product: 1,000,000.00. */
export const MAX_PRICE_MINOR = 100_000_000;

export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.includes(".") && !url.username && !url.password;
  } catch {
    return false;
  }
}

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => (v ? v : null));

export const ownProductSchema = z.object({
  title: safeText().trim().min(1, "shop.validation.title_required").max(120, "shop.validation.title_too_long"),
  price: z
    .string({ message: "shop.validation.price" })
    .trim()
    .min(1, "shop.validation.price_required")
    .transform((raw, ctx) => {
      const minor = parseMajor(raw);
      if (minor === null || minor < 0) {
        ctx.addIssue({ code: "custom", message: "shop.validation.price" });
        return z.NEVER;
      }
      if (minor > MAX_PRICE_MINOR) {
        ctx.addIssue({ code: "custom", message: "shop.validation.price_too_high" });
        return z.NEVER;
      }
      return minor;
    }),
  currency: z.enum(CURRENCIES, { message: "shop.validation.currency" }),
  url: safeText().trim().min(1, "shop.validation.url_required").max(2048, "shop.validation.url_too_long").refine(isHttpsUrl, "shop.validation.url"),
  imageUrl: optionalText(2048, "shop.validation.url_too_long").refine((v) => v === null || isHttpsUrl(v), "shop.validation.image_url"),
  sku: optionalText(64, "shop.validation.sku_too_long").refine((v) => v === null || /^[A-Za-z0-9._\-/]+$/.test(v), "shop.validation.sku"),
  /** The create form's one-time token (lib/dal/shop/commands.ts: idempotent creates). */
  formToken: safeText().uuid().optional(),
});
export type OwnProductInput = z.infer<typeof ownProductSchema>;

const id = z.coerce.number({ message: "errors.not_found" }).int("errors.not_found").positive("errors.not_found");

export const ownProductUpdateSchema = ownProductSchema.extend({ id });
export const ownProductIdSchema = z.object({ id });
export const promoteSchema = z.object({ shopProductId: id });

/** Commission filters offered on the catalog, in basis points. */
export const MIN_RATE_OPTIONS = [0, 500, 1000, 1500, 2000] as const;
export const CATALOG_PAGE_SIZE = 12;


/** The catalog's URL search parameters; anything odd falls back to the default, never an error. */
export const catalogQuerySchema = z.object({
  q: z.preprocess(firstValue, safeText().trim().max(100).catch("")).default(""),
  category: z.preprocess(firstValue, safeText().trim().regex(/^[a-z_]{0,40}$/).catch("")).default(""),
  minRate: z.preprocess(firstValue, z.coerce.number().int().min(0).max(10_000).catch(0)).default(0),
  page: pageField,
});
export type CatalogQuery = z.infer<typeof catalogQuerySchema>;

export function parseCatalogQuery(params: Record<string, SearchParamValue>): CatalogQuery {
  return catalogQuerySchema.parse(params);
}

/** Ledger kinds a creator sees on /creator/earnings (payouts have their own page). */
export const EARNING_KINDS = ["milestone_award", "milestone_adjustment", "commission", "refund", "adjustment"] as const;
export type EarningKind = (typeof EARNING_KINDS)[number];
export const ENTRIES_PAGE_SIZE = 25;

/** The earnings list's URL search parameters (and the CSV export's); odd values fall back. */
export const earningsQuerySchema = z.object({
  kind: z.preprocess(firstValue, z.enum(EARNING_KINDS).nullable().catch(null)).default(null),
  status: z.preprocess(firstValue, z.enum(ENTRY_STATUSES).nullable().catch(null)).default(null),
  order: z.preprocess(firstValue, safeText().trim().min(1).max(100).nullable().catch(null)).default(null),
  page: pageField,
});
export type EarningsQuery = z.infer<typeof earningsQuerySchema>;

export function parseEarningsQuery(params: Record<string, SearchParamValue>): EarningsQuery {
  return earningsQuerySchema.parse(params);
}
