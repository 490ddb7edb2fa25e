// Pages import their charts from here. Each page's charts live in their own client module, so a
// page's first load carries only its own sketches and loaders; none carries Recharts
// (deferred.tsx says when it comes).
export { EarningsChart } from "./creator-home-charts";
export { CommissionByMonthChart, CommissionByProductChart } from "./earnings-charts";
export { FunnelChart, SpendChart } from "./marketing-charts";
export { PayoutStatusChart } from "./staff-payout-charts";
