"use client";

import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { FormMessage, fieldError, useActionText } from "@/components/ui/form-message";
import { signInAction } from "./actions";
import { useFormAction } from "@/lib/actions/use-form-action";

export function LoginForm({ next }: { next?: string }) {
  const t = useTranslations("login");
  const text = useActionText();
  const [state, formAction, pending] = useFormAction(signInAction);
  const typedEmail = state && !state.ok ? String(state.input?.email ?? "") : "";
  const emailError = fieldError(state, "email", text);
  const passwordError = fieldError(state, "password", text);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {next && <input type="hidden" name="next" value={next} />}
      <Field id="email" label={t("email")} error={emailError}>
        <TextInput id="email" name="email" type="email" autoComplete="username" required defaultValue={typedEmail} key={typedEmail} error={emailError} />
      </Field>
      <Field id="password" label={t("password")} error={passwordError}>
        <TextInput id="password" name="password" type="password" autoComplete="current-password" required error={passwordError} />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
