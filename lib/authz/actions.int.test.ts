// Calls every role-restricted server action as anonymous and as each role, with an empty
// input: refused roles get the "forbidden"/"unauthenticated" result before any parsing,
// allowed roles get past the gate (to validation). Actions are called, not looked for in pages.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runAs } from "@/lib/auth/identity";
import type { ActionResult } from "@/lib/actions/types";
import { createCreator, createUser } from "@/test/factories";
import { ROLES, SERVER_ACTIONS, allows } from "./matrix";

type Action = (previous: unknown, input: Record<string, unknown>) => Promise<ActionResult<unknown>>;
const gated = Object.entries(SERVER_ACTIONS).filter(([, access]) => Array.isArray(access));
const REFUSED = ["errors.forbidden", "errors.unauthenticated"];

describe("server actions refuse every role the matrix does not allow", () => {
  it.each(gated)("%s", async (key, access) => {
    const [file, name] = key.split("#");
    const action = (await import(/* @vite-ignore */ path.join(process.cwd(), file)))[name] as Action;
    expect(typeof action).toBe("function");
    const users = {
      creator: (await createCreator()).user.id,
      staff: (await createUser("staff")).id,
      marketing: (await createUser("marketing")).id,
      admin: (await createUser("admin")).id,
    };
    const anonymous = await runAs(null, () => action(null, {}));
    expect(anonymous).toMatchObject({ ok: false, message: "errors.unauthenticated" });
    for (const role of ROLES) {
      const result = await runAs(users[role], () => action(null, {}));
      if (allows(access, role)) expect(REFUSED).not.toContain(result.ok ? "" : result.message);
      else expect(result).toMatchObject({ ok: false, message: "errors.forbidden" });
    }
  });
});
