// Gives every integration test file its own empty, migrated database: an in-memory PGlite, or
// a fresh database on the local PostgreSQL that is dropped afterwards. Runs never collide.
import { afterAll, beforeAll } from "vitest";
import postgres from "postgres";
import { closeDb, getDb } from "@/db";

process.env.SEED_ON_START = "0";
const engine = process.env.TEST_ENGINE;
let dropDatabase: (() => Promise<void>) | undefined;

function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run tests against a database that is not local (${host}).`);
  }
}

beforeAll(async () => {
  if (engine === "postgres") {
    const adminUrl = process.env.TEST_POSTGRES_URL!;
    assertLocal(adminUrl);
    const name = `cr_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    dropDatabase = async () => {
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    };
  } else {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = "memory://";
  }
  await getDb();
});

afterAll(async () => {
  await closeDb();
  await dropDatabase?.();
});
