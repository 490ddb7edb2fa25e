// next-intl without locale-prefixed URLs: the language comes from the cookie the language
// switch sets, else the browser's Accept-Language (lib/i18n/request-locale.ts, the one rule).
import { cookies, headers } from "next/headers";
import { _createCache } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { catalogs } from "@/messages";
import { LOCALE_COOKIE, isLocale } from "./locale";
import { localeFrom } from "./request-locale";

// Parsed ICU messages, shared by every request of this process. next-intl makes a new cache per
// request, so every page parsed each message it used again (intl-messageformat's parser was the
// heaviest frame of the creator home after React itself). Entries are keyed by the message text,
// the locale, the formats and the time zone, and the catalogs are fixed at build time: the cache
// is as large as the catalogs at most.
const parsedMessages = _createCache();

export default getRequestConfig(async ({ locale: requested }) => {
  // An explicit locale (getTranslations({ locale })) renders another language than the reader's:
  // marketing's preview shows a challenge as a creator reading that language sees it.
  // The cookie through cookies(), not the Cookie header: after the language switch's action sets
  // it, the same response re-renders the page, and only cookies() sees the new value.
  const locale = isLocale(requested)
    ? requested
    : localeFrom((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
  return {
    locale,
    timeZone: "UTC",
    messages: catalogs[locale],
    // Not in next-intl's public type; initializeConfig passes it through to every translator.
    ...({ _cache: parsedMessages } as object),
  };
});
