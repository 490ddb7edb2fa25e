"use client";

import { useLocale, useTranslations } from "@/lib/i18n/client";
import type { setLocaleAction } from "@/app/actions";
import { useFormAction } from "@/lib/actions/use-form-action";

const LABELS = { en: "English", fr: "Français" } as const;

/** Two buttons, EN and FR; works without JavaScript too. */
export function LanguageSwitch({ action: setLocale }: { action: typeof setLocaleAction }) {
  const t = useTranslations("nav");
  const locale = useLocale();
  const [, action, pending] = useFormAction(setLocale);
  return (
    <form action={action} className="inline-flex items-center gap-1 text-sm" aria-label={t("language")}>
      {(["en", "fr"] as const).map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          aria-pressed={locale === l}
          disabled={pending}
          className={`rounded px-2 py-1 font-medium uppercase ${locale === l ? "bg-brand-600 text-white" : "text-gray-700 hover:bg-gray-100"}`}
        >
          {/* The visible "en"/"fr" starts the accessible name (WCAG 2.5.3, label in name). */}
          {l}
          <span className="sr-only"> ({LABELS[l]})</span>
        </button>
      ))}
    </form>
  );
}
