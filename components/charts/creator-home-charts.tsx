"use client";

// The creator home's chart: see deferred.tsx for why they wait. One module per page, imported
// directly by the page: a page's first load carries only its own charts' sketches and loaders.
import type { ComponentProps } from "react";
import { WITH_LEGEND, deferred, lazyChart } from "./deferred";
import { COLORS } from "./palette";
import { ColumnsSketch } from "./sketch";

const LazyEarnings = lazyChart(() => import("./earnings-chart").then((m) => m.EarningsChart));

export const EarningsChart = deferred(
  LazyEarnings,
  () => ({ className: "h-64 w-full" }),
  (p: ComponentProps<typeof LazyEarnings>) => <ColumnsSketch stacks={p.points.map((x) => [x.bonus, x.commission])} colors={[COLORS.bonus, COLORS.commission]} pad={WITH_LEGEND} labels={p.points.map((x) => x.label)} />,
);
