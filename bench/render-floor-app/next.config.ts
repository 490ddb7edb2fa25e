import type { NextConfig } from "next";

// Built by bench/render-floor.ts twice, in bench/work/render-floor and bench/work/render-floor-cache
// (beside a hard-linked node_modules, as bench/bare.ts says why): once as is, once with Next 16's
// cacheComponents (partial prerendering and "use cache"), chosen by RENDER_FLOOR_CACHE at build
// and at start.
const nextConfig: NextConfig = {
  poweredByHeader: false,
  cacheComponents: process.env.RENDER_FLOOR_CACHE === "1",
  turbopack: { root: __dirname },
  outputFileTracingRoot: __dirname,
};

export default nextConfig;
