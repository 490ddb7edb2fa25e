import { getLocale, getTranslations } from "next-intl/server";
import { auditFieldLabel, auditKeys, auditValueText, type AuditTextContext } from "@/lib/i18n/audit-text";

/** What a decision changed, field by field: "Status: Pending review → Approved". Amounts as money in `currency`. */
export async function AuditChanges({ before, after, currency = null }: { before: Record<string, unknown> | null; after: Record<string, unknown> | null; currency?: string | null }) {
  const t = await getTranslations("audit");
  const tp = await getTranslations("payouts");
  const tr = await getTranslations("roles");
  const locale = await getLocale();
  const c: AuditTextContext = {
    locale,
    currency,
    t: (k, v) => t(k as never, v as never),
    tp: (k, v) => tp(k as never, v as never),
    tr: (k, v) => tr(k as never, v as never),
    has: { t: (k) => t.has(k as never), tp: (k) => tp.has(k as never), tr: (k) => tr.has(k as never) },
  };
  const keys = auditKeys(before, after);
  if (keys.length === 0) return null;
  return (
    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs text-gray-700">
      {keys.map((k) => {
        const was = before?.[k];
        const now = after?.[k];
        const changed = before !== null && JSON.stringify(was) !== JSON.stringify(now);
        return (
          <div key={k} className="contents">
            <dt className="font-medium text-gray-600">{auditFieldLabel(k, c)}</dt>
            <dd className="break-words">
              {changed ? (
                <>
                  <span className="text-gray-500 line-through decoration-gray-400">{auditValueText(k, was, before, c)}</span>
                  <span aria-hidden="true"> → </span>
                  <span className="sr-only">{t("changedTo")}</span>
                  <span>{auditValueText(k, now, after, c)}</span>
                </>
              ) : (
                auditValueText(k, now ?? was, after ?? before, c)
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
