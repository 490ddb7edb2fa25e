import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/actions";
import { LanguageSwitch } from "@/components/language-switch";
import { ProductImage } from "@/components/product-image";
import { getPublicStorefront } from "@/lib/dal/shop/queries";
import { formatMoney } from "@/lib/domain/money";

type Props = { params: Promise<{ handle: string }> };

// Public on purpose: no sign-in (proxy.ts guards only the role areas). See getPublicStorefront.
const load = cache(async (handle: string) => getPublicStorefront(decodeURIComponent(handle).toLowerCase()));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const store = await load((await params).handle);
  if (!store) return {};
  const t = await getTranslations("storefront");
  return { title: t("metaTitle", { name: store.displayName, handle: store.handle }), description: t("metaDescription", { name: store.displayName }) };
}

export default async function Storefront({ params }: Props) {
  const store = await load((await params).handle);
  if (!store) notFound();
  const [t, tp, locale] = await Promise.all([getTranslations("storefront"), getTranslations("platforms"), getLocale()]);
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  const empty = store.ownProducts.length === 0 && store.promoted.length === 0;

  return (
    <div className="min-h-screen">
      <header className="border-b border-gray-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
          <span className="font-bold text-brand-700">Creator Rewards</span>
          <LanguageSwitch action={setLocaleAction} />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl space-y-10 px-4 py-8">
        <div className="flex items-center gap-4">
          <div aria-hidden="true" className="flex h-16 w-16 shrink-0 items-center justify-center rounded-full bg-brand-600 text-2xl font-bold text-white">
            {store.displayName.charAt(0).toUpperCase()}
          </div>
          <div className="min-w-0">
            <h1 className="text-2xl font-bold tracking-tight text-gray-900">{store.displayName}</h1>
            <p className="text-sm text-gray-600">@{store.handle} · {tp(store.platform as "facebook")}</p>
          </div>
        </div>

        {empty && <p className="rounded-lg border border-dashed border-gray-300 bg-white px-6 py-10 text-center text-gray-600">{t("empty")}</p>}

        {store.ownProducts.length > 0 && (
          <section aria-labelledby="own-title" className="space-y-3">
            <h2 id="own-title" className="text-lg font-semibold">{t("ownTitle", { name: store.displayName })}</h2>
            <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {store.ownProducts.map((p) => (
                <li key={p.id}>
                  <a
                    href={p.url}
                    rel="noopener noreferrer"
                    className="flex h-full items-center gap-4 rounded-lg border border-gray-200 bg-white p-4 shadow-sm hover:border-brand-500"
                  >
                    <ProductImage src={p.imageUrl} className="h-20 w-20" />
                    <span className="min-w-0">
                      <span className="block font-semibold text-gray-900">{p.title}</span>
                      <span className="tabular block text-sm text-gray-700">{money(p.priceMinor, p.currency)}</span>
                      <span className="mt-1 block text-sm font-medium text-brand-700">{t("buy")} →</span>
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}

        {store.promoted.length > 0 && (
          <section aria-labelledby="picks-title" className="space-y-3">
            <div>
              <h2 id="picks-title" className="text-lg font-semibold">{t("picksTitle", { name: store.displayName })}</h2>
              <p className="text-sm text-gray-600">{t("disclosure", { name: store.displayName })}</p>
            </div>
            <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {store.promoted.map((p) => (
                <li key={p.code}>
                  <a
                    href={`/r/${p.code}`}
                    rel="sponsored noopener"
                    className="flex h-full items-center gap-4 rounded-lg border border-gray-200 bg-white p-4 shadow-sm hover:border-brand-500"
                  >
                    <ProductImage src={p.imageUrl} className="h-20 w-20" />
                    <span className="min-w-0">
                      <span className="block font-semibold text-gray-900">{p.title}</span>
                      <span className="block text-sm text-gray-600">{p.merchant}</span>
                      <span className="tabular block text-sm text-gray-700">{money(p.priceMinor, p.currency)}</span>
                      <span className="mt-1 block text-sm font-medium text-brand-700">{t("view")} →</span>
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
    </div>
  );
}
