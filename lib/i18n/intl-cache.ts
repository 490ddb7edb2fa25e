// Intl formatters are slow to build (each construction resolves the locale's data in ICU) and
// free to reuse, and a page formats hundreds of amounts and dates: one formatter per locale and
// set of options, kept for the life of the process. The options are a handful of constants.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export function numberFormat(tag: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(tag, options)));
  return format;
}

export function dateTimeFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) dateTimeFormats.set(key, (format = new Intl.DateTimeFormat(tag, options)));
  return format;
}

// The one place a locale of the app ("fr" | "en") becomes a BCP 47 tag. English amounts use
// US separators ("1,234.56"); English dates read day, month, year ("25 Nov 2026"), as in Britain.
export const numberTag = (locale: string) => (locale === "fr" ? "fr-FR" : "en-US");
export const dateTag = (locale: string) => (locale === "fr" ? "fr-FR" : "en-GB");
