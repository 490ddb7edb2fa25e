import Link from "next/link";

const money = new Intl.NumberFormat("en", { style: "currency", currency: "EUR" });
const date = new Intl.DateTimeFormat("en", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

// One page of the earnings list (app/creator/earnings/page.tsx, 25 entries) with its markup and
// fixed words: five cells a row, two links in the source cell, a status badge, formatted money.
export function Rows({ seed }: { seed: string }) {
  const rows = Array.from({ length: 25 }, (_, i) => ({ id: 10_000 + i, at: new Date(Date.UTC(2026, 10, 1 + i)), amount: (i * 137 + seed.length) * 11, order: `ORD-${seed}-${i}` }));
  return (
    <table role="table" className="w-full text-left text-sm">
      <thead role="rowgroup" className="bg-gray-50 text-gray-600">
        <tr role="row">
          {["Date", "Kind", "Source", "Status", "Amount"].map((h) => (
            <th key={h} scope="col" role="columnheader" className="px-4 py-2 font-medium text-left">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup">
        {rows.map((r) => (
          <tr key={r.id} role="row" className="border-t border-gray-100 align-top">
            <th scope="row" role="rowheader" className="px-4 py-3 text-left tabular whitespace-nowrap font-normal" data-phone="meta">
              {date.format(r.at)}
            </th>
            <td role="cell" className="px-4 py-3 text-left whitespace-nowrap stacked:font-medium stacked:text-gray-900" data-phone="title">
              Commission
            </td>
            <td role="cell" className="px-4 py-3 text-left " data-phone="plain">
              <span className="block">
                Order{" "}
                <Link href={`/creator/earnings?order=${r.order}`} className="font-mono text-xs text-brand-700 underline decoration-brand-700/40 hover:decoration-brand-700">
                  {r.order}
                </Link>{" "}
                of{" "}
                <Link href={`/creator/shop?q=product-${r.id}`} className="text-brand-700 underline decoration-brand-700/40 hover:decoration-brand-700">
                  Product {r.id}
                </Link>
              </span>
              <span className="block text-xs text-gray-600">
                10 % of {money.format(r.amount / 10)} with code CODE{r.id}
              </span>
            </td>
            <td role="cell" className="px-4 py-3 text-left " data-phone="plain">
              <span className="inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold bg-gray-200 text-gray-800">Paid</span>
            </td>
            <td role="cell" className="px-4 py-3 text-right tabular whitespace-nowrap font-semibold text-gray-900" data-phone="corner">
              {money.format(r.amount / 100)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
