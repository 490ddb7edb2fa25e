import path from "node:path";
import { defineConfig } from "vitest/config";

// Three projects: pure unit tests, and the integration tests twice, once per engine.
// The PostgreSQL project exists when scripts/test.mjs found a server (TEST_POSTGRES_URL).
const root = path.dirname(new URL(import.meta.url).pathname);
const integration = ["**/*.int.test.ts"];
// Races and concurrency prove nothing on PGlite (one connection): those run on PostgreSQL only.
const concurrency = ["**/*.pg.test.ts"];
const exclude = ["node_modules/**", ".next/**", "e2e/**", "bench/work/**"];

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "test/server-only-stub.ts"),
    },
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["**/*.test.ts"], exclude: [...exclude, ...integration, ...concurrency] } },
      {
        extends: true,
        test: { name: "pglite", include: integration, exclude, env: { TEST_ENGINE: "pglite" }, setupFiles: ["test/setup-db.ts"] },
      },
      ...(process.env.TEST_POSTGRES_URL
        ? [
            {
              extends: true as const,
              test: { name: "postgres", include: [...integration, ...concurrency], exclude, env: { TEST_ENGINE: "postgres" }, setupFiles: ["test/setup-db.ts"] },
            },
          ]
        : []),
    ],
  },
});
