// Heights of the charts whose height follows their data. Shared by the chart and by the box
// that holds its place while it loads (the *-charts.tsx modules), so the two never disagree.
export const productChartHeight = (bars: number) => Math.max(120, bars * 34 + 40);
export const funnelChartHeight = (steps: number) => Math.max(160, steps * 44 + 40);

/** A product's name as the chart's axis and its first paint show it: 22 characters at most. */
export const productAxisLabel = (name: string) => (name.length > 22 ? `${name.slice(0, 21)}…` : name);
