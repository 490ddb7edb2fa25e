// Text PostgreSQL can store. A NUL character (U+0000) or an unpaired UTF-16 surrogate is valid
// in a JavaScript string and in JSON, but PostgreSQL refuses both (in text and in jsonb), and
// the error would take the whole statement down: a batch of 1,000 items, or a form as a 500.
// Every input string goes through this schema: ingest items, action fields, URL filters.
import { z } from "zod";

const UNSAFE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isSafeText(value: string): boolean {
  return !UNSAFE.test(value);
}

/** The translation key forms show next to a field holding such a character. */
export const UNSAFE_TEXT = "trust.validation.unsafe_text";

/** A string without NUL or lone surrogates; `message` for API clients, else the form's key. */
export function safeText(params?: Parameters<typeof z.string>[0], message: string = UNSAFE_TEXT) {
  return z.string(params).refine(isSafeText, { message });
}

/** For API items: "<field> contains a NUL character or an unpaired surrogate". */
export const safeApiText = (field: string, params?: Parameters<typeof z.string>[0]) =>
  safeText(params, `${field} contains a NUL character or an unpaired surrogate`);

/** A URL filter value, or undefined when it is missing or holds a character we cannot store. */
export function safeParam(value: string | undefined): string | undefined {
  return value !== undefined && safeText().safeParse(value).success ? value : undefined;
}

/**
 * The dotted paths of every unsafe string in an action's raw input (nested objects and arrays
 * included): the action wrapper answers them as field errors before any schema runs.
 */
export function unsafeTextPaths(value: unknown, path: string[] = []): string[] {
  if (typeof value === "string") return safeText().safeParse(value).success ? [] : [path.join(".") || "_form"];
  if (Array.isArray(value)) {
    // A repeated form key ("countries[]") reports on the field itself.
    return [...new Set(value.flatMap((v, i) => unsafeTextPaths(v, typeof v === "object" && v !== null ? [...path, String(i)] : path)))];
  }
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => unsafeTextPaths(v, [...path, k]));
  }
  return [];
}
