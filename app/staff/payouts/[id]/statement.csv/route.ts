import { notFound } from "next/navigation";
import { getPayoutStatementForStaff } from "@/lib/dal/statements/queries";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";
import { csvFormat, csvHeaders } from "@/lib/domain/csv";
import { statementCsv } from "@/lib/export/payout-csv";
import { localeOf, translatorFor } from "@/lib/i18n/translator";

export const dynamic = "force-dynamic";

/** A payout's statement as CSV, for staff. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const caller = await requireRole(AREA_ROLES.staff);
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const statement = await getPayoutStatementForStaff(caller, id);
  if (!statement) notFound();
  const locale = localeOf(request);
  const sep = new URL(request.url).searchParams.get("sep");
  const body = statementCsv(statement, translatorFor(locale, "payouts"), csvFormat(locale, sep));
  return new Response(body, { headers: csvHeaders(`payout-${statement.id}-${statement.period}.csv`) });
}
