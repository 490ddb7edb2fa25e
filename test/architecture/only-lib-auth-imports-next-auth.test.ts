import { describe, expect, it } from "vitest";
import { restrictedImports } from "./lint";

// Auth.js is behind lib/auth: the rest of the app sees its exports, not the library.
describe("next-auth is imported by lib/auth only", () => {
  it.each(["app/(auth)/login/actions.ts", "lib/dal/session.ts", "components/sign-in.tsx", "scripts/tool.ts"])("refuses it in %s", async (file) => {
    expect((await restrictedImports(file, `import { AuthError } from "next-auth";\nexport const x = AuthError;\n`)).join("\n")).toMatch(/Only lib\/auth talks to Auth.js/);
  });

  it("allows it in lib/auth", async () => {
    expect(await restrictedImports("lib/auth/config.ts", `import NextAuth from "next-auth";\nexport const x = NextAuth;\n`)).toEqual([]);
  });
});
