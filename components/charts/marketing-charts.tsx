"use client";

// The marketing challenge page's charts: see deferred.tsx for why they wait. One module per page, imported
// directly by the page: a page's first load carries only its own charts' sketches and loaders.
import type { ComponentProps } from "react";
import { COLUMNS, deferred, lazyChart } from "./deferred";
import { COLORS } from "./palette";
import { funnelChartHeight } from "./sizes";
import { RowsSketch, StepAreaSketch } from "./sketch";

const LazySpend = lazyChart(() => import("./spend-chart").then((m) => m.SpendChart));
const LazyFunnel = lazyChart(() => import("./funnel-chart").then((m) => m.FunnelChart));

export const SpendChart = deferred(
  LazySpend,
  () => ({ className: "h-64 w-full" }),
  (p: ComponentProps<typeof LazySpend>) => (
    <StepAreaSketch values={p.points.map((x) => x.cumulative)} stroke={COLORS.spendStroke} fill={COLORS.spendFill} pad={{ ...COLUMNS, top: 16, left: 88 }} />
  ),
);
// Its height follows its data: the box takes that height from the start.
export const FunnelChart = deferred(
  LazyFunnel,
  (p: ComponentProps<typeof LazyFunnel>) => ({ height: funnelChartHeight(p.steps.length) }),
  (p: ComponentProps<typeof LazyFunnel>) => (
    <RowsSketch values={p.steps.map((x) => x.count)} color={COLORS.funnel} pad={{ top: 4, right: 48, bottom: 34, left: 138 }} labels={p.steps.map((x) => x.label)} />
  ),
);
