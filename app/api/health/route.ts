import { databaseAnswers } from "@/lib/dal/health";

export const dynamic = "force-dynamic";

/** 200 when the database answers a query, 503 otherwise (load balancers and uptime checks). */
export async function GET() {
  const headers = { "cache-control": "no-store" };
  return (await databaseAnswers())
    ? Response.json({ status: "ok" }, { headers })
    : Response.json({ status: "unavailable" }, { status: 503, headers });
}
