import Link from "next/link";
import { getTranslations } from "next-intl/server";

type Labels = { nav: string; previous: string; next: string };

/**
 * Previous / next links that keep the rest of the URL (so a page can be shared), and "Page 2 of
 * 7" between them. Give the page count, or the total and the page size. `labels` names the
 * links where a list has its own words (older / newer entries) or a page has two lists.
 */
export async function Pagination({
  page,
  hrefFor,
  labels,
  className = "",
  ...size
}: { page: number; hrefFor: (page: number) => string; labels?: Partial<Labels>; className?: string } & ({ pageCount: number } | { total: number; pageSize: number })) {
  const t = await getTranslations("pagination");
  const pages = "pageCount" in size ? size.pageCount : Math.max(1, Math.ceil(size.total / size.pageSize));
  if (pages <= 1) return null;
  const words: Labels = { nav: t("label"), previous: t("previous"), next: t("next"), ...labels };
  const link = "rounded-md border border-gray-300 bg-white px-3 py-1.5 font-medium text-gray-800 hover:bg-gray-50";
  const off = "rounded-md border border-gray-200 px-3 py-1.5 text-gray-500";
  return (
    <nav aria-label={words.nav} className={`flex flex-wrap items-center justify-between gap-2 text-sm ${className}`}>
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className={link} rel="prev">
          ← {words.previous}
        </Link>
      ) : (
        <span className={off} aria-hidden="true">← {words.previous}</span>
      )}
      <span className="tabular text-gray-600">{t("pageOf", { page: Math.min(page, pages), pages })}</span>
      {page < pages ? (
        <Link href={hrefFor(page + 1)} className={link} rel="next">
          {words.next} →
        </Link>
      ) : (
        <span className={off} aria-hidden="true">{words.next} →</span>
      )}
    </nav>
  );
}
