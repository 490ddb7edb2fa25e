"use client";

import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { relinkOwnProductAction, unlinkOwnProductAction } from "../actions";
import { useFormAction } from "@/lib/actions/use-form-action";

/** Unlink (hide from the public page) or relink an own product. Nothing is deleted. */
export function LinkToggle({ id, linked, title }: { id: number; linked: boolean; title: string }) {
  const t = useTranslations("shop.products");
  const [state, action, pending] = useFormAction(linked ? unlinkOwnProductAction : relinkOwnProductAction);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" className="px-3 py-1.5" disabled={pending} aria-label={`${linked ? t("unlink") : t("relink")}: ${title}`}>
        {linked ? t("unlink") : t("relink")}
      </Button>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}
