"use client";

// The creator earnings page's charts: see deferred.tsx for why they wait. One module per page, imported
// directly by the page: a page's first load carries only its own charts' sketches and loaders.
import type { ComponentProps } from "react";
import { COLUMNS, deferred, lazyChart } from "./deferred";
import { COLORS } from "./palette";
import { productAxisLabel, productChartHeight } from "./sizes";
import { ColumnsSketch, RowsSketch } from "./sketch";

const LazyCommissionByMonth = lazyChart(() => import("./commission-charts").then((m) => m.CommissionByMonthChart));
const LazyCommissionByProduct = lazyChart(() => import("./commission-charts").then((m) => m.CommissionByProductChart));

export const CommissionByMonthChart = deferred(
  LazyCommissionByMonth,
  () => ({ className: "h-60 w-full" }),
  (p: ComponentProps<typeof LazyCommissionByMonth>) => <ColumnsSketch stacks={p.points.map((x) => [x.totalMinor])} colors={[COLORS.commission]} pad={COLUMNS} labels={p.points.map((x) => x.label)} />,
);
// Its height follows its data: the box takes that height from the start.
export const CommissionByProductChart = deferred(
  LazyCommissionByProduct,
  (p: ComponentProps<typeof LazyCommissionByProduct>) => ({ height: productChartHeight(p.points.length) }),
  (p: ComponentProps<typeof LazyCommissionByProduct>) => (
    <RowsSketch
      values={p.points.map((x) => x.totalMinor)}
      color={COLORS.product}
      pad={{ top: 4, right: 16, bottom: 30, left: 158 }}
      labels={p.points.map((x) => productAxisLabel(x.label))}
    />
  ),
);
