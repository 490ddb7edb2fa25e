"use client";

import Link from "next/link";
import { useTranslations } from "@/lib/i18n/client";

// Surprises land here: a plain message and a retry, never a stack trace.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-24 text-center" role="alert">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-3 text-gray-600">{t("body")}</p>
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={reset} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          {t("retry")}
        </button>
        <Link href="/" className="rounded-md border border-gray-300 bg-white px-4 py-2 font-medium hover:bg-gray-50">
          {t("home")}
        </Link>
      </div>
    </main>
  );
}
