import { describe, expect, it } from "vitest";
import { restrictedImports } from "./lint";

// db/ is the schema and the connection; the application depends on it, never the reverse.
describe("db/ does not import lib/", () => {
  it.each([`import { commissionMinor } from "../lib/domain/money";`, `import { getEnv } from "@/lib/env";`])("refuses %s", async (code) => {
    expect((await restrictedImports("db/index.ts", `${code}\nexport const x = 1;\n`)).join("\n")).toMatch(/must not depend on the application/);
  });

  it("allows the schema", async () => {
    expect(await restrictedImports("db/index.ts", `import * as schema from "./schema";\nexport const x = schema;\n`)).toEqual([]);
  });
});
