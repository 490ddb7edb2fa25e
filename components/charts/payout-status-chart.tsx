"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { numberFormat, numberTag } from "@/lib/i18n/intl-cache";
import { PAYOUT_SERIES as SERIES } from "./palette";

export type PayoutStatusPoint = { label: string; pending_review: number; held: number; approved: number; rejected: number; paid: number };

/** Payout totals per period, stacked by status. Decorative for screen readers: a table follows it. */
export function PayoutStatusChart({
  points,
  labels,
  locale,
  currency,
}: {
  points: PayoutStatusPoint[];
  labels: Record<(typeof SERIES)[number]["key"], string>;
  locale: string;
  currency: string;
}) {
  const money = numberFormat(numberTag(locale), { style: "currency", currency, maximumFractionDigits: 0 });
  const data = points.map((p) => ({
    label: p.label,
    ...Object.fromEntries(SERIES.map((s) => [s.key, p[s.key] / 100])),
  }));
  return (
    <div aria-hidden="true" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} tickFormatter={(v: number) => money.format(v)} width={80} />
          <Tooltip formatter={(v) => money.format(Number(v))} />
          <Legend />
          {SERIES.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={labels[s.key]} stackId="p" fill={s.color} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
