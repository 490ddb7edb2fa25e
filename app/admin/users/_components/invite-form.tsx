"use client";

import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { FormMessage, fieldError, useActionText } from "@/components/ui/form-message";
import { INVITE_ROLES } from "@/lib/validation/invite-limits";
import { inviteUserAction, revokeInvitationAction } from "../invite-actions";
import { useFormAction } from "@/lib/actions/use-form-action";

/** Email and role; outside production the one-time link appears below once created. */
export function InviteForm() {
  const t = useTranslations("invite");
  const tr = useTranslations("roles");
  const text = useActionText();
  const [state, action, pending] = useFormAction(inviteUserAction);
  const emailError = fieldError(state, "email", text);
  const roleError = fieldError(state, "role", text);
  const typed = state && !state.ok ? state.input : undefined;
  const link = state?.ok ? state.data?.link : undefined;
  return (
    <form action={action} className="space-y-3" noValidate>
      <div className="grid gap-3 sm:grid-cols-[1fr_minmax(12rem,min-content)_auto] sm:items-start">
        <Field id="invite-email" label={t("email")} error={emailError}>
          <TextInput id="invite-email" name="email" type="email" autoComplete="off" required defaultValue={String(typed?.email ?? "")} key={String(typed?.email ?? "")} error={emailError} />
        </Field>
        <Field id="invite-role" label={t("role")} error={roleError} hint={t("roleHint")}>
          <Select id="invite-role" name="role" defaultValue={String(typed?.role ?? "marketing")} error={roleError} aria-describedby={roleError ? "invite-role-error" : "invite-role-hint"}>
            {INVITE_ROLES.map((r) => (
              <option key={r} value={r}>{tr(r)}</option>
            ))}
          </Select>
        </Field>
        <div className="sm:pt-6">
          <Button type="submit" disabled={pending}>{pending ? t("sending") : t("submit")}</Button>
        </div>
      </div>
      <FormMessage state={state} />
      {link && (
        <p className="text-sm">
          <span className="font-medium">{t("linkLabel")}</span>{" "}
          <a href={link} className="break-all text-brand-700 underline" data-testid="invite-link">{link}</a>
        </p>
      )}
    </form>
  );
}

/** Revokes one open invitation; its link stops working at once. */
export function RevokeInviteForm({ invitationId, email }: { invitationId: number; email: string }) {
  const t = useTranslations("invite");
  const [state, action, pending] = useFormAction(revokeInvitationAction);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="invitationId" value={invitationId} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={t("revokeFor", { email })}>{t("revoke")}</Button>
      <FormMessage state={state} />
    </form>
  );
}
