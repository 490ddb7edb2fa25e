import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
function start(env: Record<string, string>) {
  const { PATH, HOME } = process.env;
  return spawnSync(tsx, ["lib/startup-checks.ts"], { env: { PATH, HOME, ...env } as unknown as NodeJS.ProcessEnv, encoding: "utf8" });
}

describe("startup checks", () => {
  it("refuses to start in production without AUTH_SECRET and INGEST_SECRET", () => {
    const missingBoth = start({ NODE_ENV: "production" });
    expect(missingBoth.status).toBe(1);
    expect(missingBoth.stderr).toContain("set AUTH_SECRET and INGEST_SECRET");
    const missingIngest = start({ NODE_ENV: "production", AUTH_SECRET: "s".repeat(32) });
    expect(missingIngest.status).toBe(1);
    expect(missingIngest.stderr).toContain("set INGEST_SECRET");
  });

  it("starts in production with both secrets, and in development without them", () => {
    expect(start({ NODE_ENV: "production", AUTH_SECRET: "s".repeat(32), INGEST_SECRET: "i" }).status).toBe(0);
    expect(start({ NODE_ENV: "development" }).status).toBe(0);
  });
});
