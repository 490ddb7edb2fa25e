#!/usr/bin/env node
// `npm test`: lint, typecheck, unit + integration tests (PGlite, and PostgreSQL when one
// answers), then Playwright e2e against a production build. Stops at the first failure.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function run(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed`);
    process.exit(result.status ?? 1);
  }
}

function ensureChromium() {
  if (existsSync(chromium)) return;
  if (process.getuid?.() === 0) {
    console.log(`Chromium is missing at ${chromium}: installing Debian's package.`);
    run("apt-get update", "apt-get", ["update", "-qq"]);
    run("apt-get install chromium", "apt-get", ["install", "-y", "-qq", "chromium"], { DEBIAN_FRONTEND: "noninteractive" });
    return;
  }
  console.error(
    `Chromium is missing at ${chromium}. Install it with \`sudo apt-get install -y chromium\`, ` +
      "or point CHROMIUM_PATH at a Chromium or Chrome binary.",
  );
  process.exit(1);
}

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1500 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

/** The PostgreSQL server integration tests create their databases on, if any. */
async function postgresAdminUrl() {
  if (process.env.TEST_POSTGRES_URL) return process.env.TEST_POSTGRES_URL;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = "/postgres";
    return url.toString();
  }
  return (await reachable("127.0.0.1", 5432)) ? "postgres://postgres@127.0.0.1:5432/postgres" : null;
}

ensureChromium();
const pgUrl = await postgresAdminUrl();
console.log(pgUrl ? `Integration tests run on PGlite and on PostgreSQL (${new URL(pgUrl).host}).` : "PostgreSQL not found: integration tests run on PGlite only.");

run("lint", "npx", ["eslint", "."]);
run("typecheck", "npx", ["tsc", "--noEmit"]);
run("unit and integration tests", "npx", ["vitest", "run"], pgUrl ? { TEST_POSTGRES_URL: pgUrl } : {});
run("production build", "npx", ["next", "build"], { DATABASE_URL: "" });
run("end-to-end tests", "npx", ["playwright", "test"], { DATABASE_URL: "" });
