"use client";

// The creator home's chart: see deferred.tsx for why they wait. One module per page, imported
// directly by the page: a page's first load carries only its own charts' sketches and loaders.
import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import { WITH_LEGEND, deferred } from "./deferred";
import { COLORS } from "./palette";
import { ColumnsSketch } from "./sketch";

const LazyEarnings = dynamic(() => import("./earnings-chart").then((m) => m.EarningsChart), { ssr: false });

export const EarningsChart = deferred(
  LazyEarnings,
  () => ({ className: "h-64 w-full" }),
  (p: ComponentProps<typeof LazyEarnings>) => <ColumnsSketch stacks={p.points.map((x) => [x.bonus, x.commission])} colors={[COLORS.bonus, COLORS.commission]} pad={WITH_LEGEND} />,
);
