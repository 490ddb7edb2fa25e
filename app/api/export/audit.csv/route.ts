import { createTranslator } from "next-intl";
import { exportAuditEntries } from "@/lib/dal/audit/queries";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";
import { csvDocument, csvFormat, csvHeaders, type CsvCell } from "@/lib/domain/csv";
import { auditChangesText, type AuditTextContext } from "@/lib/i18n/audit-text";
import { catalogs } from "@/messages";
import { localeOf, translatorFor } from "@/lib/i18n/translator";
import { parseAuditFilters } from "@/lib/validation/audit";

export const dynamic = "force-dynamic";

/**
 * The audit log as CSV, with the page's filters (every page of them), newest first. Staff and
 * admins only. Dates and amounts in the reader's conventions; a payout's amount as money in its
 * currency, also in its own columns for a spreadsheet.
 */
export async function GET(request: Request) {
  const caller = await requireRole(AREA_ROLES.staff);
  const url = new URL(request.url);
  const filters = parseAuditFilters(Object.fromEntries(url.searchParams));
  const entries = await exportAuditEntries(caller, filters);
  const locale = localeOf(request);
  const format = csvFormat(locale, url.searchParams.get("sep"));
  // Labels fall back to their codes: next-intl's `has` says whether a key is in the catalog.
  const has = (namespace: string) => {
    const known = createTranslator({ locale, messages: catalogs[locale] as never, namespace: namespace as never }) as unknown as { has: (key: string) => boolean };
    return (key: string) => known.has(key);
  };
  const hasAudit = has("audit");
  const t = translatorFor(locale, "audit");
  const tm = translatorFor(locale, "payoutMoney");
  const c: AuditTextContext = {
    locale,
    currency: null,
    t,
    tp: translatorFor(locale, "payouts"),
    tr: translatorFor(locale, "roles"),
    has: { t: hasAudit, tp: has("payouts"), tr: has("roles") },
  };
  const label = (ns: "actions" | "entities", key: string) => (hasAudit(`${ns}.${key}`) ? t(`${ns}.${key}`) : key);
  const header = ["when", "who", "email", "action", "entity", "entityId", "amount", "currency", "changes"].map((k) => tm(`auditCsv.${k}`));
  const records: CsvCell[][] = entries.map((e) => {
    const amount = [e.after?.amountMinor, e.before?.amountMinor].find((v) => typeof v === "number" && Number.isSafeInteger(v)) as number | undefined;
    const currency = (typeof e.after?.currency === "string" ? e.after.currency : null) ?? e.currency;
    return [
      { dateTime: e.at },
      e.actorName ?? t("system"),
      e.actorEmail,
      label("actions", e.action),
      label("entities", e.entityType),
      e.entityId,
      amount !== undefined && currency ? { money: amount } : null,
      amount !== undefined && currency ? currency : null,
      auditChangesText(e.before, e.after, { ...c, currency: e.currency }),
    ];
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(csvDocument(header, records, format), { headers: csvHeaders(`audit-${stamp}.csv`) });
}
