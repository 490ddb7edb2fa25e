"use client";

import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { FormMessage, fieldError, useActionText } from "@/components/ui/form-message";
import { runPayoutsAction } from "../actions";
import { useFormAction } from "@/lib/actions/use-form-action";

/** Starts the payout run of a month; the server refuses a month that already ran. */
export function RunForm({ defaultPeriod, maxPeriod }: { defaultPeriod: string; maxPeriod: string }) {
  const t = useTranslations("payouts.run");
  const text = useActionText();
  const [state, action, pending] = useFormAction(runPayoutsAction);
  const typed = !state?.ok && typeof state?.input?.period === "string" ? state.input.period : defaultPeriod;
  return (
    <form action={action} className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-48">
          <Field id="run-period" label={t("period")} error={fieldError(state, "period", text)} hint={t("periodHint")}>
            <TextInput
              id="run-period"
              name="period"
              type="month"
              defaultValue={typed}
              key={typed}
              max={maxPeriod}
              placeholder="YYYY-MM"
              required
              hint
              error={fieldError(state, "period", text)}
            />
          </Field>
        </div>
        <div className="pb-6">
          <Button type="submit" disabled={pending}>{pending ? t("running") : t("submit")}</Button>
        </div>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
