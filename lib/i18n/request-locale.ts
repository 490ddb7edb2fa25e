// The reader's language in a route handler, decided as for pages (lib/i18n/request.ts): the
// language cookie, else Accept-Language. Reads the Request itself, so it works in tests too.
import { LOCALE_COOKIE, isLocale, localeFromAcceptLanguage, type AppLocale } from "./locale";

export function localeOfRequest(request: Request): AppLocale {
  const cookies = request.headers.get("cookie") ?? "";
  for (const part of cookies.split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === LOCALE_COOKIE && isLocale(value)) return value;
  }
  return localeFromAcceptLanguage(request.headers.get("accept-language"));
}
