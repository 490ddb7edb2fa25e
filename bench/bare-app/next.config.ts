import type { NextConfig } from "next";

// Built by the bench in its own folder, bench/work/bare-app, beside a hard-linked node_modules
// (bench/bare.ts says why): its root is that folder, not the repository.
const nextConfig: NextConfig = {
  poweredByHeader: false,
  turbopack: { root: __dirname },
  outputFileTracingRoot: __dirname,
};

export default nextConfig;
