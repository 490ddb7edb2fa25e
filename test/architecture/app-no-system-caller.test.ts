import { describe, expect, it } from "vitest";
import { restrictedImports } from "./lint";

// Pages, actions and route handlers act as the signed-in caller, never as the system.
describe("app/ does not reach the system caller", () => {
  it("refuses the system module", async () => {
    const messages = await restrictedImports("app/staff/payouts/actions.ts", `import { runPayoutsAsSystem } from "@/lib/dal/system";\nexport const x = runPayoutsAsSystem;\n`);
    expect(messages.join("\n")).toMatch(/system caller is for ingest, scripts and the seed/);
  });

  it("refuses an unchecked …As entry point of the DAL", async () => {
    const messages = await restrictedImports("app/staff/payouts/actions.ts", `import { approvePayoutAs } from "@/lib/dal/payouts/commands";\nexport const x = approvePayoutAs;\n`);
    expect(messages.join("\n")).toMatch(/skip the session check/);
  });

  it("allows the checked function", async () => {
    expect(await restrictedImports("app/staff/payouts/actions.ts", `import { approvePayout } from "@/lib/dal/payouts/commands";\nexport const x = approvePayout;\n`)).toEqual([]);
  });
});
