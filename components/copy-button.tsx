"use client";

import { useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { inputClass } from "@/components/ui/field";

/**
 * A link shown in a read-only field (select it by hand if the clipboard is unavailable) and a
 * button that copies it; "Copied" is announced to screen readers.
 */
export function CopyField({ value, label }: { value: string; label: string }) {
  const t = useTranslations("shop.copy");
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
    setTimeout(() => setCopied("idle"), 2500);
  }
  return (
    <div className="flex min-w-0 items-center gap-2">
      <input
        readOnly
        value={value}
        aria-label={label}
        onFocus={(e) => e.currentTarget.select()}
        className={`${inputClass} min-w-0 flex-1 font-mono text-xs`}
      />
      <button
        type="button"
        onClick={copy}
        aria-label={`${t("copy")}: ${label}`}
        className="shrink-0 rounded-md border border-gray-300 bg-white px-3 py-2 text-sm font-medium text-gray-900 hover:bg-gray-50"
      >
        {copied === "copied" ? t("copied") : t("copy")}
      </button>
      <span aria-live="polite" className="sr-only">
        {copied === "copied" ? t("copiedAnnounce") : copied === "failed" ? t("failed") : ""}
      </span>
    </div>
  );
}
