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

  it("reads a variable changed after an earlier read", () => {
    const source: Record<string, string | undefined> = { CHALLENGE_END_NOTICE_DAYS: "7" };
    expect(readEnv(source).CHALLENGE_END_NOTICE_DAYS).toBe(7);
    expect(readEnv(source).CHALLENGE_END_NOTICE_DAYS).toBe(7);
    source.CHALLENGE_END_NOTICE_DAYS = "3";
    expect(readEnv(source).CHALLENGE_END_NOTICE_DAYS).toBe(3);
    source.CHALLENGE_END_NOTICE_DAYS = "soon";
    expect(() => readEnv(source)).toThrow(/CHALLENGE_END_NOTICE_DAYS must be a whole number/);
  });
});
