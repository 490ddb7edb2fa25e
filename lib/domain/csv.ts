// The one CSV writer of every export (earnings, payouts, statements, audit log). Files are read
// by spreadsheets: UTF-8 with a byte-order mark (so Excel picks UTF-8), CRLF line ends, RFC 4180
// quoting, and text cells a spreadsheet would run as a formula defused.
//
// The reader's conventions: French readers get ";" and decimal commas (what French Excel
// expects), English readers "," and decimal points. A reader may pick the other separator; the
// decimal mark follows the separator (a decimal comma cannot sit in a comma-separated file
// unquoted), and the headers and labels stay in the reader's language whatever the separator.
// Money is written from integer minor units and rates from integer millionths: never a float.
import { toMajorString } from "./money";
import { rateToDecimalString } from "./rates";

export type CsvSeparator = "," | ";";
export type CsvLocale = "en" | "fr";
export type CsvFormat = { locale: CsvLocale; sep: CsvSeparator };
export const CSV_BOM = "\uFEFF";
export const CSV_EOL = "\r\n";

/**
 * One cell. Text is free text (defused). Typed cells are written in the file's conventions:
 * an integer, money in minor units (two decimals), a rate in millionths, a date or date-time.
 */
export type CsvCell =
  | string
  | number
  | null
  | undefined
  | { money: number }
  | { rate: number }
  | { date: Date | string }
  | { dateTime: Date };

/** The reader's format: `sep` is the request's choice ("comma" | "semicolon"), else the language's. */
export function csvFormat(locale: CsvLocale, sep?: string | null): CsvFormat {
  if (sep === "comma") return { locale, sep: "," };
  if (sep === "semicolon") return { locale, sep: ";" };
  return { locale, sep: locale === "fr" ? ";" : "," };
}

/** A cell's text in the file's conventions, before quoting. */
export function cellText(cell: CsvCell, f: CsvFormat): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return csvText(cell);
  if (typeof cell === "number") {
    if (!Number.isSafeInteger(cell)) throw new RangeError(`CSV numbers are integers; got ${cell} (use { money } or { rate })`);
    return String(cell);
  }
  if ("money" in cell) return decimal(toMajorString(cell.money), f);
  if ("rate" in cell) return decimal(rateToDecimalString(cell.rate), f);
  if ("date" in cell) return day(typeof cell.date === "string" ? cell.date.slice(0, 10) : cell.date.toISOString().slice(0, 10), f);
  const iso = cell.dateTime.toISOString();
  return `${day(iso.slice(0, 10), f)} ${iso.slice(11, 19)}`;
}

/** One record, ending with CRLF. */
export function csvLine(cells: readonly CsvCell[], f: CsvFormat): string {
  return cells.map((c) => csvField(cellText(c, f), f.sep)).join(f.sep) + CSV_EOL;
}

/** The start of a file: BOM and header row (for streamed files; then csvLine per record). */
export function csvStart(header: readonly string[], f: CsvFormat): string {
  return CSV_BOM + csvLine(header, f);
}

/** A whole file: BOM, header row, records. */
export function csvDocument(header: readonly string[], records: readonly (readonly CsvCell[])[], f: CsvFormat): string {
  return csvStart(header, f) + records.map((r) => csvLine(r, f)).join("");
}

/** Headers for a CSV download with a safe file name. */
export function csvHeaders(filename: string): HeadersInit {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${safe}"`,
    "cache-control": "no-store",
  };
}

/** Quotes a field when it holds the separator, a quote, a line break or edge spaces. */
export function csvField(value: string, sep: CsvSeparator): string {
  const needsQuotes = value.includes(sep) || /["\r\n]/.test(value) || value !== value.trim();
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Free text that a spreadsheet must never run as a formula (=, +, -, @, tab, CR at the start):
 * prefixed with an apostrophe, as OWASP recommends for CSV injection.
 */
export function csvText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A dot-decimal number ("-12.34") with the file's decimal mark: a comma with ";". */
function decimal(value: string, f: CsvFormat): string {
  return f.sep === ";" ? value.replace(".", ",") : value;
}

/** "2025-03-01" as the reader writes a date: 01/03/2025 in French, ISO 2025-03-01 in English. */
function day(iso: string, f: CsvFormat): string {
  if (f.locale !== "fr") return iso;
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}
