import { describe, expect, it } from "vitest";
import { TEST_PASSWORD, createUser } from "@/test/factories";
import { checkCredentials } from "./credentials";

describe("checkCredentials", () => {
  it("accepts the right password and refuses a wrong one or an unknown email", async () => {
    const user = await createUser("staff");
    const ok = await checkCredentials(user.email, TEST_PASSWORD, "10.0.0.1");
    expect(ok).toEqual({ status: "ok", user: expect.objectContaining({ id: user.id, email: user.email }) });
    expect(await checkCredentials(user.email, "nope", "10.0.0.1")).toEqual({ status: "wrong" });
    expect(await checkCredentials("nobody@test.example", TEST_PASSWORD, "10.0.0.1")).toEqual({ status: "wrong" });
  });

  it("throttles an email after 10 failures in a minute, even with the right password", async () => {
    const user = await createUser("creator");
    for (let i = 0; i < 10; i++) {
      expect((await checkCredentials(user.email, `wrong-${i}`, `10.1.0.${i}`)).status).toBe("wrong");
    }
    expect((await checkCredentials(user.email, TEST_PASSWORD, "10.1.1.1")).status).toBe("throttled");
  });

  it("throttles an address after 10 failures in a minute across emails", async () => {
    const victim = await createUser("creator");
    for (let i = 0; i < 10; i++) {
      await checkCredentials(`guess-${i}@test.example`, "wrong", "10.2.0.1");
    }
    expect((await checkCredentials(victim.email, TEST_PASSWORD, "10.2.0.1")).status).toBe("throttled");
    // Another address is not affected.
    expect((await checkCredentials(victim.email, TEST_PASSWORD, "10.2.0.2")).status).toBe("ok");
  });
});
