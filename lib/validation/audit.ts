// The audit log's URL filters: read by the page and by its CSV export, so both show the same rows.
import type { AuditFilters } from "@/lib/dal/audit/queries";
import { filterParam, pageParam } from "./page";

export type AuditParams = Record<string, string | string[] | undefined>;
const day = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined);

export function parseAuditFilters(p: AuditParams): AuditFilters {
  const actor = filterParam(p.actor);
  return {
    action: filterParam(p.action)?.slice(0, 100),
    entityType: filterParam(p.entity)?.slice(0, 100),
    entityId: filterParam(p.entityId)?.slice(0, 100),
    actor: actor === "system" ? "system" : actor && /^\d+$/.test(actor) ? Number(actor) : undefined,
    from: day(filterParam(p.from)),
    to: day(filterParam(p.to)),
    page: pageParam(p.page),
  };
}

/** Filters → search params (page only when > 1), for links and the export. */
export function auditSearchParams(f: AuditFilters): URLSearchParams {
  const q = new URLSearchParams();
  if (f.action) q.set("action", f.action);
  if (f.entityType) q.set("entity", f.entityType);
  if (f.entityId) q.set("entityId", f.entityId);
  if (f.actor !== undefined) q.set("actor", String(f.actor));
  if (f.from) q.set("from", f.from);
  if (f.to) q.set("to", f.to);
  if (f.page > 1) q.set("page", String(f.page));
  return q;
}
