// CSV as spreadsheets read it: UTF-8 with a byte-order mark (so Excel picks UTF-8), CRLF line
// ends and RFC 4180 quoting. Cells that a spreadsheet would run as a formula are defused.
// Two shapes: toCsv/csvCell (comma files: payouts, statements) and csvRow/csvField with a chosen
// separator (earnings, where French spreadsheets expect ";" and a decimal comma).

const BOM = "\uFEFF";

/** One cell: quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  // "=SUM(…)" typed into a note must stay text when the file is opened (CSV injection).
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: header row first, BOM in front. */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
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
