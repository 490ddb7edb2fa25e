import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AuditChanges } from "@/components/audit-changes";
import { Pagination } from "@/components/pagination";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ResponsiveTable } from "@/components/ui/responsive-table";
import { Field, Select, TextInput } from "@/components/ui/field";
import { AUDIT_PAGE_SIZE, getAuditFilterOptions, listAuditEntries, type AuditFilters } from "@/lib/dal/audit/queries";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";
import { formatDateTime } from "@/lib/i18n/format";
import { auditSearchParams, parseAuditFilters, type AuditParams } from "@/lib/validation/audit";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

function hrefFor(f: AuditFilters, page: number): string {
  const qs = auditSearchParams({ ...f, page }).toString();
  return qs ? `/staff/audit?${qs}` : "/staff/audit";
}

/** Where an audited thing lives in the app, when it has a page. */
function entityHref(type: string, id: string): string | null {
  if (type === "payout") return `/staff/payouts/${id}`;
  return null;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<AuditParams> }) {
  const caller = await requireRole(AREA_ROLES.staff);
  const filters = parseAuditFilters(await searchParams);
  const [{ entries, total }, options] = await Promise.all([listAuditEntries(caller, filters), getAuditFilterOptions(caller)]);
  const t = await getTranslations("audit");
  const locale = await getLocale();
  const tm = await getTranslations("payoutMoney");
  const exportQs = auditSearchParams({ ...filters, page: 1 }).toString();
  const actionLabel = (a: string) => (t.has(`actions.${a}`) ? t(`actions.${a}`) : a);
  const entityLabel = (e: string) => (t.has(`entities.${e}`) ? t(`entities.${e}`) : e);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        action={
          <a href={`/api/export/audit.csv${exportQs ? `?${exportQs}` : ""}`} className={buttonClass("secondary")} download>
            {tm("auditExport")}
          </a>
        }
      />

      <Card title={t("filtersTitle")}>
        <form method="get" action="/staff/audit" className="grid grid-cols-2 gap-x-3 gap-y-1 sm:grid-cols-3 lg:grid-cols-5">
          {filters.entityId && <input type="hidden" name="entityId" value={filters.entityId} />}
          <Field id="a-action" label={t("action")}>
            <Select id="a-action" name="action" defaultValue={filters.action ?? ""}>
              <option value="">{t("allActions")}</option>
              {options.actions.map((a) => (
                <option key={a} value={a}>{actionLabel(a)}</option>
              ))}
            </Select>
          </Field>
          <Field id="a-entity" label={t("entity")}>
            <Select id="a-entity" name="entity" defaultValue={filters.entityType ?? ""}>
              <option value="">{t("allEntities")}</option>
              {options.entityTypes.map((e) => (
                <option key={e} value={e}>{entityLabel(e)}</option>
              ))}
            </Select>
          </Field>
          <Field id="a-actor" label={t("actor")}>
            <Select id="a-actor" name="actor" defaultValue={filters.actor === undefined ? "" : String(filters.actor)}>
              <option value="">{t("allActors")}</option>
              <option value="system">{t("system")}</option>
              {options.actors.map((u) => (
                <option key={u.id} value={u.id}>{u.name} ({u.email})</option>
              ))}
            </Select>
          </Field>
          <Field id="a-from" label={t("from")}>
            <TextInput id="a-from" name="from" type="date" defaultValue={filters.from ?? ""} />
          </Field>
          <Field id="a-to" label={t("to")}>
            <TextInput id="a-to" name="to" type="date" defaultValue={filters.to ?? ""} />
          </Field>
          <div className="col-span-full flex items-center gap-2 sm:justify-end">
            <button type="submit" className={buttonClass("primary", "flex-1 sm:flex-none")}>{t("apply")}</button>
            <Link href="/staff/audit" className={buttonClass("ghost")}>{t("reset")}</Link>
          </div>
        </form>
        <p className="text-sm text-gray-700" role="status">
          {t("matching", { count: total })}
          {filters.entityId && (
            <>
              {" · "}
              {t("onlyEntity", { entity: entityLabel(filters.entityType ?? ""), id: filters.entityId })}{" "}
              <Link href={hrefFor({ ...filters, entityId: undefined }, 1)} className="font-medium text-brand-700 hover:underline">{t("clearEntity")}</Link>
            </>
          )}
        </p>
      </Card>

      {entries.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <section aria-labelledby="log-title" className="space-y-3">
          <h2 id="log-title" className="sr-only">{t("tableTitle")}</h2>
          <ResponsiveTable
            caption={t("tableTitle")}
            stackBelow="md"
            rows={entries}
            rowKey={(e) => e.id}
            rowClassName="align-top"
            columns={[
              { header: t("when"), className: "whitespace-nowrap", cell: (e) => formatDateTime(e.at, locale) },
              {
                header: t("who"),
                cell: (e) => (
                  <>
                    {e.actorName ?? t("system")}
                    {e.actorEmail && <div className="text-xs text-gray-600">{e.actorEmail}</div>}
                  </>
                ),
              },
              { header: t("what"), rowHeader: true, phone: "title", className: "font-medium", cell: (e) => actionLabel(e.action) },
              {
                header: t("entity"),
                className: "whitespace-nowrap",
                cell: (e) => {
                  const href = entityHref(e.entityType, e.entityId);
                  return href ? (
                    <Link href={href} className="text-brand-700 hover:underline">{entityLabel(e.entityType)} #{e.entityId}</Link>
                  ) : (
                    <>{entityLabel(e.entityType)} #{e.entityId}</>
                  );
                },
              },
              { header: t("changes"), phone: "plain", cell: (e) => <AuditChanges before={e.before} after={e.after} currency={e.currency} /> },
            ]}
          />
          <Pagination page={filters.page} pageSize={AUDIT_PAGE_SIZE} total={total} hrefFor={(n) => hrefFor(filters, n)} />
        </section>
      )}
    </div>
  );
}
