import { describe, expect, it } from "vitest";
import { restrictedImports } from "./lint";

// lib/auth says who signed in (the session cookie, the test identity, passwords); the DAL reads
// what that account may do. The dependency points one way, so the two folders never circle.
describe("lib/auth does not import the DAL", () => {
  it("refuses a runtime import of the DAL", async () => {
    const messages = await restrictedImports("lib/auth/config.ts", `import { readAccount } from "@/lib/dal/session";\nexport const x = readAccount;\n`);
    expect(messages.join("\n")).toMatch(/lib\/dal depends on lib\/auth, not the reverse/);
  });

  it("allows the DAL to import lib/auth", async () => {
    expect(await restrictedImports("lib/dal/session.ts", `import { sessionIdentity } from "@/lib/auth/identity";\nexport const x = sessionIdentity;\n`)).toEqual([]);
  });
});
