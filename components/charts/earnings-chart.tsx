"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { numberFormat, numberTag } from "@/lib/i18n/intl-cache";
import { COLORS } from "./palette";

export type EarningsPoint = { label: string; bonus: number; commission: number };

/** Stacked bonus and commission bars. Decorative for screen readers: a table follows it. */
export function EarningsChart({
  points,
  labels,
  locale,
  currency,
}: {
  points: EarningsPoint[];
  labels: { bonus: string; commission: string };
  locale: string;
  currency: string;
}) {
  const money = numberFormat(numberTag(locale), { style: "currency", currency, maximumFractionDigits: 0 });
  const data = points.map((p) => ({ ...p, bonus: p.bonus / 100, commission: p.commission / 100 }));
  return (
    <div aria-hidden="true" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} tickFormatter={(v: number) => money.format(v)} width={72} />
          <Tooltip formatter={(v) => money.format(Number(v))} />
          <Legend />
          <Bar dataKey="bonus" name={labels.bonus} stackId="e" fill={COLORS.bonus} />
          <Bar dataKey="commission" name={labels.commission} stackId="e" fill={COLORS.commission} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
