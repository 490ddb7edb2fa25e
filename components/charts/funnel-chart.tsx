"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { funnelChartHeight } from "./sizes";
import { numberFormat, numberTag } from "@/lib/i18n/intl-cache";
import { COLORS } from "./palette";

export type FunnelStep = { label: string; count: number };

/** Eligible → enrolled → each milestone, as horizontal bars. Decorative: a table follows it. */
export function FunnelChart({ steps, locale }: { steps: FunnelStep[]; locale: string }) {
  const number = numberFormat(numberTag(locale));
  return (
    <div aria-hidden="true" className="w-full" style={{ height: funnelChartHeight(steps.length) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={steps} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} tickFormatter={(v: number) => number.format(v)} />
          <YAxis type="category" dataKey="label" width={130} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => number.format(Number(v))} />
          <Bar dataKey="count" fill={COLORS.funnel} radius={[0, 4, 4, 0]} isAnimationActive={false}>
            <LabelList dataKey="count" position="right" formatter={(v) => number.format(Number(v))} style={{ fontSize: 12 }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
