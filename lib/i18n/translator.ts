// Text for route handlers (CSV downloads): the same catalogs and language choice as pages,
// without the request-scoped next-intl setup, so handlers also run in tests and scripts.
import { createTranslator } from "next-intl";
import { catalogs } from "@/messages";
import type { AppLocale } from "./locale";
// The reader's language for a route handler: localeOfRequest (lib/i18n/request-locale.ts).
export { localeOfRequest as localeOf } from "./request-locale";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A translator scoped to one namespace ("payouts"), in the given language. */
export function translatorFor(locale: AppLocale, namespace: string): Translate {
  const t = createTranslator({ locale, messages: catalogs[locale] as never, namespace: namespace as never });
  return (key, values) => (t as unknown as Translate)(key, values);
}
