// CSV that spreadsheets open correctly: UTF-8 with a byte order mark (so Excel reads accents),
// RFC 4180 quoting, CRLF line ends. French spreadsheets expect ";" between fields and a decimal
// comma, so the separator is a choice and amounts follow it.

export type CsvSeparator = "," | ";";
export const CSV_BOM = "\uFEFF";
export const CSV_EOL = "\r\n";

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

/** One record, ending with CRLF. */
export function csvRow(fields: readonly string[], sep: CsvSeparator): string {
  return fields.map((f) => csvField(f, sep)).join(sep) + CSV_EOL;
}

/** A dot-decimal number ("-12.34") written for the separator: decimal comma with ";". */
export function csvDecimal(value: string, sep: CsvSeparator): string {
  return sep === ";" ? value.replace(".", ",") : value;
}
