import Link from "next/link";

/** Previous / next links that keep the other search parameters, so a page can be shared. */
export function PaginationLinks({
  page,
  pageCount,
  hrefFor,
  labels,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  labels: { nav: string; previous: string; next: string; status: string };
}) {
  if (pageCount <= 1) return null;
  const link = "rounded-md border border-gray-300 bg-white px-3 py-1.5 font-medium text-gray-900 hover:bg-gray-50";
  const disabled = "rounded-md border border-gray-200 px-3 py-1.5 font-medium text-gray-500";
  return (
    <nav aria-label={labels.nav} className="mt-4 flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className={link} rel="prev">
          ← {labels.previous}
        </Link>
      ) : (
        <span className={disabled} aria-hidden="true">← {labels.previous}</span>
      )}
      <span className="tabular text-gray-600" aria-current="page">{labels.status}</span>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} className={link} rel="next">
          {labels.next} →
        </Link>
      ) : (
        <span className={disabled} aria-hidden="true">{labels.next} →</span>
      )}
    </nav>
  );
}

/** "?a=1&b=2" from the non-empty values, for links that change one parameter. */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== "" && value !== 0) search.set(key, String(value));
  const s = search.toString();
  return s ? `?${s}` : "";
}
