import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb, rows } from "@/db";
import { auditLog, users } from "@/db/schema";
import { int8, timestamp } from "../sql-values";
import { AREA_ROLES, allow, type Caller } from "../session";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = {
  action?: string;
  entityType?: string;
  /** A user id, or "system" for entries without an actor. */
  actor?: number | "system";
  entityId?: string;
  /** Inclusive UTC days, "YYYY-MM-DD". */
  from?: string;
  to?: string;
  page: number;
};

export type AuditEntry = {
  id: number;
  at: Date;
  actorId: number | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** The currency of the audited payout (its amounts are money in it); null for other entities. */
  currency: string | null;
};

function whereOf(f: AuditFilters): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.action) parts.push(sql`a.action = ${f.action}`);
  if (f.entityType) parts.push(sql`a.entity_type = ${f.entityType}`);
  if (f.entityId) parts.push(sql`a.entity_id = ${f.entityId}`);
  if (f.actor === "system") parts.push(sql`a.actor_id is null`);
  else if (typeof f.actor === "number") parts.push(sql`a.actor_id = ${f.actor}`);
  if (f.from) parts.push(sql`a.created_at >= ${f.from}::date::timestamp at time zone 'UTC'`);
  if (f.to) parts.push(sql`a.created_at < (${f.to}::date + 1)::timestamp at time zone 'UTC'`);
  return sql.join(parts, sql` and `);
}

/** One page of the audit log, newest first, with the total number of matching entries. */
export async function listAuditEntries(caller: Caller, filters: AuditFilters): Promise<{ entries: AuditEntry[]; total: number }> {
  allow(caller, AREA_ROLES.staff);
  const db = await getDb();
  const where = whereOf(filters);
  const offset = (Math.max(1, filters.page) - 1) * AUDIT_PAGE_SIZE;
  const [found, [count]] = await Promise.all([
    rows<AuditRow>(db, auditSelect(where, sql`limit ${AUDIT_PAGE_SIZE} offset ${offset}`)),
    rows<{ n: unknown }>(db, sql`select count(*)::int as n from audit_log a where ${where}`),
  ]);
  return { total: int8(count.n), entries: found.map(toEntry) };
}

/** A raw row as the driver hands it back; toEntry reads it once. */
type AuditRow = {
  id: unknown;
  created_at: unknown;
  actor_id: number | null;
  actor_name: string | null;
  actor_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  currency: string | null;
};

function auditSelect(where: SQL, tail: SQL): SQL {
  // The payout's currency, looked up for the rows returned only (a scalar subquery per row).
  return sql`select a.id, a.created_at::text as created_at, a.actor_id, u.name as actor_name, u.email as actor_email,
                    a.action, a.entity_type, a.entity_id, a.before, a.after,
                    (select p.currency::text from payouts p
                      where a.entity_type = 'payout' and p.id = case when a.entity_id ~ '^[0-9]{1,9}$' then a.entity_id::int end) as currency
             from audit_log a left join users u on u.id = a.actor_id
             where ${where}
             order by a.created_at desc, a.id desc
             ${tail}`;
}

function toEntry(r: AuditRow): AuditEntry {
  return {
    id: int8(r.id),
    at: timestamp(r.created_at),
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorEmail: r.actor_email,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: parseJson(r.before),
    after: parseJson(r.after),
    currency: r.currency,
  };
}

/** Most rows one audit export holds; narrower filters export the rest. */
export const AUDIT_EXPORT_LIMIT = 100_000;

/** Every entry matching the filters (page ignored), newest first, for the CSV export. */
export async function exportAuditEntries(caller: Caller, filters: Omit<AuditFilters, "page">): Promise<AuditEntry[]> {
  allow(caller, AREA_ROLES.staff);
  const db = await getDb();
  const found = await rows<AuditRow>(db, auditSelect(whereOf({ ...filters, page: 1 }), sql`limit ${AUDIT_EXPORT_LIMIT}`));
  return found.map(toEntry);
}

// postgres.js returns jsonb parsed; some setups hand back the text.
function parseJson(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") {
    try {
      return JSON.parse(value) as Record<string, unknown>;
    } catch {
      return { value };
    }
  }
  return value as Record<string, unknown>;
}

export type AuditFilterOptions = {
  actions: string[];
  entityTypes: string[];
  actors: { id: number; name: string; email: string }[];
};

/** What the filters can choose from: actions and entity types in use, and staff-side users. */
export async function getAuditFilterOptions(caller: Caller): Promise<AuditFilterOptions> {
  allow(caller, AREA_ROLES.staff);
  const db = await getDb();
  const [actions, types, actors] = await Promise.all([
    db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action),
    db.selectDistinct({ entity_type: auditLog.entityType }).from(auditLog).orderBy(auditLog.entityType),
    // Creators never decide anything recorded here; everyone else may.
    db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(sql`${users.role} <> 'creator' or exists (select 1 from audit_log a where a.actor_id = users.id)`)
      .orderBy(users.name, users.id),
  ]);
  return { actions: actions.map((r) => r.action), entityTypes: types.map((r) => r.entity_type), actors };
}
