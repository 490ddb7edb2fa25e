"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { FormMessage, fieldError, useActionText } from "@/components/ui/form-message";
import { CURRENCIES } from "@/lib/domain/money";
import { addRateAction } from "../actions";
import { useFormAction } from "@/lib/actions/use-form-action";

/** Adds one day's rate for a currency pair, typed as a decimal ("0.92"). */
export function RateForm({ today }: { today: string }) {
  const t = useTranslations("rates.form");
  const text = useActionText();
  const [state, action, pending] = useFormAction(addRateAction);
  const formRef = useRef<HTMLFormElement>(null);
  const typed = state && !state.ok ? state.input : undefined;
  const value = (name: string, fallback: string) => (typed ? String(typed[name] ?? "") : fallback);
  const error = (name: string) => fieldError(state, name, text);
  const formKey = state ? `${state.ok}-${JSON.stringify(typed ?? null)}-${state.message}` : "initial";
  useEffect(() => {
    if (state && !state.ok) formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [state]);
  return (
    <div className="space-y-3">
      <FormMessage state={state} />
      <form key={formKey} ref={formRef} action={action} noValidate className="space-y-3">
        <Field id="rate-day" label={t("day")} error={error("day")}>
          <TextInput id="rate-day" name="day" type="date" max={today} defaultValue={value("day", today)} required error={error("day")} />
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field id="rate-base" label={t("base")} error={error("base")}>
            <Select id="rate-base" name="base" defaultValue={value("base", "USD")} error={error("base")}>
              {CURRENCIES.map((c) => <option key={c} value={c}>{c}</option>)}
            </Select>
          </Field>
          <Field id="rate-quote" label={t("quote")} error={error("quote")}>
            <Select id="rate-quote" name="quote" defaultValue={value("quote", "EUR")} error={error("quote")}>
              {CURRENCIES.map((c) => <option key={c} value={c}>{c}</option>)}
            </Select>
          </Field>
        </div>
        <Field id="rate-rate" label={t("rate")} error={error("rate")} hint={t("rateHint")}>
          <TextInput id="rate-rate" name="rate" inputMode="decimal" placeholder="0.92" defaultValue={value("rate", "")} required error={error("rate")} hint />
        </Field>
        <Button type="submit" disabled={pending}>{pending ? t("adding") : t("add")}</Button>
      </form>
    </div>
  );
}
