"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ComponentProps, type ComponentType, type ReactNode } from "react";
import { funnelChartHeight, productChartHeight } from "./sizes";

// Recharts is about 120 KB gzip, and ResponsiveContainer draws nothing on the server anyway (it
// needs the browser's width). So no chart is part of a page's first load: each one waits in a
// box of the chart's own height (so nothing moves) until the box is near the viewport AND the
// main thread is idle, and only then fetches its chunk and draws. The page's own work (hydration,
// the first paint) never queues behind Recharts; a chart below the fold costs nothing until the
// reader scrolls to it. The table alternative beside each chart is server-rendered and readable
// before the chart arrives. Pages import charts from here only.

type IdleWindow = Window & {
  requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
};

/** True once the element is within `margin` of the viewport and the browser has had an idle moment since. */
function useNearAndIdle(ref: React.RefObject<HTMLElement | null>, margin = "200px"): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || ready) return;
    const w = window as IdleWindow;
    let idle: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const whenIdle = () => {
      if (w.requestIdleCallback) idle = w.requestIdleCallback(() => setReady(true), { timeout: 3000 });
      else timer = setTimeout(() => setReady(true), 200);
    };
    if (typeof IntersectionObserver === "undefined") {
      whenIdle();
      return () => {
        if (idle !== undefined) w.cancelIdleCallback?.(idle);
        clearTimeout(timer);
      };
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          whenIdle();
        }
      },
      { rootMargin: margin },
    );
    observer.observe(el);
    return () => {
      observer.disconnect();
      if (idle !== undefined) w.cancelIdleCallback?.(idle);
      clearTimeout(timer);
    };
  }, [ref, margin, ready]);
  return ready;
}

/** The chart's box, of the chart's own height from the first paint; the chart is drawn in it when due. */
function Deferred({ height, className, children }: { height?: number; className?: string; children: () => ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const due = useNearAndIdle(box);
  return (
    <div ref={box} className={className} style={height !== undefined ? { minHeight: height } : undefined} data-chart={due ? "drawn" : "deferred"}>
      {due ? children() : null}
    </div>
  );
}

function deferred<P extends object>(Chart: ComponentType<P>, box: (props: P) => { height?: number; className?: string }) {
  return function DeferredChart(props: P) {
    return <Deferred {...box(props)}>{() => <Chart {...props} />}</Deferred>;
  };
}

// The chunk is fetched when the component first renders, i.e. when `Deferred` decides to draw.
const LazyEarnings = dynamic(() => import("./earnings-chart").then((m) => m.EarningsChart), { ssr: false });
const LazyPayoutStatus = dynamic(() => import("./payout-status-chart").then((m) => m.PayoutStatusChart), { ssr: false });
const LazySpend = dynamic(() => import("./spend-chart").then((m) => m.SpendChart), { ssr: false });
const LazyCommissionByMonth = dynamic(() => import("./commission-charts").then((m) => m.CommissionByMonthChart), { ssr: false });
const LazyCommissionByProduct = dynamic(() => import("./commission-charts").then((m) => m.CommissionByProductChart), { ssr: false });
const LazyFunnel = dynamic(() => import("./funnel-chart").then((m) => m.FunnelChart), { ssr: false });

export const EarningsChart = deferred(LazyEarnings, () => ({ className: "h-64 w-full" }));
export const PayoutStatusChart = deferred(LazyPayoutStatus, () => ({ className: "h-64 w-full" }));
export const SpendChart = deferred(LazySpend, () => ({ className: "h-64 w-full" }));
export const CommissionByMonthChart = deferred(LazyCommissionByMonth, () => ({ className: "h-60 w-full" }));
// Charts whose height follows their data: the box takes that height from the start.
export const CommissionByProductChart = deferred(LazyCommissionByProduct, (p: ComponentProps<typeof LazyCommissionByProduct>) => ({
  height: productChartHeight(p.points.length),
}));
export const FunnelChart = deferred(LazyFunnel, (p: ComponentProps<typeof LazyFunnel>) => ({ height: funnelChartHeight(p.steps.length) }));
