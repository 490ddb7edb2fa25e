"use client";

// The staff queue's chart: see deferred.tsx for why they wait. One module per page, imported
// directly by the page: a page's first load carries only its own charts' sketches and loaders.
import type { ComponentProps } from "react";
import { WITH_LEGEND, deferred, lazyChart } from "./deferred";
import { PAYOUT_SERIES } from "./palette";
import { ColumnsSketch } from "./sketch";

const LazyPayoutStatus = lazyChart(() => import("./payout-status-chart").then((m) => m.PayoutStatusChart));

export const PayoutStatusChart = deferred(
  LazyPayoutStatus,
  () => ({ className: "h-64 w-full" }),
  (p: ComponentProps<typeof LazyPayoutStatus>) => (
    <ColumnsSketch stacks={p.points.map((x) => PAYOUT_SERIES.map((s) => x[s.key]))} colors={PAYOUT_SERIES.map((s) => s.color)} pad={{ ...WITH_LEGEND, left: 88 }} labels={p.points.map((x) => x.label)} />
  ),
);
