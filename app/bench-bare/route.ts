// The bench's floor (bench/README.md, "Floor of the framework"): a heading as HTML from a route
// handler, outside the proxy (it runs only on the role areas), the root layout, the providers and
// the session. Not a React page: a second root layout would need every other route moved into a
// route group. 404 unless the server runs with BENCH_ROUTES=1 (the bench sets it).
import { benchRoutesOn } from "@/lib/env";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  if (!benchRoutesOn()) return new Response("Not found", { status: 404 });
  // Reads a request header, as the bare Next page of issue 17 does, so nothing can be prerendered.
  const lang = (request.headers.get("accept-language") ?? "en").slice(0, 2).replace(/[^a-z]/gi, "") || "en";
  return new Response(`<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Bare</title></head><body><h1>Creator Rewards</h1></body></html>`, {
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
