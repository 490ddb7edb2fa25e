// Heights of the charts whose height follows their data. Shared by the chart and by the box
// that holds its place while it loads (the *-charts.tsx modules), so the two never disagree.
export const productChartHeight = (bars: number) => Math.max(120, bars * 34 + 40);
export const funnelChartHeight = (steps: number) => Math.max(160, steps * 44 + 40);
