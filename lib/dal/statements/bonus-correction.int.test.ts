// A bonus corrected after a late event moved its milestone to a day with another rate: the
// correction's "original amount" is the whole bonus at the new rate, not the correction's own
// amount (lib/dal/ingest/activity.ts settleMilestones; milestone-crossing.int.test.ts checks the
// entries the ingest writes, which this test writes as they are). The statement and its CSV must say so,
// or a reader sees a 500.00 EUR original beside a -500.00 BRL line and cannot reconcile them.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as statementCsv } from "@/app/creator/payouts/[id]/statement.csv/route";
import { getDb } from "@/db";
import { runAs } from "@/lib/auth/identity";
import { asCaller } from "@/test/caller";
import { createChallenge, createCreator, createUser, enrollDirectly } from "@/test/factories";
import { inPeriod, payoutsOf } from "@/test/ledger";
import { startPayoutRun } from "../payouts/run";
import { getMyPayoutStatement } from "./queries";

process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

const text = async (r: Response) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await r.arrayBuffer());

describe("a bonus correction on the statement", () => {
  it("is a bonus line that says it is the difference, beside the bonus it corrects", async () => {
    const staff = await createUser("staff");
    const { creator, user } = await createCreator({ currency: "BRL" });
    const { challenge, milestones } = await createChallenge({ milestones: [{ metric: "stars_received", threshold: 1000, rewardMinor: 50_000 }] });
    const enrollment = await enrollDirectly(challenge.id, creator.id);
    const period = "2017-06";
    const day = inPeriod(period).toISOString();
    const db = await getDb();
    // As settleMilestones leaves them: 500.00 EUR paid at 7.0 (3,500.00 BRL), then the crossing
    // moved to a day at 6.0, so 3,000.00 BRL: a correction of -500.00 BRL.
    const [award] = await db.execute<{ id: number }>(
      sql`insert into milestone_awards (enrollment_id, milestone_id, creator_id, status, reached_at)
          values (${enrollment.id}, ${milestones[0].id}, ${creator.id}, 'paid', ${day}) returning id`,
    ).then((r) => ("rows" in r ? (r.rows as { id: number }[]) : (r as unknown as { id: number }[])));
    for (const [kind, amount, rate] of [["milestone_award", 350_000, 7_000_000], ["milestone_adjustment", -50_000, 6_000_000]] as const) {
      await db.execute(sql`insert into ledger_entries (creator_id, kind, amount_minor, currency, milestone_award_id, original_amount_minor, original_currency, fx_rate_micros, occurred_at, available_at)
        values (${creator.id}, ${kind}, ${amount}, 'BRL', ${award.id}, 50000, 'EUR', ${rate}, ${day}, ${day})`);
    }
    await asCaller(staff.id, (c) => startPayoutRun(c, period));
    const [payout] = await payoutsOf(creator.id);
    expect(payout.amount_minor).toBe(300_000);

    const statement = (await asCaller(user.id, (c) => getMyPayoutStatement(c, payout.id)))!;
    expect(statement.lines.map((l) => [l.kind, l.amountMinor, l.bonusCorrection])).toEqual([
      ["bonus", 350_000, false],
      ["bonus", -50_000, true],
    ]);
    const csv = await text(
      await runAs(user.id, () => statementCsv(new Request("http://localhost/x", { headers: { cookie: "locale=en" } }), { params: Promise.resolve({ id: String(payout.id) }) })),
    );
    const [award1, correction] = csv.split("\r\n").filter((line) => line.includes(",Bonus,"));
    expect(award1).toMatch(/,Bonus,Milestone 1 · Challenge [^,]+,500\.00,EUR,7(\.0+)?,"?3,?500\.00"?,BRL$/);
    expect(award1).not.toMatch(/correction/);
    expect(correction).toMatch(/,Bonus,"Milestone 1 · Challenge [^,]+ · correction: the whole bonus at the rate of the milestone’s new day, less what was already credited for it",500\.00,EUR,6(\.0+)?,-500\.00,BRL$/);
  });
});
