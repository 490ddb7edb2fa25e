"use client";

import { Area, AreaChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { numberFormat, numberTag } from "@/lib/i18n/intl-cache";
import { COLORS } from "./palette";

export type SpendPoint = { label: string; cumulative: number };

/** Cumulative bonus spend by day, with the budget as a line. Decorative: a table follows it. */
export function SpendChart({
  points,
  budgetMinor,
  labels,
  locale,
  currency,
}: {
  points: SpendPoint[];
  budgetMinor: number | null;
  labels: { spend: string; budget: string };
  locale: string;
  currency: string;
}) {
  const money = numberFormat(numberTag(locale), { style: "currency", currency, maximumFractionDigits: 0 });
  const data = points.map((p) => ({ label: p.label, cumulative: p.cumulative / 100 }));
  const spent = Math.max(0, ...data.map((d) => d.cumulative));
  // A budget far above the spend would flatten the curve: draw it once spend is a quarter of it.
  const budget = budgetMinor !== null && spent * 100 >= budgetMinor * 0.25 ? budgetMinor / 100 : null;
  return (
    <div aria-hidden="true" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart accessibilityLayer={false} data={data} margin={{ top: 16, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={24} />
          <YAxis tick={{ fontSize: 12 }} tickFormatter={(v: number) => money.format(v)} width={80} domain={[0, "auto"]} />
          <Tooltip formatter={(v) => money.format(Number(v))} />
          <Area type="stepAfter" dataKey="cumulative" name={labels.spend} stroke={COLORS.spendStroke} fill={COLORS.spendFill} isAnimationActive={false} />
          {budget !== null && <ReferenceLine y={budget} ifOverflow="extendDomain" stroke="#b45309" strokeDasharray="6 3" label={{ value: labels.budget, position: "insideTopRight", fontSize: 12, fill: "#92400e" }} />}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
