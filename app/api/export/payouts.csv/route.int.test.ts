import { afterEach, describe, expect, it } from "vitest";
import { GET as creatorStatementCsv } from "@/app/creator/payouts/[id]/statement.csv/route";
import { GET as staffStatementCsv } from "@/app/staff/payouts/[id]/statement.csv/route";
import { runAs } from "@/lib/auth/identity";
import { asCaller } from "@/test/caller";
import { startPayoutRun } from "@/lib/dal/payouts/run";
import { addEntry, inPeriod, payoutsOf } from "@/test/ledger";
import { createCreator, createUser } from "@/test/factories";
import { expectLedgerInvariant } from "@/test/ledger-invariant";
import { GET } from "./route";

// next.config.ts turns on authInterrupts; Next passes it to forbidden() through this variable.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

/** The body as sent, byte-order mark included (Response.text() would drop it). */
async function body(response: Response): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
}

/** What Next's notFound() / forbidden() throw, as "404" / "403". */
const httpFallback = (promise: Promise<unknown>) =>
  promise.then(
    () => "no error",
    (e: { digest?: string }) => e.digest?.split(";")[1] ?? String(e),
  );

const request = (path: string, locale = "en") => new Request(`http://localhost${path}`, { headers: { cookie: `locale=${locale}` } });
const params = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

afterEach(async () => {
  await expectLedgerInvariant();
});

describe("payout CSV downloads", () => {
  it("exports the filtered queue for staff: BOM, RFC 4180, major units, the reader's language", async () => {
    const staff = await createUser("staff");
    const { creator } = await createCreator({ country: "LU" });
    await addEntry(creator.id, 123_456, inPeriod("2019-01"));
    await asCaller(staff.id, (c) => startPayoutRun(c, "2019-01"));
    const [payout] = await payoutsOf(creator.id);

    const response = await runAs(staff.id, () => GET(request("/api/export/payouts.csv?status=all&country=LU&min=1000", "fr")));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="payouts-all-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = await body(response);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    // A French reader: ";" and decimal commas, French headers and dates (one CSV writer, lib/domain/csv.ts).
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines[0].split(";").slice(0, 9)).toEqual(["Paiement", "Période", "Créateur", "Identifiant", "Pays", "Devise", "Montant", "Montant (EUR)", "Statut"]);
    expect(lines).toHaveLength(2);
    expect(lines[1].startsWith(`${payout.id};2019-01;Test Creator;`)).toBe(true);
    expect(lines[1]).toMatch(/;LU;EUR;1234,56;1234,56;En attente de revue;0\/2;\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2};/);
    // Commas when asked: the headers stay French, the decimal mark follows the separator.
    const commas = await body(await runAs(staff.id, () => GET(request("/api/export/payouts.csv?status=all&country=LU&sep=comma", "fr"))));
    expect(commas.slice(1).split("\r\n")[0].startsWith("Paiement,Période,Créateur,")).toBe(true);
    expect(commas).toContain(",LU,EUR,1234.56,1234.56,En attente de revue,");

    const none = await runAs(staff.id, () => GET(request("/api/export/payouts.csv?status=all&country=LU&max=100")));
    expect((await body(none)).slice(1).trimEnd().split("\r\n")).toHaveLength(1);
  });

  it("refuses the queue export to creators and marketing", async () => {
    const { user } = await createCreator();
    const marketing = await createUser("marketing");
    expect(await httpFallback(runAs(user.id, () => GET(request("/api/export/payouts.csv"))))).toBe("403");
    expect(await httpFallback(runAs(marketing.id, () => GET(request("/api/export/payouts.csv"))))).toBe("403");
  });

  it("gives a creator their own statement as CSV and nobody else's", async () => {
    const staff = await createUser("staff");
    const mine = await createCreator();
    const other = await createCreator();
    await addEntry(mine.creator.id, 20_000, inPeriod("2019-02"), { note: 'Bonus, "creator week"' });
    await addEntry(other.creator.id, 20_000, inPeriod("2019-02"));
    await asCaller(staff.id, (c) => startPayoutRun(c, "2019-02"));
    const [payout] = await payoutsOf(mine.creator.id);
    const [theirs] = await payoutsOf(other.creator.id);

    const response = await runAs(mine.user.id, () => creatorStatementCsv(request(`/creator/payouts/${payout.id}/statement.csv`), params(payout.id)));
    const text = await body(response);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("Date,Entry,Type,Description,Original amount,Original currency,Exchange rate,Amount,Currency");
    expect(lines[1]).toMatch(/^2019-02-15,\d+,Adjustment,"Bonus, ""creator week""",,,,200\.00,EUR$/);
    expect(lines[2]).toBe(`,,Final amount,"Payout #${payout.id}, 2019-02",,,,200.00,EUR`);

    expect(await httpFallback(runAs(mine.user.id, () => creatorStatementCsv(request("/x"), params(theirs.id))))).toBe("404");
    expect(await httpFallback(runAs(staff.id, () => creatorStatementCsv(request("/x"), params(payout.id))))).toBe("403");
    const staffView = await runAs(staff.id, () => staffStatementCsv(request("/x"), params(theirs.id)));
    expect(staffView.status).toBe(200);
    expect(await httpFallback(runAs(mine.user.id, () => staffStatementCsv(request("/x"), params(payout.id))))).toBe("403");
  });
});
