"use client";

import { useTranslations } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/actions/types";

/** Translates an action's message key; unknown keys are shown as they are. */
export function useActionText() {
  const t = useTranslations();
  return (key: string | undefined, values?: Record<string, string | number>) =>
    key ? (t.has(key) ? t(key, values) : key) : undefined;
}

export function fieldError(state: ActionResult<unknown> | null | undefined, name: string, text: ReturnType<typeof useActionText>) {
  if (!state || state.ok) return undefined;
  return text(state.fieldErrors?.[name]?.[0]);
}

/** The form-level outcome, announced politely; errors in red, success in green. */
export function FormMessage({ state }: { state: ActionResult<unknown> | null | undefined }) {
  const text = useActionText();
  if (!state?.message) return <p aria-live="polite" className="sr-only" />;
  return (
    <p
      aria-live="polite"
      role={state.ok ? "status" : "alert"}
      className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}
    >
      {text(state.message, state.values)}
    </p>
  );
}
