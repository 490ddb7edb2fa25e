"use client";

import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { setUserDisabledAction } from "../actions";
import { useFormAction } from "@/lib/actions/use-form-action";

/** Disables an account (its sessions end at once) or re-enables it. */
export function DisableForm({ userId, email, disabled }: { userId: number; email: string; disabled: boolean }) {
  const t = useTranslations("trust.users");
  const [state, action, pending] = useFormAction(setUserDisabledAction);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? "0" : "1"} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={t(disabled ? "enableFor" : "disableFor", { email })}>
        {t(disabled ? "enable" : "disable")}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
