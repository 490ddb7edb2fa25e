import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

describe("the environment schema", () => {
  it("gives the defaults when nothing is set, and reads an empty variable as unset", () => {
    expect(readEnv({})).toMatchObject({ DATABASE_POOL_SIZE: 10, SIGN_IN_FAILURE_LIMIT: 10, TRUSTED_PROXY_HOPS: 0, CHALLENGE_END_NOTICE_DAYS: 14 });
    expect(readEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("parses numbers and trims", () => {
    const env = readEnv({ DATABASE_URL: "postgres://u@h/db", DATABASE_POOL_SIZE: "4", TRUSTED_PROXY_HOPS: " 2 " });
    expect(env).toMatchObject({ DATABASE_URL: "postgres://u@h/db", DATABASE_POOL_SIZE: 4, TRUSTED_PROXY_HOPS: 2 });
  });

  it("names each bad variable and what it must be, in one message", () => {
    expect(() => readEnv({ DATABASE_POOL_SIZE: "ten" })).toThrow("Invalid environment: DATABASE_POOL_SIZE must be a whole number from 1 to 1000");
    expect(() => readEnv({ DATABASE_URL: "mysql://x", TRUSTED_PROXY_HOPS: "6" })).toThrow(
      "Invalid environment: DATABASE_URL must be a postgres:// or postgresql:// URL; TRUSTED_PROXY_HOPS must be a whole number from 0 to 5",
    );
    for (const bad of ["-1", "1.5", "0x1", "1e3"]) expect(() => readEnv({ SIGN_IN_FAILURE_LIMIT: bad })).toThrow(/SIGN_IN_FAILURE_LIMIT must be a whole number from 0 up/);
    expect(() => readEnv({ SEED_ON_START: "yes" })).toThrow(/SEED_ON_START must be "0" or "1"/);
  });

  it("holds the payout rules, the cache's settings, AUTH_URL and the page switches", () => {
    expect(readEnv({})).toMatchObject({ DAL_CACHE: "on", DAL_CACHE_ENTRIES: 2000 });
    expect(readEnv({}).PAYOUT_MINIMUM_MINOR).toBeUndefined();
    expect(readEnv({ PAYOUT_MINIMUM_MINOR: "5000", PAYOUT_FOUR_EYES_LIMIT_EUR_MINOR: "0", DAL_CACHE: "off", DAL_CACHE_ENTRIES: "10", AUTH_URL: "https://rewards.example.com/x", SHOW_INVITE_LINKS: "1" })).toMatchObject({
      PAYOUT_MINIMUM_MINOR: 5000,
      PAYOUT_FOUR_EYES_LIMIT_EUR_MINOR: 0,
      DAL_CACHE: "off",
      DAL_CACHE_ENTRIES: 10,
      AUTH_URL: "https://rewards.example.com/x",
      SHOW_INVITE_LINKS: "1",
    });
    expect(() => readEnv({ AUTH_URL: "rewards.example.com" })).toThrow("Invalid environment: AUTH_URL must be an http:// or https:// URL");
    expect(() => readEnv({ AUTH_URL: "ftp://rewards.example.com" })).toThrow(/AUTH_URL must be an http/);
    expect(() => readEnv({ PAYOUT_MINIMUM_MINOR: "-5", DAL_CACHE: "no", DAL_CACHE_ENTRIES: "0", BENCH_ROUTES: "true" })).toThrow(
      /PAYOUT_MINIMUM_MINOR must be a whole number from 0 up; DAL_CACHE must be "on" or "off"; DAL_CACHE_ENTRIES must be a whole number from 1 to 10000000; BENCH_ROUTES must be "0" or "1"/,
    );
  });

  it("reads process.env afresh when a variable changes", () => {
    const before = process.env.DAL_CACHE_ENTRIES;
    try {
      process.env.DAL_CACHE_ENTRIES = "7";
      expect(readEnv().DAL_CACHE_ENTRIES).toBe(7);
      process.env.DAL_CACHE_ENTRIES = "8";
      expect(readEnv().DAL_CACHE_ENTRIES).toBe(8);
    } finally {
      if (before === undefined) delete process.env.DAL_CACHE_ENTRIES;
      else process.env.DAL_CACHE_ENTRIES = before;
    }
  });
});
