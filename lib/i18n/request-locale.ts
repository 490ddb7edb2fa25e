// The reader's language: the one rule for pages (lib/i18n/request.ts) and route handlers (CSV
// downloads, the referral redirect): the language cookie the switch sets, else the browser's
// Accept-Language, else English. Reads headers only, so it works in tests and scripts too.
import { LOCALE_COOKIE, isLocale, localeFromAcceptLanguage, type AppLocale } from "./locale";

type HeaderSource = { get(name: string): string | null };

/** The language of a request's headers (next/headers' `headers()` or a Request's). */
export function localeOfHeaders(headers: HeaderSource): AppLocale {
  const cookie = headers.get("cookie");
  if (cookie) {
    for (const part of cookie.split(";")) {
      const eq = part.indexOf("=");
      if (eq < 0 || part.slice(0, eq).trim() !== LOCALE_COOKIE) continue;
      const value = part.slice(eq + 1).trim();
      if (isLocale(value)) return value;
    }
  }
  return localeFromAcceptLanguage(headers.get("accept-language"));
}

/** The language of a route handler's request. */
export function localeOfRequest(request: Request): AppLocale {
  return localeOfHeaders(request.headers);
}
