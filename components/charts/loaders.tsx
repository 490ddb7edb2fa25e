"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import { funnelChartHeight, productChartHeight } from "./sizes";

// Recharts is about 120 KB gzip, and ResponsiveContainer draws nothing on the server anyway (it
// needs the browser's width). So every chart loads after its page, in its own chunk, behind a
// box of the chart's own height so nothing moves; the table alternative beside each chart is
// server-rendered and readable before the chart arrives. Pages import charts from here only.

const placeholder = (className: string) =>
  function ChartPlaceholder() {
    return <div aria-hidden="true" className={className} />;
  };

export const EarningsChart = dynamic(() => import("./earnings-chart").then((m) => m.EarningsChart), {
  ssr: false,
  loading: placeholder("h-64 w-full"),
});

export const PayoutStatusChart = dynamic(() => import("./payout-status-chart").then((m) => m.PayoutStatusChart), {
  ssr: false,
  loading: placeholder("h-64 w-full"),
});

export const SpendChart = dynamic(() => import("./spend-chart").then((m) => m.SpendChart), {
  ssr: false,
  loading: placeholder("h-64 w-full"),
});

export const CommissionByMonthChart = dynamic(() => import("./commission-charts").then((m) => m.CommissionByMonthChart), {
  ssr: false,
  loading: placeholder("h-60 w-full"),
});

// Charts whose height follows their data: the box around them takes that height from the start.
const LazyCommissionByProductChart = dynamic(() => import("./commission-charts").then((m) => m.CommissionByProductChart), { ssr: false });
export function CommissionByProductChart(props: ComponentProps<typeof LazyCommissionByProductChart>) {
  return (
    <div style={{ minHeight: productChartHeight(props.points.length) }}>
      <LazyCommissionByProductChart {...props} />
    </div>
  );
}

const LazyFunnelChart = dynamic(() => import("./funnel-chart").then((m) => m.FunnelChart), { ssr: false });
export function FunnelChart(props: ComponentProps<typeof LazyFunnelChart>) {
  return (
    <div style={{ minHeight: funnelChartHeight(props.steps.length) }}>
      <LazyFunnelChart {...props} />
    </div>
  );
}
