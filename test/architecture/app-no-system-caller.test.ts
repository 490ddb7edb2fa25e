import { describe, expect, it } from "vitest";
import { restrictedImports } from "./lint";

// Pages, actions and route handlers act as the signed-in caller, never as the system: the
// module that mints a system caller (and the seed's module) is refused under app/.
describe("app/ does not reach the system caller", () => {
  it("refuses the module that mints a system caller, by alias or relative path", async () => {
    const aliased = await restrictedImports("app/staff/payouts/actions.ts", `import { systemCaller } from "@/lib/dal/system-caller";\nexport const x = systemCaller;\n`);
    expect(aliased.join("\n")).toMatch(/system caller is for ingest, scripts and the seed/);
    const relative = await restrictedImports("app/staff/payouts/actions.ts", `import { callerForUser } from "../../../lib/dal/system-caller";\nexport const x = callerForUser;\n`);
    expect(relative.join("\n")).toMatch(/system caller is for ingest, scripts and the seed/);
  });

  it("refuses the seed's module", async () => {
    const messages = await restrictedImports("app/api/ingest/route.ts", `import { ingestOrders } from "@/lib/dal/system";\nexport const x = ingestOrders;\n`);
    expect(messages.join("\n")).toMatch(/system caller is for ingest, scripts and the seed/);
  });

  it("allows the session's caller and the checked functions", async () => {
    expect(
      await restrictedImports(
        "app/staff/payouts/actions.ts",
        `import { requireRole } from "@/lib/dal/session";\nimport { approvePayout } from "@/lib/dal/payouts/commands";\nexport const x = [requireRole, approvePayout];\n`,
      ),
    ).toEqual([]);
  });
});
