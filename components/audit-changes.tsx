import { getTranslations } from "next-intl/server";

const HIDDEN = new Set(["version"]);

/** What a decision changed, field by field: "Status: Pending review → Approved". */
export async function AuditChanges({ before, after }: { before: Record<string, unknown> | null; after: Record<string, unknown> | null }) {
  const t = await getTranslations("audit");
  const tp = await getTranslations("payouts");
  const tr = await getTranslations("roles");
  // Codes stored in the log read better in words; anything unknown is shown as stored.
  const show = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "—";
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    if (typeof value === "object") return JSON.stringify(value);
    const text = String(value);
    if (key === "status" && tp.has(`status.${text}`)) return tp(`status.${text}`);
    if (key === "holdReasonCode" && tp.has(`holdReasons.${text}`)) return tp(`holdReasons.${text}`);
    if (key === "role" && tr.has(text)) return tr(text);
    return text;
  };
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => !HIDDEN.has(k));
  if (keys.length === 0) return null;
  return (
    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs text-gray-700">
      {keys.map((k) => {
        const was = before?.[k];
        const now = after?.[k];
        const changed = before !== null && JSON.stringify(was) !== JSON.stringify(now);
        return (
          <div key={k} className="contents">
            <dt className="font-medium text-gray-600">{t.has(`fields.${k}`) ? t(`fields.${k}`) : k}</dt>
            <dd className="break-words">
              {changed ? (
                <>
                  <span className="text-gray-500 line-through decoration-gray-400">{show(k, was)}</span>
                  <span aria-hidden="true"> → </span>
                  <span className="sr-only">{t("changedTo")}</span>
                  <span>{show(k, now)}</span>
                </>
              ) : (
                show(k, now ?? was)
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
