import type { ReactNode } from "react";

export type ChartTableRow = { key: string | number; header: ReactNode; cells: ReactNode[] };

/**
 * The text alternative every chart carries: a table, folded under a summary, with the chart's
 * name as its caption. The first column heads each row; the others are right-aligned figures.
 * `wide` keeps many columns readable (the table scrolls sideways on a phone); `tall` scrolls a
 * long table (one row per day) inside a box instead of pushing the page down.
 */
export function ChartTable({
  summary,
  caption,
  columns,
  rows,
  wide = false,
  tall = false,
}: {
  summary: ReactNode;
  caption: string;
  columns: ReactNode[];
  rows: ChartTableRow[];
  wide?: boolean;
  tall?: boolean;
}) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">{summary}</summary>
      <div className={`mt-2 overflow-x-auto ${tall ? "max-h-80 overflow-y-auto" : ""}`}>
        <table className={`w-full text-left ${wide ? "min-w-[36rem]" : ""}`}>
          <caption className="sr-only">{caption}</caption>
          <thead className="text-gray-600">
            <tr>
              {columns.map((column, i) => (
                <th key={i} scope="col" className={`py-1 font-medium ${i > 0 ? "text-right" : ""} ${i < columns.length - 1 ? "pr-4" : ""}`}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="tabular">
            {rows.map((row) => (
              <tr key={row.key} className="border-t border-gray-100">
                <th scope="row" className="py-1 pr-4 font-normal">{row.header}</th>
                {row.cells.map((cell, i) => (
                  <td key={i} className={`py-1 text-right ${i < row.cells.length - 1 ? "pr-4" : ""}`}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
