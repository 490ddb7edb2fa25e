import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CopyField } from "@/components/copy-button";
import { Pagination } from "@/components/pagination";
import { queryString } from "@/lib/url";
import { ProductImage } from "@/components/product-image";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ResponsiveTable } from "@/components/ui/responsive-table";
import { inputClass } from "@/components/ui/field";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";
import { listMyAffiliateLinks, listMyOwnProducts, listShopCatalog, type AffiliateLinkSummary } from "@/lib/dal/shop/queries";
import { commissionMinor, formatMoney } from "@/lib/domain/money";
import { formatDate, formatNumber, formatPercent } from "@/lib/i18n/format";
import { publicOrigin } from "@/lib/public-url";
import { MIN_RATE_OPTIONS, parseCatalogQuery, type CatalogQuery } from "@/lib/validation/shop";
import { LinkToggle } from "./_components/link-toggle";
import { OwnProductForm } from "./_components/own-product-form";
import { PromoteButton } from "./_components/promote-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shop"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CreatorShop({ searchParams }: { searchParams: SearchParams }) {
  const caller = await requireRole(AREA_ROLES.creator);
  const query = parseCatalogQuery(await searchParams);
  const [own, links, catalog, origin, locale, t] = await Promise.all([
    listMyOwnProducts(caller),
    listMyAffiliateLinks(caller),
    listShopCatalog(caller, query),
    publicOrigin(),
    getLocale(),
    getTranslations("shop"),
  ]);
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  const percent = (bps: number) => formatPercent(bps, locale);
  const category = (c: string) => (t.has(`categories.${c}`) ? t(`categories.${c}`) : c);
  const catalogHref = (change: Partial<CatalogQuery>) => {
    const next = { ...query, ...change };
    return `/creator/shop${queryString({ q: next.q, category: next.category, minRate: next.minRate, page: next.page > 1 ? next.page : null })}#catalog`;
  };
  const filtered = query.q !== "" || query.category !== "" || query.minRate > 0;
  const commission = (l: AffiliateLinkSummary) =>
    l.commission.length === 0 ? (
      <>
        <span aria-hidden="true">—</span>
        <span className="sr-only">{t("links.noCommission")}</span>
      </>
    ) : (
      l.commission.map((c) => (
        <span key={c.currency} className="block">
          {money(c.totalMinor, c.currency)}
          {c.pendingMinor !== 0 && <span className="block text-xs text-gray-500">{t("links.pending", { amount: money(c.pendingMinor, c.currency) })}</span>}
        </span>
      ))
    );

  return (
    <div className="space-y-10">
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        action={
          caller.creatorHandle ? (
            <Link href={`/c/${caller.creatorHandle}`} className={buttonClass("secondary")}>
              {t("viewPublicPage")}
            </Link>
          ) : undefined
        }
      />

      <section aria-labelledby="own-title" className="space-y-3">
        <div>
          <h2 id="own-title" className="text-lg font-semibold">{t("products.title")}</h2>
          <p className="text-sm text-gray-600">{t("products.subtitle")}</p>
        </div>
        <div className="grid gap-4 lg:grid-cols-3">
          <div className="lg:col-span-2">
            {own.length === 0 ? (
              <EmptyState title={t("products.empty")} body={t("products.emptyBody")} />
            ) : (
              <ul className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white shadow-sm">
                {own.map((p) => (
                  <li key={p.id} className="grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-2 p-3 sm:grid-cols-[auto_1fr_auto] sm:p-4">
                    <ProductImage src={p.imageUrl} className="h-14 w-14" />
                    <div className="min-w-0">
                      <p className="flex flex-wrap items-center gap-2">
                        <a href={p.url} target="_blank" rel="noopener noreferrer" className="font-medium text-gray-900 hover:underline">
                          {p.title}
                        </a>
                        <span
                          className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ${p.linked ? "bg-green-100 text-green-800" : "bg-gray-200 text-gray-700"}`}
                        >
                          {p.linked ? t("products.linked") : t("products.unlinked")}
                        </span>
                      </p>
                      <p className="tabular text-sm text-gray-600">
                        {money(p.priceMinor, p.currency)}
                        {p.sku && <span className="ml-2 text-gray-500">· {t("products.sku", { sku: p.sku })}</span>}
                      </p>
                    </div>
                    <div className="col-span-2 flex items-center justify-end gap-2 sm:col-span-1">
                      <Link
                        href={`/creator/shop/products/${p.id}`}
                        className={buttonClass("ghost", "px-3 py-1.5")}
                        aria-label={`${t("products.edit")}: ${p.title}`}
                      >
                        {t("products.edit")}
                      </Link>
                      <LinkToggle id={p.id} linked={p.linked} title={p.title} />
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <Card title={t("products.addTitle")}>
            <OwnProductForm mode="create" formToken={randomUUID()} defaults={{ title: "", price: "", currency: own[0]?.currency ?? "EUR", url: "", imageUrl: "", sku: "" }} />
          </Card>
        </div>
      </section>

      <section aria-labelledby="promote-title" className="space-y-6">
        <div>
          <h2 id="promote-title" className="text-lg font-semibold">{t("promote.title")}</h2>
          <p className="text-sm text-gray-600">{t("promote.subtitle")}</p>
        </div>

        <Card title={t("links.title")}>
          {links.length === 0 ? (
            <p className="text-sm text-gray-600">{t("links.empty")}</p>
          ) : (
            <ResponsiveTable
              caption={t("links.title")}
              stackBelow="md"
              frame="none"
              rows={links}
              rowKey={(l) => l.id}
              rowClassName="align-top"
              tableClassName="tabular"
              headClassName="text-gray-600"
              headerCellClassName="py-2 pr-4 last:pr-0"
              cellClassName="py-2 pr-4 last:pr-0"
              columns={[
                {
                  header: t("links.product"),
                  rowHeader: true,
                  phone: "title",
                  className: "font-normal",
                  cell: (l) => (
                    <>
                      <span className="block font-medium text-gray-900">{l.product.title}</span>
                      <span className="block text-xs text-gray-500">
                        {l.product.merchant} · {percent(l.product.commissionBps)} · {t("links.since", { date: formatDate(l.createdAt, locale) })}
                      </span>
                    </>
                  ),
                },
                {
                  header: t("links.link"),
                  phone: "plain",
                  className: "w-[22rem]",
                  cell: (l) => <CopyField value={`${origin}/r/${l.code}`} label={t("promote.linkFor", { title: l.product.title })} />,
                },
                { header: t("links.clicks"), align: "right", cell: (l) => formatNumber(l.clicks, locale) },
                { header: t("links.orders"), align: "right", cell: (l) => formatNumber(l.orders, locale) },
                { header: t("links.commission"), align: "right", cell: commission },
              ]}
            />
          )}
        </Card>

        <div id="catalog" className="scroll-mt-4 space-y-4">
          <h3 className="text-base font-semibold">{t("catalog.title")}</h3>
          <form action="/creator/shop#catalog" method="get" role="search" aria-label={t("catalog.searchLabel")} className="grid gap-3 rounded-lg border border-gray-200 bg-white p-4 shadow-sm sm:grid-cols-[1fr_12rem_12rem_auto] sm:items-end">
            <div className="space-y-1">
              <label htmlFor="catalog-q" className="block text-sm font-medium text-gray-800">{t("catalog.search")}</label>
              <input id="catalog-q" name="q" type="search" defaultValue={query.q} placeholder={t("catalog.searchPlaceholder")} className={inputClass} />
            </div>
            <div className="space-y-1">
              <label htmlFor="catalog-category" className="block text-sm font-medium text-gray-800">{t("catalog.category")}</label>
              <select id="catalog-category" name="category" defaultValue={query.category} className={inputClass}>
                <option value="">{t("catalog.allCategories")}</option>
                {catalog.categories.map((c) => (
                  <option key={c} value={c}>{category(c)}</option>
                ))}
              </select>
            </div>
            <div className="space-y-1">
              <label htmlFor="catalog-rate" className="block text-sm font-medium text-gray-800">{t("catalog.minRate")}</label>
              <select id="catalog-rate" name="minRate" defaultValue={String(query.minRate)} className={inputClass}>
                {MIN_RATE_OPTIONS.map((bps) => (
                  <option key={bps} value={bps}>{bps === 0 ? t("catalog.anyRate") : t("catalog.atLeast", { rate: percent(bps) })}</option>
                ))}
              </select>
            </div>
            <div className="flex gap-2">
              <button type="submit" className={buttonClass()}>{t("catalog.apply")}</button>
              {filtered && (
                <Link href="/creator/shop#catalog" className={buttonClass("ghost")}>{t("catalog.clear")}</Link>
              )}
            </div>
          </form>

          <p className="text-sm text-gray-600" role="status">{t("catalog.count", { count: catalog.total })}</p>

          {catalog.items.length === 0 ? (
            <EmptyState title={t("catalog.empty")} action={filtered ? <Link href="/creator/shop#catalog" className={buttonClass("secondary")}>{t("catalog.clear")}</Link> : undefined} />
          ) : (
            <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {catalog.items.map((p) => (
                <li key={p.id}>
                  <article aria-labelledby={`sp-${p.id}`} className="flex h-full flex-col gap-3 rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
                    <div className="flex gap-3">
                      <ProductImage src={p.imageUrl} className="h-16 w-16" />
                      <div className="min-w-0">
                        <h4 id={`sp-${p.id}`} className="font-semibold text-gray-900">{p.title}</h4>
                        <p className="text-sm text-gray-600">{p.merchant} · {category(p.category)}</p>
                      </div>
                    </div>
                    <dl className="tabular grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
                      <dt className="text-gray-600">{t("catalog.price")}</dt>
                      <dd className="text-right">{money(p.priceMinor, p.currency)}</dd>
                      <dt className="text-gray-600">{t("catalog.commission")}</dt>
                      <dd className="text-right font-semibold text-teal-700">{percent(p.commissionBps)}</dd>
                      <dt className="text-gray-600">{t("catalog.perSale")}</dt>
                      <dd className="text-right">{money(commissionMinor(p.priceMinor, p.commissionBps), p.currency)}</dd>
                      <dt className="text-gray-600">{t("catalog.returnWindow")}</dt>
                      <dd className="text-right">{t("catalog.days", { count: p.returnWindowDays })}</dd>
                    </dl>
                    <div className="mt-auto">
                      <PromoteButton shopProductId={p.id} title={p.title} code={p.myCode} origin={origin} />
                    </div>
                  </article>
                </li>
              ))}
            </ul>
          )}
          <Pagination
            className="mt-4"
            page={catalog.page}
            pageCount={catalog.pageCount}
            hrefFor={(page) => catalogHref({ page })}
            labels={{
              nav: t("catalog.pages"),
              previous: t("catalog.previous"),
              next: t("catalog.next"),
            }}
          />
        </div>
      </section>
    </div>
  );
}
