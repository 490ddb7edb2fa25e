import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/dal/session";

export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  // An admin already has the widest role: telling them to ask an administrator would be absurd.
  const user = await getCurrentUser();
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold text-brand-600">403</p>
      <h1 className="mt-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mt-3 text-gray-600">{user?.role === "admin" ? t("bodyAdmin") : t("body")}</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        {t("back")}
      </Link>
    </main>
  );
}
