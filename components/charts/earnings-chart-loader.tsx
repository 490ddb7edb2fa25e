"use client";

import dynamic from "next/dynamic";

// Recharts is most of /creator's JavaScript (about 120 KB gzip) and ResponsiveContainer draws
// nothing on the server anyway (it needs the browser's width): load the chart after the page,
// in its own chunk, behind a box of the same height so nothing moves. The table alternative
// next to it is server-rendered and readable before the chart arrives.
export const EarningsChart = dynamic(() => import("./earnings-chart").then((m) => m.EarningsChart), {
  ssr: false,
  loading: () => <div aria-hidden="true" className="h-64 w-full" />,
});
