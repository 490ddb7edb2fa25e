import { filterParam, pageParam } from "@/lib/validation/page";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/pagination";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Field, Select, TextInput } from "@/components/ui/field";
import type { Role } from "@/db/schema";
import { USERS_PAGE_SIZE, listUsers } from "@/lib/dal/accounts/queries";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";
import { formatDate } from "@/lib/i18n/format";
import { ROLES } from "@/lib/validation/admin";
import { DisableForm } from "./_components/disable-form";
import { InviteForm, RevokeInviteForm } from "./_components/invite-form";
import { listOpenInvitations } from "@/lib/dal/accounts/invitations";
import { RoleForm } from "./_components/role-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.users"))("title") };
}

type Params = { q?: string | string[]; role?: string | string[]; page?: string | string[] };

export default async function AdminUsers({ searchParams }: { searchParams: Promise<Params> }) {
  const me = await requireRole(AREA_ROLES.admin);
  const params = await searchParams;
  const q = filterParam(params.q)?.slice(0, 254);
  const rawRole = filterParam(params.role);
  const role = rawRole && (ROLES as readonly string[]).includes(rawRole) ? (rawRole as Role) : undefined;
  const page = pageParam(params.page);
  const [{ users, total }, invitations] = await Promise.all([listUsers(me, { q, role, page }), listOpenInvitations(me)]);
  const t = await getTranslations("admin.users");
  const ti = await getTranslations("invite");
  const tr = await getTranslations("roles");
  const locale = await getLocale();
  const hrefFor = (n: number) => {
    const s = new URLSearchParams();
    if (q) s.set("q", q);
    if (role) s.set("role", role);
    if (n > 1) s.set("page", String(n));
    const qs = s.toString();
    return qs ? `/admin/users?${qs}` : "/admin/users";
  };

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />

      <Card title={ti("title")}>
        <InviteForm />
        <section aria-labelledby="invites-title" className="mt-4 space-y-2">
          <h3 id="invites-title" className="text-sm font-semibold">{ti("openTitle", { count: invitations.length })}</h3>
          {invitations.length > 0 && (
            <ul className="divide-y divide-gray-100 text-sm">
              {invitations.map((i) => (
                <li key={i.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between">
                  <p className="min-w-0 break-all">
                    {i.email} · {tr(i.role)}{" "}
                    <span className="text-xs text-gray-600">{ti("openMeta", { by: i.invitedBy, date: formatDate(i.expiresAt, locale) })}</span>
                  </p>
                  <RevokeInviteForm invitationId={i.id} email={i.email} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </Card>

      <Card>
        <form method="get" action="/admin/users" role="search" className="grid gap-3 sm:grid-cols-[1fr_minmax(12rem,min-content)_auto] sm:items-end">
          <Field id="u-q" label={t("search")}>
            <TextInput id="u-q" name="q" type="search" defaultValue={q ?? ""} placeholder={t("searchPlaceholder")} autoComplete="off" />
          </Field>
          <Field id="u-role" label={t("role")}>
            <Select id="u-role" name="role" defaultValue={role ?? ""}>
              <option value="">{t("allRoles")}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>{tr(r)}</option>
              ))}
            </Select>
          </Field>
          <div className="flex gap-2 pb-6">
            <button type="submit" className={buttonClass()}>{t("apply")}</button>
            <Link href="/admin/users" className={buttonClass("ghost")}>{t("reset")}</Link>
          </div>
        </form>
        <p className="text-sm text-gray-700" role="status">{t("matching", { count: total })}</p>
      </Card>

      {users.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <section aria-labelledby="users-title" className="space-y-3">
          <h2 id="users-title" className="sr-only">{t("tableTitle")}</h2>
          <ul className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white shadow-sm">
            {users.map((u) => (
              <li key={u.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0">
                  <p className="font-medium">
                    {u.name}
                    {u.disabled && <span className="ml-2 rounded bg-gray-200 px-1.5 text-xs font-normal text-gray-800">{t("disabled")}</span>}
                  </p>
                  <p className="break-all text-sm text-gray-600">{u.email}{u.creatorHandle && ` · @${u.creatorHandle}`}</p>
                  <p className="text-xs text-gray-500">{t("sinceDate", { date: formatDate(u.createdAt, locale) })}</p>
                </div>
                <div className="sm:w-80 sm:shrink-0">
                  {u.id === me.id ? (
                    <p className="text-sm">
                      {tr(u.role)} <span className="text-xs text-gray-600">· {t("you")}</span>
                    </p>
                  ) : (
                    <div className="space-y-2">
                      <RoleForm userId={u.id} email={u.email} role={u.role} />
                      <DisableForm userId={u.id} email={u.email} disabled={u.disabled} />
                    </div>
                  )}
                </div>
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={USERS_PAGE_SIZE} total={total} hrefFor={hrefFor} />
        </section>
      )}
    </div>
  );
}
