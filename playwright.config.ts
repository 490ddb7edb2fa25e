import { defineConfig, devices } from "@playwright/test";

// e2e runs against a production build (`npm start`: server.mjs) on a fresh embedded database that the
// app migrates and seeds with the demo data on first start.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
const pgliteDir = process.env.E2E_PGLITE_DIR ?? `/tmp/creator-rewards-e2e-${process.pid}`;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
  ],
  webServer: {
    command: `rm -rf ${pgliteDir} && node server.mjs -p ${PORT} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: !process.env.CI,
    env: {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PGLITE_DIR: pgliteDir,
      DATABASE_URL: "",
      AUTH_SECRET: "e2e-auth-secret-0123456789abcdef0123456789",
      INGEST_SECRET: "e2e-ingest-secret",
      AUTH_URL: baseURL,
      // e2e/invite.spec.ts opens the one-time link the admin page shows (hidden in production).
      SHOW_INVITE_LINKS: "1",
      // The bench's floor routes exist here too, so the authorization matrix checks them.
      BENCH_ROUTES: "1",
    },
  },
});
