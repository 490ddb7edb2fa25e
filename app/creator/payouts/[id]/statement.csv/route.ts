import { statementCsvRoute } from "@/lib/export/statement-csv-route";

export const dynamic = "force-dynamic";

/** The signed-in creator's statement as CSV; another creator's payout is not found. */
export const GET = statementCsvRoute("creator");
