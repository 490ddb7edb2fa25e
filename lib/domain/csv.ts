// CSV as spreadsheets read it: UTF-8 with a byte-order mark (so Excel picks UTF-8), CRLF line
// ends and RFC 4180 quoting. Cells that a spreadsheet would run as a formula are defused. The
// separator is a comma, or ";" where French spreadsheets expect it (with a decimal comma).

export type CsvSeparator = "," | ";";
export const CSV_BOM = "\uFEFF";
export const CSV_EOL = "\r\n";

/** One cell of any value: text defused against formulas (numbers stay numbers), quoted when needed. */
export function csvCell(value: string | number | null | undefined, sep: CsvSeparator = ","): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" && !/^-?\d+(\.\d+)?$/.test(value) ? csvText(value) : String(value);
  return csvField(text, sep);
}

/** A whole file: header row first, BOM in front. */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][], sep: CsvSeparator = ","): string {
  return CSV_BOM + [header, ...rows].map((row) => row.map((v) => csvCell(v, sep)).join(sep) + CSV_EOL).join("");
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

/** One record, ending with CRLF. */
export function csvRow(fields: readonly string[], sep: CsvSeparator): string {
  return fields.map((f) => csvField(f, sep)).join(sep) + CSV_EOL;
}

/** A dot-decimal number ("-12.34") written for the separator: decimal comma with ";". */
export function csvDecimal(value: string, sep: CsvSeparator): string {
  return sep === ";" ? value.replace(".", ",") : value;
}
