// The bench's shell row (bench/README.md): the bare page's heading inside everything every
// creator page pays for: server.mjs's nonce and headers, the root layout, next-intl, the session
// decoded and the user read (the creator layout's requireRole), the app shell and its providers.
// 404 unless the server runs with BENCH_ROUTES=1 (the bench sets it).
import { notFound } from "next/navigation";
import { benchRoutesOn } from "@/lib/env";

export default function ShellFloorPage() {
  if (!benchRoutesOn()) notFound();
  return <h1>Creator Rewards</h1>;
}
