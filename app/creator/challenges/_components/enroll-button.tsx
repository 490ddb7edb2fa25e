"use client";

import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { enrollAction, withdrawAction } from "../actions";
import { useFormAction } from "@/lib/actions/use-form-action";

/** Join or leave a challenge; the server re-checks everything and says what happened. */
export function EnrollButton({ challengeId, mode, accessibleName, from = "page" }: { challengeId: number; mode: "enroll" | "withdraw"; accessibleName?: string; from?: "list" | "page" }) {
  const t = useTranslations("challenges");
  const [state, action, pending] = useFormAction(mode === "enroll" ? enrollAction : withdrawAction);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="challengeId" value={challengeId} />
      <input type="hidden" name="from" value={from} />
      <Button type="submit" variant={mode === "enroll" ? "primary" : "secondary"} disabled={pending} aria-label={accessibleName}>
        {mode === "enroll" ? (pending ? t("enrolling") : t("enroll")) : pending ? t("withdrawing") : t("withdraw")}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
