import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { AREA_ROLES, requireRole, type Caller } from "@/lib/dal/session";
import { getMyOwnProduct } from "@/lib/dal/shop/queries";
import { toMajorString } from "@/lib/domain/money";
import { idParam } from "@/lib/params";
import { LinkToggle } from "../../_components/link-toggle";
import { OwnProductForm } from "../../_components/own-product-form";

type Props = { params: Promise<{ id: string }> };

/** Another creator's product id gives the same 404 as a missing one. */
async function load(caller: Caller, params: Props["params"]) {
  const id = await idParam(params);
  const product = await getMyOwnProduct(caller, id);
  if (!product) notFound();
  return product;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const caller = await requireRole(AREA_ROLES.creator);
  const product = await load(caller, params);
  return { title: (await getTranslations("shop.edit"))("metaTitle", { title: product.title }) };
}

export default async function EditOwnProduct({ params }: Props) {
  const caller = await requireRole(AREA_ROLES.creator);
  const product = await load(caller, params);
  const [t, locale] = await Promise.all([getTranslations("shop"), getLocale()]);
  // The price as the reader writes it: "14,90" in French (the form reads both).
  const price = toMajorString(product.priceMinor);
  return (
    <div className="max-w-2xl space-y-4">
      <Link href="/creator/shop" className="text-sm font-medium text-brand-700 hover:underline">← {t("edit.back")}</Link>
      <PageHeader
        title={t("edit.title")}
        subtitle={
          <>
            <span className="block font-medium text-gray-900">{product.title}</span>
            <span className="block">{product.linked ? t("edit.linkedHint") : t("edit.unlinkedHint")}</span>
          </>
        }
        action={<LinkToggle id={product.id} linked={product.linked} title={product.title} />}
      />
      <Card>
        <OwnProductForm
          mode="edit"
          defaults={{
            id: product.id,
            title: product.title,
            price: locale === "fr" ? price.replace(".", ",") : price,
            currency: product.currency,
            url: product.url,
            imageUrl: product.imageUrl ?? "",
            sku: product.sku ?? "",
          }}
        />
      </Card>
    </div>
  );
}
