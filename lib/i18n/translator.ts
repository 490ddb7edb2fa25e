// Text for route handlers (CSV downloads): the same catalogs and language choice as pages,
// without the request-scoped next-intl setup, so handlers also run in tests and scripts.
import { createTranslator } from "next-intl";
import { catalogs } from "@/messages";
import { LOCALE_COOKIE, isLocale, localeFromAcceptLanguage, type AppLocale } from "./locale";

/** The reader's language, chosen as for pages: the language cookie, else Accept-Language. */
export function localeOf(request: Request): AppLocale {
  const cookies = request.headers.get("cookie") ?? "";
  const value = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`).exec(cookies)?.[1];
  return isLocale(value) ? value : localeFromAcceptLanguage(request.headers.get("accept-language"));
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A translator scoped to one namespace ("payouts"), in the given language. */
export function translatorFor(locale: AppLocale, namespace: string): Translate {
  const t = createTranslator({ locale, messages: catalogs[locale] as never, namespace: namespace as never });
  return (key, values) => (t as unknown as Translate)(key, values);
}
