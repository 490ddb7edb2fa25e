import { describe, expect, it } from "vitest";
import { restrictedImports } from "./lint";

// Pages, components and route handlers read through the DAL, never the database itself.
describe("app/ and components/ do not import the database", () => {
  it.each([
    ["app/creator/page.tsx", `import { getDb } from "@/db";`],
    ["app/api/health/route.ts", `import { users } from "@/db/schema";`],
    ["components/payout-table.tsx", `import { payouts } from "@/db/schema";`],
  ])("refuses %s: %s", async (file, code) => {
    expect((await restrictedImports(file, `${code}\nexport const x = 1;\n`)).join("\n")).toMatch(/Only lib\/ talks to the database/);
  });

  it("allows a type-only import of a schema type", async () => {
    expect(await restrictedImports("components/badge.tsx", `import type { Role } from "@/db/schema";\nexport type R = Role;\n`)).toEqual([]);
  });

  it("allows tests beside a page to set up the database", async () => {
    expect(await restrictedImports("app/creator/actions.int.test.ts", `import { getDb } from "@/db";\nexport const x = getDb;\n`)).toEqual([]);
  });
});
