// The demo seed must not grow its own money rules again (it once had, and drifted from the
// app's): it writes fixtures, and every money row comes from the app's code (lib/dal/system-caller.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const source = readFileSync(path.join(import.meta.dirname, "seed-data.ts"), "utf8");

const MONEY_TABLES = {
  ledgerEntries: "ledger_entries",
  milestoneAwards: "milestone_awards",
  orders: "orders",
  refunds: "refunds",
  payoutRuns: "payout_runs",
  payouts: "payouts",
  payoutItems: "payout_items",
  payoutApprovals: "payout_approvals",
  auditLog: "audit_log",
  activityEvents: "activity_events",
  activityEventReceipts: "activity_event_receipts",
  creatorDailyMetrics: "creator_daily_metrics",
  enrollmentProgress: "enrollment_progress",
};

describe("lib/demo/seed-data.ts", () => {
  it("never writes a money table itself", () => {
    for (const [table, name] of Object.entries(MONEY_TABLES)) {
      expect(source, table).not.toMatch(new RegExp(`\\.insert\\(t\\.${table}\\)`));
      expect(source, name).not.toMatch(new RegExp(`insert\\s+into\\s+${name}\\b`, "i"));
    }
    for (const name of ["ledger_entries", "orders", "refunds", "payouts", "payout_items", "payout_runs"]) {
      expect(source, name).not.toMatch(new RegExp(`update\\s+${name}\\b`, "i"));
    }
    expect(source).not.toMatch(/spent_minor\s*=/);
  });

  it("computes no money: no commission, conversion or reversal of its own", () => {
    expect(source).not.toMatch(/\b(commissionMinor|convertMinor|refundReversal|convertAt|toCreatorCurrency)\b/);
  });

  it("keeps no payout constant of its own (minimum, four-eyes limit): the payout run applies the app's", () => {
    expect(source).not.toMatch(/MIN(IMUM)?_PAYOUT|FOUR_EYES_(LIMIT|ABOVE)|fourEyesLimit|payoutMinimum/i);
  });
});
