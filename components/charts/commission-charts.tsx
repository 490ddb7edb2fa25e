"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { productAxisLabel, productChartHeight } from "./sizes";
import { numberFormat, numberTag } from "@/lib/i18n/intl-cache";
import { COLORS } from "./palette";

const moneyFormat = (locale: string, currency: string) =>
  numberFormat(numberTag(locale), { style: "currency", currency, maximumFractionDigits: 0 });

/** Net commission per month. Decorative for screen readers: a table follows it. */
export function CommissionByMonthChart({ points, label, locale, currency }: { points: { label: string; totalMinor: number }[]; label: string; locale: string; currency: string }) {
  const money = moneyFormat(locale, currency);
  const data = points.map((p) => ({ label: p.label, total: p.totalMinor / 100 }));
  return (
    <div aria-hidden="true" className="h-60 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
          <YAxis tick={{ fontSize: 12 }} tickFormatter={(v: number) => money.format(v)} width={72} />
          <Tooltip formatter={(v) => money.format(Number(v))} />
          <Bar dataKey="total" name={label} fill={COLORS.commission} radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Net commission per product, best first, as horizontal bars. Decorative: a table follows it. */
export function CommissionByProductChart({ points, label, locale, currency }: { points: { label: string; totalMinor: number }[]; label: string; locale: string; currency: string }) {
  const money = moneyFormat(locale, currency);
  const data = points.map((p) => ({ label: productAxisLabel(p.label), total: p.totalMinor / 100 }));
  return (
    <div aria-hidden="true" className="w-full" style={{ height: productChartHeight(data.length) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={{ fontSize: 12 }} tickFormatter={(v: number) => money.format(v)} />
          <YAxis type="category" dataKey="label" tick={{ fontSize: 12 }} width={150} />
          <Tooltip formatter={(v) => money.format(Number(v))} />
          <Bar dataKey="total" name={label} fill={COLORS.product} radius={[0, 3, 3, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
