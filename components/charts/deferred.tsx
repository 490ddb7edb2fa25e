"use client";

import { Suspense, lazy, startTransition, useEffect, useRef, useState, type ComponentType, type ReactNode } from "react";

// Recharts is about 120 KB gzip, and ResponsiveContainer draws nothing on the server anyway (it
// needs the browser's width). So no chart is part of a page's first load: the page's HTML carries
// a sketch of it (sketch.tsx: the same data as plain SVG bars, in the chart's plot area), in a box
// of the chart's own height (so nothing moves). Recharts (its axes, legend and tooltips) is
// fetched and draws over the sketch only once the reader is there: the page has had a first input
// (a pointer move, a touch, a key, a scroll), the box is near the viewport, and the main thread
// is idle; the render itself is a transition, so React yields while it works. The page's own
// work (hydration, the first paint) never queues behind Recharts, and a chart below the fold
// costs nothing until the reader scrolls to it. The table alternative beside each chart is
// server-rendered and readable before the chart arrives. Each page imports its charts from its
// own module (creator-home-charts.tsx, earnings-charts.tsx, marketing-charts.tsx,
// staff-payout-charts.tsx), never from a shared barrel: a barrel would put every chart's
// loader in every first load.

type IdleWindow = Window & {
  requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
};

// The page's first input: until then the reader is reading the sketch, and nothing is due.
const INPUTS = ["pointermove", "pointerdown", "touchstart", "keydown", "wheel", "scroll"] as const;
let interacted: Promise<void> | undefined;
function firstInput(): Promise<void> {
  interacted ??= new Promise((resolve) => {
    const done = () => {
      for (const type of INPUTS) window.removeEventListener(type, done, true);
      resolve();
    };
    for (const type of INPUTS) window.addEventListener(type, done, { capture: true, passive: true });
  });
  return interacted;
}

/** True once the page has had an input, the element is within `margin` of the viewport, and the browser has been idle since. */
function useNearAndIdle(ref: React.RefObject<HTMLElement | null>, margin = "200px"): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || ready) return;
    const w = window as IdleWindow;
    let idle: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    const draw = () => startTransition(() => setReady(true));
    const whenIdle = () =>
      void firstInput().then(() => {
        if (cancelled) return;
        if (w.requestIdleCallback) idle = w.requestIdleCallback(draw, { timeout: 2000 });
        else timer = setTimeout(draw, 200);
      });
    if (typeof IntersectionObserver === "undefined") {
      whenIdle();
      return () => {
        cancelled = true;
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
      cancelled = true;
      observer.disconnect();
      if (idle !== undefined) w.cancelIdleCallback?.(idle);
      clearTimeout(timer);
    };
  }, [ref, margin, ready]);
  return ready;
}

/** The chart's box, of the chart's own height from the first paint: the sketch, then the chart when due. */
function Deferred({ height, className, sketch, children }: { height?: number; className?: string; sketch: ReactNode; children: () => ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const due = useNearAndIdle(box);
  return (
    <div ref={box} className={className} style={height !== undefined ? { height } : undefined} data-chart={due ? "drawn" : "deferred"}>
      {due ? <Suspense fallback={sketch}>{children()}</Suspense> : sketch}
    </div>
  );
}

export function deferred<P extends object>(Chart: ComponentType<P>, box: (props: P) => { height?: number; className?: string }, sketch: (props: P) => ReactNode) {
  return function DeferredChart(props: P) {
    return (
      <Deferred {...box(props)} sketch={sketch(props)}>
        {() => <Chart {...props} />}
      </Deferred>
    );
  };
}

/** A chart module loaded on first render (React.lazy: next/dynamic's loader would add ~1 KB to each first load). */
export function lazyChart<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(() => load().then((Chart) => ({ default: Chart })));
}

// The plot area of each chart inside its box (its margins, axis widths and legend), for its sketch.
export const COLUMNS = { top: 8, right: 8, bottom: 30, left: 80 };
export const WITH_LEGEND = { ...COLUMNS, bottom: 62 };

