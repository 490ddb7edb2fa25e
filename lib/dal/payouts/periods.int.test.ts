import { describe, expect, it } from "vitest";
import { runPayoutsAction } from "@/app/staff/payouts/actions";
import { runAs } from "@/lib/auth/identity";
import { asCaller } from "@/test/caller";
import { DomainError } from "@/lib/errors";
import { addEntry, inPeriod } from "@/test/ledger";
import { createCreator, createUser } from "@/test/factories";
import { startPayoutRun } from "./run";

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => "no error",
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

describe("payout run periods", () => {
  it("refuses a month that is not real, before the first data, or in the future", async () => {
    const reviewer = await createUser("staff");
    const { creator } = await createCreator();
    await addEntry(creator.id, 1_000, inPeriod("2017-03"));
    for (const period of ["0000-01", "1899-12", "2017-00", "2017-13", "17-03"]) {
      expect(await runAs(reviewer.id, () => runPayoutsAction(null, { period }))).toMatchObject({
        ok: false,
        fieldErrors: { period: ["payouts.validation.period"] },
      });
    }
    expect(await failure(asCaller(reviewer.id, (c) => startPayoutRun(c, "2017-02")))).toBe("trust.validation.period_too_early");
    expect(await failure(asCaller(reviewer.id, (c) => startPayoutRun(c, "2999-01")))).toBe("payouts.run.errors.future");
    await expect(asCaller(reviewer.id, (c) => startPayoutRun(c, "2017-03"))).resolves.toMatchObject({ period: "2017-03" });
  });
});
