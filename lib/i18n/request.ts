// next-intl without locale-prefixed URLs: the language comes from the cookie the language
// switch sets, else the browser's Accept-Language.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { catalogs } from "@/messages";
import { LOCALE_COOKIE, isLocale, localeFromAcceptLanguage } from "./locale";

export default getRequestConfig(async () => {
  const cookieLocale = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookieLocale) ? cookieLocale : localeFromAcceptLanguage((await headers()).get("accept-language"));
  return {
    locale,
    timeZone: "UTC",
    messages: catalogs[locale],
  };
});
