import { exportPayoutQueue } from "@/lib/dal/payouts/queries";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";
import { csvFormat, csvHeaders } from "@/lib/domain/csv";
import { payoutQueueCsv } from "@/lib/export/payout-csv";
import { localeOf, translatorFor } from "@/lib/i18n/translator";
import { parseQueueFilters } from "@/lib/validation/payouts";

export const dynamic = "force-dynamic";

/** The review queue as CSV, with the same filters and order as /staff/payouts (every page). Staff and admins only. */
export async function GET(request: Request) {
  const caller = await requireRole(AREA_ROLES.staff);
  const url = new URL(request.url);
  const filters = parseQueueFilters(Object.fromEntries(url.searchParams));
  const found = await exportPayoutQueue(caller, filters);
  const stamp = new Date().toISOString().slice(0, 10);
  const locale = localeOf(request);
  const body = payoutQueueCsv(found, translatorFor(locale, "payouts"), csvFormat(locale, url.searchParams.get("sep")));
  return new Response(body, { headers: csvHeaders(`payouts-${filters.status}-${stamp}.csv`) });
}
