// The one handler of a payout statement's CSV, behind two addresses: the creator's
// (/creator/payouts/[id]/statement.csv: their own payouts only, another creator's is not found)
// and staff's (/staff/payouts/[id]/statement.csv: any payout). Each route file says which.
import "server-only";
import { notFound } from "next/navigation";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";
import { getMyPayoutStatement, getPayoutStatementForStaff } from "@/lib/dal/statements/queries";
import { csvFormat, csvHeaders } from "@/lib/domain/csv";
import { statementCsv } from "@/lib/export/payout-csv";
import { localeOf, translatorFor } from "@/lib/i18n/translator";

type Params = { params: Promise<{ id: string }> };

async function loadStatement(audience: "creator" | "staff", params: Params["params"]) {
  // The role first: a signed-out visitor goes to /login whatever the id.
  const caller = await requireRole(AREA_ROLES[audience]);
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return audience === "creator" ? getMyPayoutStatement(caller, id) : getPayoutStatementForStaff(caller, id);
}

/** GET for a statement.csv route: the statement in the reader's CSV conventions (`?sep=` picks the separator). */
export function statementCsvRoute(audience: "creator" | "staff") {
  return async function GET(request: Request, { params }: Params): Promise<Response> {
    const statement = await loadStatement(audience, params);
    if (!statement) notFound();
    const locale = localeOf(request);
    const sep = new URL(request.url).searchParams.get("sep");
    const body = statementCsv(statement, translatorFor(locale, "payouts"), csvFormat(locale, sep));
    return new Response(body, { headers: csvHeaders(`payout-${statement.id}-${statement.period}.csv`) });
  };
}
