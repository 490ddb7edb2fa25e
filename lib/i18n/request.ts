// next-intl without locale-prefixed URLs: the language comes from the cookie the language
// switch sets, else the browser's Accept-Language.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { catalogs } from "@/messages";
import { LOCALE_COOKIE, isLocale, localeFromAcceptLanguage } from "./locale";

export default getRequestConfig(async ({ locale: requested }) => {
  // An explicit locale (getTranslations({ locale })) renders another language than the reader's:
  // marketing's preview shows a challenge as a creator reading that language sees it.
  const chosen = isLocale(requested) ? requested : (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage((await headers()).get("accept-language"));
  return {
    locale,
    timeZone: "UTC",
    messages: catalogs[locale],
  };
});
