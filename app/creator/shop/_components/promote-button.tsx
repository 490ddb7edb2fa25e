"use client";

import { useTranslations } from "@/lib/i18n/client";
import { CopyField } from "@/components/copy-button";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { promoteAction } from "../actions";
import { useFormAction } from "@/lib/actions/use-form-action";

/** "Promote" creates the creator's affiliate link; then the link is shown with a copy button. */
export function PromoteButton({ shopProductId, title, code, origin }: { shopProductId: number; title: string; code: string | null; origin: string }) {
  const t = useTranslations("shop.promote");
  const [state, action, pending] = useFormAction(promoteAction);
  const current = code ?? (state?.ok ? state.data?.code : undefined);
  return (
    <div className="space-y-2">
      {state?.ok ? <FormMessage state={state} /> : null}
      {current ? (
        <CopyField value={`${origin}/r/${current}`} label={t("linkFor", { title })} />
      ) : (
        <form action={action} className="space-y-2">
          <input type="hidden" name="shopProductId" value={shopProductId} />
          <Button type="submit" disabled={pending} className="w-full" aria-label={`${t("promote")}: ${title}`}>
            {pending ? t("promoting") : t("promote")}
          </Button>
          {state && !state.ok && <FormMessage state={state} />}
        </form>
      )}
    </div>
  );
}
