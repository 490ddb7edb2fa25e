"use client";

import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { Role } from "@/db/schema";
import { changeRoleAction } from "../actions";
import { useFormAction } from "@/lib/actions/use-form-action";

const ROLES: Role[] = ["creator", "staff", "marketing", "admin"];

/** One user's role: a select and a save button; the server refuses own-role and last-admin changes. */
export function RoleForm({ userId, email, role }: { userId: number; email: string; role: Role }) {
  const t = useTranslations("admin.users");
  const tr = useTranslations("roles");
  const [state, action, pending] = useFormAction(changeRoleAction);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="currentRole" value={role} />
      {/* The select never narrows below its longest role name (e.g. "Équipe paiements"); the button wraps instead. */}
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`role-${userId}`} className="sr-only">{t("roleFor", { email })}</label>
        <select id={`role-${userId}`} name="role" defaultValue={role} key={role} className={`${inputClass} min-w-fit flex-1`}>
          {ROLES.map((r) => (
            <option key={r} value={r}>{tr(r)}</option>
          ))}
        </select>
        <Button type="submit" variant="secondary" className="shrink-0" disabled={pending} aria-label={t("saveFor", { email })}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
