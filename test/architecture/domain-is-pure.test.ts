import { describe, expect, it } from "vitest";
import { restrictedImports } from "./lint";

// lib/domain holds the rules as plain functions: no database, no SQL builder, no DAL.
describe("lib/domain stays pure", () => {
  it.each([
    [`import { getDb } from "@/db";`, /no database/],
    [`import { sql } from "drizzle-orm";`, /SQL belongs in lib\/dal/],
    [`import { listPayouts } from "@/lib/dal/payouts/queries";`, /the DAL depends on it/],
  ])("refuses %s", async (code, message) => {
    expect((await restrictedImports("lib/domain/rules.ts", `${code}\nexport const x = 1;\n`)).join("\n")).toMatch(message);
  });

  it("allows another domain module", async () => {
    expect(await restrictedImports("lib/domain/rules.ts", `import { formatMoney } from "@/lib/domain/money";\nexport const x = formatMoney;\n`)).toEqual([]);
  });
});
