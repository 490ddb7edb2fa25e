import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Previous / next links that keep the rest of the URL; "Page 2 of 7" between them. */
export async function Pagination({ page, pageSize, total, hrefFor }: { page: number; pageSize: number; total: number; hrefFor: (page: number) => string }) {
  const t = await getTranslations("pagination");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const link = "rounded-md border border-gray-300 bg-white px-3 py-1.5 font-medium text-gray-800 hover:bg-gray-50";
  const off = "rounded-md border border-gray-200 px-3 py-1.5 text-gray-500";
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center justify-between gap-2 text-sm">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className={link} rel="prev">
          ← {t("previous")}
        </Link>
      ) : (
        <span className={off} aria-hidden="true">← {t("previous")}</span>
      )}
      <span className="text-gray-600">{t("pageOf", { page: Math.min(page, pages), pages })}</span>
      {page < pages ? (
        <Link href={hrefFor(page + 1)} className={link} rel="next">
          {t("next")} →
        </Link>
      ) : (
        <span className={off} aria-hidden="true">{t("next")} →</span>
      )}
    </nav>
  );
}
