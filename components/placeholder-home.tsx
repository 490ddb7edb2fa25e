import { getTranslations } from "next-intl/server";
import { PageHeader } from "./ui/card";

export async function PlaceholderHome({ area }: { area: "creator" | "staff" | "marketing" | "admin" }) {
  const t = await getTranslations("placeholder");
  return (
    <>
      <PageHeader title={t(area)} />
      <p className="text-gray-600">{t("soon")}</p>
    </>
  );
}
