// The staff payout actions as a form calls them: the signed-in caller, the form's strings, and
// every refusal coming back as a message or field errors for the form (never a throw).
import { afterEach, describe, expect, it } from "vitest";
import { runAs } from "@/lib/auth/identity";
import { approvePayout, holdPayout } from "@/lib/dal/payouts/commands";
import { startPayoutRun } from "@/lib/dal/payouts/run";
import { asCaller } from "@/test/caller";
import { createCreator, createUser } from "@/test/factories";
import { addEntry, addOrder, createLink, inPeriod, payoutsOf } from "@/test/ledger";
import { expectLedgerInvariant } from "@/test/ledger-invariant";
import { nextPeriod, payoutFor, staff } from "@/test/payouts";
import { approvePayoutAction, holdPayoutAction, markPayoutPaidAction, runPayoutsAction } from "./actions";

afterEach(async () => {
  await expectLedgerInvariant();
});

describe("runPayoutsAction", () => {
  it("answers a period already run with a message naming it, and creates nothing", async () => {
    const reviewer = await staff();
    const period = nextPeriod();
    const c = await createCreator();
    await addEntry(c.creator.id, 12_000, inPeriod(period));
    await asCaller(reviewer.id, (caller) => startPayoutRun(caller, period));
    const state = await runAs(reviewer.id, () => runPayoutsAction(null, { period }));
    expect(state).toMatchObject({ ok: false, message: "payouts.run.errors.already_run", values: { period } });
    expect(await payoutsOf(c.creator.id)).toHaveLength(1);
  });

  it("answers a malformed month with a field error", async () => {
    const reviewer = await staff();
    expect(await runAs(reviewer.id, () => runPayoutsAction(null, { period: "2026-13" }))).toMatchObject({
      ok: false,
      fieldErrors: { period: ["payouts.validation.period"] },
    });
  });

  it("refuses a creator", async () => {
    const { user } = await createCreator();
    expect(await runAs(user.id, () => runPayoutsAction(null, { period: nextPeriod() }))).toMatchObject({ ok: false, message: "errors.forbidden" });
  });
});

describe("the decision actions", () => {
  it("four-eyes: the same reviewer's second approval comes back as a message; a second reviewer's approves", async () => {
    const { payout, reviewer, creator } = await payoutFor(150_000);
    const second = await staff();
    await asCaller(reviewer.id, (c) => approvePayout(c, { payoutId: payout.id, version: 1 }));
    expect(await runAs(reviewer.id, () => approvePayoutAction(null, { payoutId: String(payout.id), version: "2" }))).toMatchObject({
      ok: false,
      message: "payouts.errors.already_approved_by_you",
    });
    const done = await runAs(second.id, () => approvePayoutAction(null, { payoutId: String(payout.id), version: "2", note: "Checked" }));
    expect(done).toMatchObject({ ok: true, message: "payouts.actions.approved" });
    expect((await payoutsOf(creator.id))[0]).toMatchObject({ status: "approved", version: 3 });
  });

  it("refuses a hold without its reason, fix or a future decision date", async () => {
    const { payout, reviewer } = await payoutFor(30_000);
    const state = await runAs(reviewer.id, () =>
      holdPayoutAction(null, { payoutId: String(payout.id), version: "1", reasonCode: "nope", note: " ", fix: "", decideBy: "2001-01-01" }),
    );
    expect(state).toMatchObject({
      ok: false,
      fieldErrors: {
        reasonCode: ["payouts.validation.hold_reason"],
        note: ["payouts.validation.hold_note"],
        fix: ["payouts.validation.hold_fix"],
        decideBy: ["payouts.validation.decide_by_past"],
      },
    });
  });

  it("refuses marking paid without a payment reference", async () => {
    const { payout, reviewer } = await payoutFor(42_000);
    expect(await runAs(reviewer.id, () => markPayoutPaidAction(null, { payoutId: String(payout.id), version: "1", paymentReference: "" }))).toMatchObject({
      ok: false,
      fieldErrors: { paymentReference: ["payouts.validation.payment_reference"] },
    });
  });

  it("answers a decision on a stale version with a clear message", async () => {
    const { payout, reviewer } = await payoutFor(30_000);
    const other = await staff();
    await asCaller(other.id, (c) =>
      holdPayout(c, { payoutId: payout.id, version: 1, reasonCode: "kyc_missing", note: "ID missing", fix: "Upload ID", decideBy: "2999-01-01" }),
    );
    expect(await runAs(reviewer.id, () => approvePayoutAction(null, { payoutId: String(payout.id), version: "1" }))).toMatchObject({
      ok: false,
      message: "payouts.errors.stale",
    });
  });

  it("refuses marketing and creators calling the approve action", async () => {
    const { payout, user, creator } = await payoutFor(30_000);
    const marketing = await createUser("marketing");
    for (const id of [marketing.id, user.id]) {
      expect(await runAs(id, () => approvePayoutAction(null, { payoutId: String(payout.id), version: "1", note: "ok" }))).toMatchObject({
        ok: false,
        message: "errors.forbidden",
      });
      expect(await asCaller(id, (c) => approvePayout(c, { payoutId: payout.id, version: 1 })).then(() => "approved", (e: Error) => e.name)).toBe("ForbiddenError");
    }
    expect(await runAs(null, () => approvePayoutAction(null, { payoutId: String(payout.id), version: "1" }))).toMatchObject({
      ok: false,
      message: "errors.unauthenticated",
    });
    expect((await payoutsOf(creator.id))[0]).toMatchObject({ status: "pending_review", version: 1 });
  });

  it("asks for a note, next to its field, to approve a flagged payout", async () => {
    const reviewer = await staff();
    const { creator } = await createCreator();
    const link = await createLink(creator.id);
    const period = nextPeriod();
    // The same buyer, five times in a week of the payout's period: a repeat-buyer signal.
    for (let i = 0; i < 5; i++) {
      await addOrder(creator.id, link, { amountMinor: 30_000, buyerRef: "buyer_same", occurredAt: new Date(inPeriod(period).getTime() - i * 86_400_000), availableAt: inPeriod(period) });
    }
    await asCaller(reviewer.id, (c) => startPayoutRun(c, period));
    const [payout] = await payoutsOf(creator.id);
    expect(await runAs(reviewer.id, () => approvePayoutAction(null, { payoutId: String(payout.id), version: "1", note: "" }))).toMatchObject({
      ok: false,
      message: "payouts.errors.note_required",
      fieldErrors: { note: ["payouts.errors.note_required"] },
    });
  });
});
