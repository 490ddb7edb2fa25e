import { describe, expect, it } from "vitest";
import { restrictedImports } from "./lint";

// A shared component renders what its page gives it: no DAL calls, no route's actions.
describe("components/ do not import the DAL or a route", () => {
  it("refuses a runtime import of the DAL", async () => {
    const messages = await restrictedImports("components/fraud-signals.tsx", `import { SPIKE_FACTOR } from "@/lib/dal/payouts/signals";\nexport const x = SPIKE_FACTOR;\n`);
    expect(messages.join("\n")).toMatch(/Components render what they are given/);
  });

  it("refuses importing a route's server actions", async () => {
    const messages = await restrictedImports("components/language-switch.tsx", `import { setLocaleAction } from "@/app/actions";\nexport const x = setLocaleAction;\n`);
    expect(messages.join("\n")).toMatch(/must not depend on a route/);
  });

  it("allows a type-only import of a DAL view", async () => {
    expect(await restrictedImports("components/challenge-detail.tsx", `import type { ChallengeView } from "@/lib/dal/challenges/queries";\nexport type V = ChallengeView;\n`)).toEqual([]);
  });
});
