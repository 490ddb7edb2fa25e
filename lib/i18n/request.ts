// next-intl without locale-prefixed URLs: the language comes from the cookie the language
// switch sets, else the browser's Accept-Language (lib/i18n/request-locale.ts, the one rule).
import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { catalogs } from "@/messages";
import { isLocale } from "./locale";
import { localeOfHeaders } from "./request-locale";

export default getRequestConfig(async ({ locale: requested }) => {
  // An explicit locale (getTranslations({ locale })) renders another language than the reader's:
  // marketing's preview shows a challenge as a creator reading that language sees it.
  const locale = isLocale(requested) ? requested : localeOfHeaders(await headers());
  return {
    locale,
    timeZone: "UTC",
    messages: catalogs[locale],
  };
});
