// The reader's language: the one rule for pages (lib/i18n/request.ts) and route handlers (CSV
// downloads, the referral redirect): the language cookie the switch sets, else the browser's
// Accept-Language, else English. Reads headers only, so it works in tests and scripts too.
import { LOCALE_COOKIE, isLocale, localeFromAcceptLanguage, type AppLocale } from "./locale";

type HeaderSource = { get(name: string): string | null };

/** The rule: the language cookie if it names a language, else Accept-Language, else English. */
export function localeFrom(cookieValue: string | null | undefined, acceptLanguage: string | null): AppLocale {
  return isLocale(cookieValue) ? cookieValue : localeFromAcceptLanguage(acceptLanguage);
}

function cookieIn(headers: HeaderSource): string | null {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq >= 0 && part.slice(0, eq).trim() === LOCALE_COOKIE) return part.slice(eq + 1).trim();
  }
  return null;
}

/** The language of a request's headers (next/headers' `headers()` or a Request's). */
export function localeOfHeaders(headers: HeaderSource): AppLocale {
  return localeFrom(cookieIn(headers), headers.get("accept-language"));
}

/** The language of a route handler's request. */
export function localeOfRequest(request: Request): AppLocale {
  return localeOfHeaders(request.headers);
}
