// The challenge form, parsed the same way for the form's server action and for tests.
// Each field is optional: an absent field means "empty" for a draft and "unchanged" for a live
// challenge (whose locked inputs are disabled, so never sent). Messages are full keys.
import { z } from "zod";
import { safeText } from "./safe-text";
import { challengeKindEnum, metricEnum, platformEnum, type ChallengeKind, type Metric, type Platform } from "@/db/schema";
import type { FieldErrors } from "@/lib/actions/types";
import { CURRENCIES, parseMajor } from "@/lib/domain/money";

export const MAX_MILESTONES = 10;
export const MAX_INVITES = 5_000;
const MAX_COUNT = 1_000_000_000;
const MAX_THRESHOLD = 1_000_000_000_000;
const HANDLE = /^[a-z0-9._]{2,40}$/;

const v = (key: string) => `marketing.validation.${key}`;

/** "10000", "10,000", "10 000" → 10000; anything else is not a count. */
export function parseCount(raw: string): number | null {
  const s = raw.trim();
  if (!/^\d+$/.test(s) && !/^\d{1,3}([ ,\u00a0\u202f]\d{3})+$/.test(s)) return null;
  const n = Number(s.replace(/[ ,\u00a0\u202f]/g, ""));
  return Number.isSafeInteger(n) ? n : null;
}

/** A datetime-local value ("2026-03-01T09:00"), read as UTC. */
export function parseUtcDateTime(raw: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(raw.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = "0"] = m.map((x) => x ?? "0");
  const date = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s));
  // Refuse dates that rolled over (31 February) rather than silently moving them.
  if (date.getUTCMonth() !== +mo - 1 || date.getUTCDate() !== +d || +h > 23 || +mi > 59) return null;
  return date;
}

/** A Date as a datetime-local value in UTC. */
export function toUtcInput(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 16) : "";
}

/** Handles typed in a textarea, one per line or separated by commas/spaces, "@" optional. */
export function splitHandles(raw: string | string[]): string[] {
  const parts = (Array.isArray(raw) ? raw.join("\n") : raw).split(/[\s,;]+/);
  return [...new Set(parts.map((h) => h.trim().replace(/^@/, "").toLowerCase()).filter(Boolean))];
}

const text = (max: number) =>
  z
    .string({ message: v("text") })
    .transform((s) => s.trim())
    .pipe(safeText().max(max, v("tooLong")));

const count = (message: string, min: number) =>
  z
    .union([safeText(), z.number()])
    .transform((raw, ctx) => {
      const n = typeof raw === "number" ? raw : parseCount(raw);
      if (n === null || !Number.isSafeInteger(n) || n < min || n > MAX_COUNT) {
        ctx.addIssue({ code: "custom", message: v(message) });
        return z.NEVER;
      }
      return n;
    });

/** Empty → null; else a count. */
const optionalCount = (message: string, min: number) =>
  z.union([safeText(), z.number(), z.null()]).transform((raw, ctx) => {
    if (raw === null || (typeof raw === "string" && raw.trim() === "")) return null;
    const parsed = count(message, min).safeParse(raw);
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", message: v(message) });
      return z.NEVER;
    }
    return parsed.data;
  });

/** Money typed in major units ("12.50", "12,50"), parsed without floats; must be positive. */
const positiveMoney = (message: string) =>
  safeText({ message: v(message) }).transform((raw, ctx) => {
    const minor = parseMajor(raw);
    if (minor === null || minor <= 0) {
      ctx.addIssue({ code: "custom", message: v(message) });
      return z.NEVER;
    }
    return minor;
  });

/** A datetime-local field read as UTC; empty is null. */
export const utcDateTimeField = z.union([safeText(), z.date(), z.null()]).transform((raw, ctx) => {
  if (raw === null || raw === "") return null;
  const date = raw instanceof Date ? raw : parseUtcDateTime(raw);
  if (!date || Number.isNaN(date.getTime()) || date.getUTCFullYear() < 2000 || date.getUTCFullYear() > 2100) {
    ctx.addIssue({ code: "custom", message: v("dateTime") });
    return z.NEVER;
  }
  return date;
});

const milestoneSchema = z.object({
  metric: z.enum(metricEnum.enumValues, { message: v("metric") }),
  threshold: z.union([safeText(), z.number()], { message: v("threshold") }).transform((raw, ctx) => {
    const n = typeof raw === "number" ? raw : parseCount(raw);
    if (n === null || !Number.isSafeInteger(n) || n <= 0 || n > MAX_THRESHOLD) {
      ctx.addIssue({ code: "custom", message: v("threshold") });
      return z.NEVER;
    }
    return n;
  }),
  reward: positiveMoney("reward"),
});

const checkbox = z.union([z.boolean(), safeText()]).transform((raw) => raw === true || raw === "on" || raw === "true" || raw === "1");

export const challengeFormSchema = z
  .preprocess(
    normalizeRaw,
    z.object({
      id: z.coerce.number().int().positive().optional(),
      titleEn: text(120).optional(),
      titleFr: text(120).optional(),
      descriptionEn: text(2000).optional(),
      descriptionFr: text(2000).optional(),
      kind: z.enum(challengeKindEnum.enumValues, { message: v("choose") }).optional(),
      platform: z.enum(platformEnum.enumValues, { message: v("choose") }).optional(),
      currency: z.enum(CURRENCIES, { message: v("choose") }).optional(),
      startsAt: utcDateTimeField.optional(),
      endsAt: utcDateTimeField.optional(),
      milestones: z.array(milestoneSchema).max(MAX_MILESTONES, v("tooManyMilestones")).optional(),
      minFollowers: optionalCount("followers", 0).optional(),
      maxFollowers: optionalCount("followers", 0).optional(),
      countries: z
        .array(safeText().trim().toUpperCase().regex(/^[A-Z]{2}$/, v("country")))
        .transform((list) => [...new Set(list)].sort())
        .optional(),
      inviteOnly: checkbox.optional(),
      invites: z
        .union([safeText(), z.array(safeText())])
        .transform((raw, ctx) => {
          const handles = splitHandles(raw);
          const bad = handles.filter((h) => !HANDLE.test(h));
          if (bad.length > 0) ctx.addIssue({ code: "custom", message: v("handleFormat") });
          if (handles.length > MAX_INVITES) ctx.addIssue({ code: "custom", message: v("tooManyInvites") });
          return handles;
        })
        .optional(),
      enrollmentCap: optionalCount("cap", 1).optional(),
      budget: z
        .union([safeText(), z.null()])
        .transform((raw, ctx) => {
          if (raw === null || raw.trim() === "") return null;
          const parsed = positiveMoney("budget").safeParse(raw);
          if (!parsed.success) {
            ctx.addIssue({ code: "custom", message: v("budget") });
            return z.NEVER;
          }
          return parsed.data;
        })
        .optional(),
    }),
  )
  .superRefine(
    (c, ctx) => {
      // Runs even when other fields failed, so every problem shows at once: each value is
      // checked for its type first, since a failed field holds what was typed.
      const date = (d: unknown) => (d instanceof Date ? d : null);
      const num = (n: unknown) => (typeof n === "number" ? n : null);
      const start = date(c.startsAt);
      const end = date(c.endsAt);
      if (start && end && end <= start) ctx.addIssue({ code: "custom", path: ["endsAt"], message: v("endAfterStart") });
      const min = num(c.minFollowers);
      const max = num(c.maxFollowers);
      if (min !== null && max !== null && max < min) ctx.addIssue({ code: "custom", path: ["maxFollowers"], message: v("followerRange") });
      const last = new Map<unknown, number>();
      (Array.isArray(c.milestones) ? c.milestones : []).forEach((m, i) => {
        const threshold = num(m?.threshold);
        if (threshold === null) return;
        const previous = last.get(m.metric);
        if (previous !== undefined && threshold <= previous) {
          ctx.addIssue({ code: "custom", path: ["milestones", i, "threshold"], message: v("thresholdIncreasing") });
        }
        last.set(m.metric, Math.max(previous ?? 0, threshold));
      });
    },
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );

export type ChallengeFormInput = z.infer<typeof challengeFormSchema>;

/**
 * Form data arrives flat ("milestones.2.threshold", "countries" once or several times); this
 * builds the nested shape, so zod issue paths come back as "milestones.2.threshold".
 */
function normalizeRaw(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null) return raw;
  const input = raw as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const rows = new Map<number, Record<string, unknown>>();
  for (const [key, value] of Object.entries(input)) {
    const m = /^milestones\.(\d+)\.(metric|threshold|reward)$/.exec(key);
    if (m) {
      const row = rows.get(Number(m[1])) ?? {};
      row[m[2]] = value;
      rows.set(Number(m[1]), row);
    } else if (key === "countries" || key === "countries[]") {
      out.countries = Array.isArray(value) ? value : value === "" || value === undefined ? [] : [value];
    } else {
      out[key] = value;
    }
  }
  if (rows.size > 0) {
    // Rows left completely empty are dropped: an added, unused row is not an error.
    out.milestones = [...rows.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, row]) => row)
      .filter((row) => String(row.threshold ?? "").trim() !== "" || String(row.reward ?? "").trim() !== "");
  }
  return out;
}

/** A challenge as stored, for the checks that publishing needs. */
export type ChallengeDraft = {
  titleEn: string;
  titleFr: string;
  descriptionEn: string;
  descriptionFr: string;
  kind: ChallengeKind;
  platform: Platform;
  startsAt: Date;
  endsAt: Date;
  milestones: { metric: Metric; threshold: number; rewardMinor: number }[];
  inviteOnly: boolean;
  inviteCount: number;
  budgetMinor: number | null;
};

/** What a draft still lacks before creators may see it, as field errors; empty when complete. */
export function publishProblems(c: ChallengeDraft, now: Date = new Date()): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, key: string) => (errors[field] ??= []).push(v(key));
  if (!c.titleEn) add("titleEn", "requiredToPublish");
  if (!c.titleFr) add("titleFr", "requiredToPublish");
  if (!c.descriptionEn) add("descriptionEn", "requiredToPublish");
  if (!c.descriptionFr) add("descriptionFr", "requiredToPublish");
  if (c.milestones.length === 0) add("milestones", "milestonesRequired");
  if (c.endsAt <= now) add("endsAt", "endInFuture");
  if (c.budgetMinor === null) add("budget", "budgetRequired");
  if (c.inviteOnly && c.inviteCount === 0) add("invites", "invitesRequired");
  return errors;
}
