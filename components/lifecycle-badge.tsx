import { getTranslations } from "next-intl/server";
import type { Lifecycle } from "@/lib/domain/lifecycle";

const STYLES: Record<Lifecycle, string> = {
  draft: "bg-gray-100 text-gray-800",
  scheduled: "bg-blue-100 text-blue-800",
  live: "bg-green-100 text-green-800",
  ended: "bg-amber-100 text-amber-900",
  archived: "bg-gray-200 text-gray-700",
};

export async function LifecycleBadge({ lifecycle, locale }: { lifecycle: Lifecycle; locale?: "en" | "fr" }) {
  const t = locale ? await getTranslations({ locale, namespace: "lifecycle" }) : await getTranslations("lifecycle");
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ${STYLES[lifecycle]}`}>{t(lifecycle)}</span>;
}
