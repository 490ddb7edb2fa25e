import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rows } from "@/db";
import { TEST_PASSWORD, createUser } from "@/test/factories";
import { MAX_DELAY_MS, accountDelayMs, checkCredentials } from "./credentials";

// Records the delays checkCredentials asks for instead of sleeping: no timed assertions.
function recorder() {
  const delays: number[] = [];
  return { delays, wait: async (ms: number) => void delays.push(ms) };
}

describe("checkCredentials", () => {
  it("accepts the right password and refuses a wrong one or an unknown email", async () => {
    const user = await createUser("staff");
    const ok = await checkCredentials(user.email, TEST_PASSWORD, "10.0.0.1");
    expect(ok).toEqual({ status: "ok", user: expect.objectContaining({ id: user.id, email: user.email }) });
    expect(await checkCredentials(user.email, "nope", "10.0.0.1")).toEqual({ status: "wrong" });
    expect(await checkCredentials("nobody@test.example", TEST_PASSWORD, "10.0.0.1")).toEqual({ status: "wrong" });
  });

  it("refuses a client after 10 failures on one account, even with the right password", async () => {
    const user = await createUser("creator");
    for (let i = 0; i < 10; i++) {
      expect((await checkCredentials(user.email, `wrong-${i}`, "10.1.0.1")).status).toBe("wrong");
    }
    expect((await checkCredentials(user.email, TEST_PASSWORD, "10.1.0.1")).status).toBe("throttled");
  });

  it("still signs the owner in from their own client while others hammer the account", async () => {
    const user = await createUser("staff");
    const { delays, wait } = recorder();
    // Two attackers, 15 failures each: both end up refused for this account.
    for (let i = 0; i < 15; i++) {
      await checkCredentials(user.email, `wrong-${i}`, "10.3.0.1", wait);
      await checkCredentials(user.email, `wrong-${i}`, "10.3.0.2", wait);
    }
    expect((await checkCredentials(user.email, TEST_PASSWORD, "10.3.0.1", wait)).status).toBe("throttled");
    // The owner's client has not been failing: slowed down, never locked out.
    const owner = recorder();
    expect((await checkCredentials(user.email, TEST_PASSWORD, "10.3.9.9", owner.wait)).status).toBe("ok");
    expect(owner.delays).toEqual([accountDelayMs(20)]);
    // The delays grew while the failures piled up.
    expect(delays.length).toBeGreaterThan(3);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]);
    expect(delays[delays.length - 1]).toBeGreaterThan(delays[0]);
  });

  it("grows the per-account delay by doubling and caps it", () => {
    expect(accountDelayMs(9, 10)).toBe(0);
    expect(accountDelayMs(10, 10)).toBe(500);
    expect(accountDelayMs(11, 10)).toBe(1000);
    expect(accountDelayMs(13, 10)).toBe(4000);
    expect(accountDelayMs(1000, 10)).toBe(MAX_DELAY_MS);
  });

  it("does not refuse other accounts from an address that failed on one (an office, a NAT)", async () => {
    const victim = await createUser("creator");
    for (let i = 0; i < 12; i++) await checkCredentials(`guess-${i}@test.example`, "wrong", "10.2.0.1");
    expect((await checkCredentials(victim.email, TEST_PASSWORD, "10.2.0.1")).status).toBe("ok");
  });

  it("refuses a client spraying many accounts, except on accounts it signed in to before", async () => {
    const previous = process.env.SIGN_IN_FAILURE_LIMIT;
    process.env.SIGN_IN_FAILURE_LIMIT = "2"; // 10 × 2 = 20 failures across accounts
    try {
      const regular = await createUser("creator");
      const other = await createUser("creator");
      expect((await checkCredentials(regular.email, TEST_PASSWORD, "10.4.0.1")).status).toBe("ok");
      for (let i = 0; i < 20; i++) await checkCredentials(`spray-${i}@test.example`, "wrong", "10.4.0.1");
      expect((await checkCredentials(other.email, TEST_PASSWORD, "10.4.0.1")).status).toBe("throttled");
      expect((await checkCredentials(regular.email, TEST_PASSWORD, "10.4.0.1")).status).toBe("ok");
      expect((await checkCredentials(other.email, TEST_PASSWORD, "10.4.0.2")).status).toBe("ok");
    } finally {
      if (previous === undefined) delete process.env.SIGN_IN_FAILURE_LIMIT;
      else process.env.SIGN_IN_FAILURE_LIMIT = previous;
    }
  });

  it("purges old attempts", async () => {
    const db = await getDb();
    await db.execute(sql`insert into sign_in_attempts (email, ip, succeeded, created_at)
                         values ('old-fail@test.example', '10.5.0.1', false, now() - interval '2 days'),
                                ('old-ok@test.example', '10.5.0.1', true, now() - interval '31 days'),
                                ('kept-ok@test.example', '10.5.0.1', true, now() - interval '2 days')`);
    await checkCredentials("someone@test.example", "wrong", "10.5.0.2");
    const left = await rows<{ email: string }>(db, sql`select email from sign_in_attempts where ip = '10.5.0.1' order by email`);
    expect(left.map((r) => r.email)).toEqual(["kept-ok@test.example"]);
  });
});
