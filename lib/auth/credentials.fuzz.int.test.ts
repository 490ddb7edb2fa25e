// Random sign-in input: never an exception, never a session for a wrong password.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signInSchema } from "@/lib/validation/auth";
import { TEST_PASSWORD, createUser } from "@/test/factories";
import { checkCredentials } from "./credentials";

describe("sign-in under fuzzing", () => {
  it("refuses every random credential cleanly, and still accepts the right one", async () => {
    const user = await createUser("staff");
    await fc.assert(
      fc.asyncProperty(fc.record({
          email: fc.oneof(fc.string(), fc.emailAddress(), fc.constant(user.email), fc.emailAddress().map((e) => `\u0000${e}`)),
          password: fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.constant("pass\u0000word"), fc.constant("\ud800")),
        }), fc.ipV4(), async (input, ip) => {
        const parsed = signInSchema.safeParse(input);
        if (!parsed.success) return; // the form answers with field errors before any lookup
        const result = await checkCredentials(parsed.data.email, parsed.data.password, ip, async () => {});
        if (parsed.data.password !== TEST_PASSWORD) expect(result.status).not.toBe("ok");
      }),
      { numRuns: 40 },
    );
    // The right password still works from a client that was not failing.
    expect((await checkCredentials(user.email, TEST_PASSWORD, "10.9.9.9", async () => {})).status).toBe("ok");
  });
});
