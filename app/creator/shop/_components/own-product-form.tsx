"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { FormMessage, fieldError, useActionText } from "@/components/ui/form-message";
import { useFormAction } from "@/lib/actions/use-form-action";
import { CURRENCIES } from "@/lib/domain/money";
import { createOwnProductAction, updateOwnProductAction } from "../actions";

export type OwnProductDefaults = { id?: number; title: string; price: string; currency: string; url: string; imageUrl: string; sku: string };

/**
 * Adds or edits an own product. The server validates; its errors appear under each field, what
 * was typed stays, and focus moves to the first field to fix.
 */
export function OwnProductForm({ mode, defaults, formToken }: { mode: "create" | "edit"; defaults: OwnProductDefaults; formToken?: string }) {
  const t = useTranslations("shop.form");
  const text = useActionText();
  const [state, action, pending] = useFormAction(mode === "create" ? createOwnProductAction : updateOwnProductAction);
  const formRef = useRef<HTMLFormElement>(null);
  const typed = state && !state.ok ? state.input : undefined;
  const value = (name: keyof OwnProductDefaults) => (typed ? String(typed[name] ?? "") : String(defaults[name] ?? ""));
  const error = (name: string) => fieldError(state, name, text);
  // A new key after each answer re-mounts the fields with the right values: what was typed after
  // an error, empty after adding, the saved values after editing.
  const formKey = state ? `${state.ok}-${JSON.stringify(typed ?? null)}-${state.message}` : "initial";
  const prefix = mode === "create" ? "new-product" : `product-${defaults.id}`;

  useEffect(() => {
    if (state && !state.ok) formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [state]);

  return (
    <div className="space-y-3">
      <FormMessage state={state} />
      <form key={formKey} ref={formRef} action={action} noValidate className="space-y-3">
        {mode === "edit" && <input type="hidden" name="id" value={defaults.id} />}
        {/* New for each page render: repeated submits of one form make one product. */}
        {formToken && <input type="hidden" name="formToken" value={formToken} />}
        <Field id={`${prefix}-title`} label={t("title")} error={error("title")}>
          <TextInput id={`${prefix}-title`} name="title" defaultValue={value("title")} maxLength={120} required error={error("title")} />
        </Field>
        <div className="grid grid-cols-[1fr_7rem] gap-3">
          <Field id={`${prefix}-price`} label={t("price")} error={error("price")} hint={t("priceHint")}>
            <TextInput id={`${prefix}-price`} name="price" inputMode="decimal" defaultValue={value("price")} required error={error("price")} hint />
          </Field>
          <Field id={`${prefix}-currency`} label={t("currency")} error={error("currency")}>
            <Select id={`${prefix}-currency`} name="currency" defaultValue={value("currency")} error={error("currency")}>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field id={`${prefix}-url`} label={t("url")} error={error("url")} hint={t("urlHint")}>
          <TextInput id={`${prefix}-url`} name="url" type="url" inputMode="url" placeholder="https://" defaultValue={value("url")} required error={error("url")} hint />
        </Field>
        <Field id={`${prefix}-imageUrl`} label={t("imageUrl")} error={error("imageUrl")} hint={t("optional")}>
          <TextInput id={`${prefix}-imageUrl`} name="imageUrl" type="url" inputMode="url" placeholder="https://" defaultValue={value("imageUrl")} error={error("imageUrl")} hint />
        </Field>
        <Field id={`${prefix}-sku`} label={t("sku")} error={error("sku")} hint={t("optional")}>
          <TextInput id={`${prefix}-sku`} name="sku" defaultValue={value("sku")} maxLength={64} error={error("sku")} hint />
        </Field>
        <Button type="submit" disabled={pending}>
          {mode === "create" ? (pending ? t("adding") : t("add")) : pending ? t("saving") : t("save")}
        </Button>
      </form>
    </div>
  );
}
