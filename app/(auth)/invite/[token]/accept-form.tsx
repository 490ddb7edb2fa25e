"use client";

import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { FormMessage, fieldError, useActionText } from "@/components/ui/form-message";
import { PASSWORD_MIN } from "@/lib/validation/invite-limits";
import { acceptInvitationAction } from "./actions";
import { useFormAction } from "@/lib/actions/use-form-action";

export function AcceptInviteForm({ token }: { token: string }) {
  const t = useTranslations("invite.accept");
  const text = useActionText();
  const [state, action, pending] = useFormAction(acceptInvitationAction);
  const nameError = fieldError(state, "name", text);
  const passwordError = fieldError(state, "password", text);
  const typedName = state && !state.ok ? String(state.input?.name ?? "") : "";
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <Field id="name" label={t("name")} error={nameError}>
        <TextInput id="name" name="name" autoComplete="name" required defaultValue={typedName} key={typedName} error={nameError} />
      </Field>
      <Field id="password" label={t("password")} error={passwordError} hint={t("passwordHint", { min: PASSWORD_MIN })}>
        <TextInput id="password" name="password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN} error={passwordError} hint />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
