import type { ReactNode } from "react";

/**
 * Where a cell goes on the phone card: the card's `title` (top left), the `corner` (top right),
 * a `plain` line, small grey `meta` text (consecutive meta cells share a line), or `hidden`.
 * None of these shows the column's name; by default the cell is a line with its label.
 */
export type PhoneSlot = "title" | "corner" | "plain" | "meta" | "hidden";

export type Column<Row> = {
  header: ReactNode;
  /** The label on phones, when `header` is not plain text. */
  label?: string;
  cell: (row: Row) => ReactNode;
  align?: "left" | "right";
  /** The cell names its row: a `th scope="row"`. */
  rowHeader?: boolean;
  phone?: PhoneSlot;
  /** The body cell's classes, or a function of the row for classes that depend on it. */
  className?: string | ((row: Row) => string);
  headerClassName?: string;
};

const FRAMES = {
  card: "rounded-lg border border-gray-200 bg-white shadow-sm",
  outline: "rounded-lg border border-gray-200 bg-white",
  none: "",
} as const;

/**
 * One table for every width: a normal table from `stackBelow` up, one card per row below it
 * (the CSS is in app/globals.css, keyed by the data attributes set here). The roles are
 * explicit because some browsers drop table semantics once rows are laid out as blocks.
 */
export function ResponsiveTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  stackBelow,
  frame = "card",
  className = "",
  tableClassName = "",
  headClassName = "bg-gray-50 text-gray-700",
  headerCellClassName = "px-3 py-2",
  cellClassName = "px-3 py-2",
  rowClassName,
  footer,
}: {
  caption: ReactNode;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  stackBelow: "sm" | "md" | "lg";
  frame?: keyof typeof FRAMES;
  /** Added to the scrolling wrapper, after the frame. */
  className?: string;
  tableClassName?: string;
  headClassName?: string;
  headerCellClassName?: string;
  cellClassName?: string;
  rowClassName?: string | ((row: Row) => string);
  /** A closing total: its label under the other columns, its value under the last one. */
  footer?: { label: ReactNode; value: ReactNode };
}) {
  const align = (c: Column<Row>) => (c.align === "right" ? "text-right" : "text-left");
  return (
    // `relative` keeps the phone layout's visually hidden header inside the scroll box.
    <div data-stack={stackBelow} data-frame={frame === "none" ? "none" : undefined} className={`relative overflow-x-auto ${FRAMES[frame]} ${className}`}>
      <table role="table" className={`w-full text-left text-sm ${tableClassName}`}>
        <caption className="sr-only">{caption}</caption>
        <thead role="rowgroup" className={headClassName}>
          <tr role="row">
            {columns.map((c, i) => (
              <th key={i} scope="col" role="columnheader" className={`${headerCellClassName} font-medium ${align(c)} ${c.headerClassName ?? ""}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row) => (
            <tr key={rowKey(row)} role="row" className={`border-t border-gray-100 ${(typeof rowClassName === "function" ? rowClassName(row) : rowClassName) ?? ""}`}>
              {columns.map((c, i) => {
                const label = c.phone ? undefined : (c.label ?? (typeof c.header === "string" ? c.header : undefined));
                // Attributes only when set: each one is repeated in every row, in the HTML and in its RSC payload.
                const props = {
                  className: `${cellClassName} ${align(c)} ${(typeof c.className === "function" ? c.className(row) : c.className) ?? ""}`,
                  ...(c.phone && { "data-phone": c.phone }),
                  ...(label && { "data-label": label }),
                };
                return c.rowHeader ? (
                  <th key={i} scope="row" role="rowheader" {...props}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={i} role="cell" {...props}>
                    {c.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {footer && (
          <tfoot role="rowgroup">
            <tr role="row" className="border-t-2 border-gray-300">
              <th scope="row" role="rowheader" colSpan={columns.length - 1} data-phone="title" className={`${headerCellClassName} text-right font-semibold`}>
                {footer.label}
              </th>
              <td role="cell" data-phone="corner" className={`${headerCellClassName} whitespace-nowrap text-right font-semibold`}>
                {footer.value}
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
