"use server";

import { roleAction } from "@/lib/actions";
import { startPayoutRun } from "@/lib/dal/payouts/run";
import { approvePayout, holdPayout, markPayoutPaid, rejectPayout } from "@/lib/dal/payouts/commands";
import { AREA_ROLES } from "@/lib/dal/session";
import { DomainError } from "@/lib/errors";
import { revalidate } from "@/lib/revalidate";
import { approveSchema, holdSchema, markPaidSchema, rejectSchema, runSchema } from "@/lib/validation/payouts";

function refreshPayoutPages() {
  revalidate("/staff/payouts");
  revalidate("/staff/audit");
  revalidate("/creator");
}

export const runPayoutsAction = roleAction(AREA_ROLES.staff, runSchema, async ({ period }, caller) => {
  const run = await startPayoutRun(caller, period);
  refreshPayoutPages();
  return { ok: true, message: "payouts.run.done", values: { period: run.period, count: run.payoutCount } };
});

export const approvePayoutAction = roleAction(AREA_ROLES.staff, approveSchema, async (input, caller) => {
  try {
    const result = await approvePayout(caller, input);
    refreshPayoutPages();
    return {
      ok: true,
      message: result.status === "approved" ? "payouts.actions.approved" : "payouts.actions.first_approval",
      values: { approvals: result.approvals, required: result.approvalsRequired },
    };
  } catch (error) {
    // The missing note belongs next to the note field as well as in the form's message.
    if (error instanceof DomainError && error.code === "payouts.errors.note_required") {
      return { ok: false, message: error.code, fieldErrors: { note: [error.code] } };
    }
    throw error;
  }
});

export const holdPayoutAction = roleAction(AREA_ROLES.staff, holdSchema, async (input, caller) => {
  await holdPayout(caller, input);
  refreshPayoutPages();
  return { ok: true, message: "payouts.actions.held" };
});

export const rejectPayoutAction = roleAction(AREA_ROLES.staff, rejectSchema, async (input, caller) => {
  const { releasedEntries } = await rejectPayout(caller, input);
  refreshPayoutPages();
  return { ok: true, message: "payouts.actions.rejected", values: { count: releasedEntries } };
});

export const markPayoutPaidAction = roleAction(AREA_ROLES.staff, markPaidSchema, async (input, caller) => {
  await markPayoutPaid(caller, input);
  refreshPayoutPages();
  return { ok: true, message: "payouts.actions.paid" };
});
