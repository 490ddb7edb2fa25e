import { statementCsvRoute } from "@/lib/export/statement-csv-route";

export const dynamic = "force-dynamic";

/** A payout's statement as CSV, for staff. */
export const GET = statementCsvRoute("staff");
