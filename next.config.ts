import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm run dev` opened at http://127.0.0.1:3000 as well as localhost: Next 16 blocks its dev
  // resources for other origins, and the page would never hydrate.
  allowedDevOrigins: ["127.0.0.1"],
  // PGlite and argon2 ship native/wasm payloads: load them from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 status.
    authInterrupts: true,
  },
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
