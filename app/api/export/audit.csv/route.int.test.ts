// Issue 16 item 6: the audit log exports as CSV with the page's filters; amounts are money in
// the payout's currency and dates in the reader's locale, in the export and on the page.
import { describe, expect, it } from "vitest";
import { runAs } from "@/lib/auth/identity";
import { asCaller } from "@/test/caller";
import { startPayoutRun } from "@/lib/dal/payouts/run";
import { approvePayout, markPayoutPaid } from "@/lib/dal/payouts/commands";
import { addEntry, inPeriod, payoutsOf } from "@/test/ledger";
import { createCreator, createUser } from "@/test/factories";
import { GET } from "./route";

process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

const body = async (r: Response) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await r.arrayBuffer());
const request = (path: string, locale: string) => new Request(`http://localhost${path}`, { headers: { cookie: `locale=${locale}` } });

describe("GET /api/export/audit.csv", () => {
  it("exports the filtered log with money in the payout's currency and dates in the reader's locale", async () => {
    const staff = await createUser("staff");
    const { creator } = await createCreator({ currency: "SEK", country: "SE" });
    await addEntry(creator.id, 127_479, inPeriod("2019-03"), { currency: "SEK" });
    await asCaller(staff.id, (c) => startPayoutRun(c, "2019-03"));
    const [payout] = await payoutsOf(creator.id);
    await asCaller(staff.id, (c) => approvePayout(c, { payoutId: payout.id, version: payout.version }));
    const second = await createUser("staff");
    // No SEK rate: two approvals.
    await asCaller(second.id, (c) => approvePayout(c, { payoutId: payout.id, version: payout.version + 1 }));
    await asCaller(staff.id, (c) => markPayoutPaid(c, { payoutId: payout.id, version: payout.version + 2, paymentReference: "=SEPA-77" }));

    const fr = await body(await runAs(staff.id, () => GET(request(`/api/export/audit.csv?action=payout.mark_paid&entity=payout&entityId=${payout.id}`, "fr"))));
    expect(fr.charCodeAt(0)).toBe(0xfeff);
    const lines = fr.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("Date (UTC);Qui;E-mail;Action;Objet;Id;Montant;Devise;Modifications");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2};[^;]+;[^;]+;[^;]+;[^;]+;${payout.id};1274,79;SEK;`));
    expect(lines[1]).toContain("Montant: — → 1\u202f274,79\u00a0SEK");
    expect(lines[1]).not.toContain("127479");
    expect(lines[1]).toContain("Statut: Approuvé → Payé");

    const en = await body(await runAs(staff.id, () => GET(request(`/api/export/audit.csv?entity=payout&entityId=${payout.id}`, "en"))));
    const enLines = en.slice(1).trimEnd().split("\r\n");
    expect(enLines[0]).toBe("Date (UTC),Who,Email,Action,Entity,Id,Amount,Currency,Changes");
    expect(enLines).toHaveLength(4); // approve, approve, mark paid
    expect(en).toContain(",1274.79,SEK,");
    expect(en).toContain("Amount: — → SEK\u00a01,274.79");
  });

  it("is refused to creators and marketing", async () => {
    const { user } = await createCreator();
    const marketing = await createUser("marketing");
    for (const id of [user.id, marketing.id]) {
      const outcome = await runAs(id, () => GET(request("/api/export/audit.csv", "en"))).then(
        () => "no error",
        (e: { digest?: string }) => e.digest?.split(";")[1] ?? String(e),
      );
      expect(outcome).toBe("403");
    }
  });
});
