// GET /api/export/earnings.csv through its route handler, on a real database (both engines).
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { ledgerEntries } from "@/db/schema";
import { runAs } from "@/lib/auth/identity";
import { createCreator, createUser } from "@/test/factories";
import { creatorWithEarnings } from "@/test/earnings";
import { createAffiliateLink, createShopProduct, paid, postOrders } from "@/test/shop";
import { GET as exportGET } from "./route";

const DAY = 86_400_000;

describe("GET /api/export/earnings.csv", () => {
  const download = (userId: number, query = "", headers: Record<string, string> = {}) =>
    runAs(userId, async () => {
      const response = await exportGET(new Request(`http://localhost/api/export/earnings.csv${query}`, { headers }));
      const bytes = new Uint8Array(await response.arrayBuffer());
      // ignoreBOM: keep the byte order mark in the text, to check it is there.
      return { response, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
    });

  it("exports the creator's entries as CSV a spreadsheet opens: BOM, RFC 4180 quoting, CRLF", async () => {
    const { user, creator, recent, back, link } = await creatorWithEarnings();
    const { response, text, bytes } = await download(user.id);
    expect(response.status).toBe(200);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`attachment; filename="earnings-${creator.handle.replace(/\./g, "\\.")}-\\d{4}-\\d{2}-\\d{2}\\.csv"`));
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines.at(-1)).toBe(""); // every record ends with CRLF
    expect(lines[0]).toBe("Date (UTC),Kind,Source,Amount,Currency,Status,Original amount,Original currency,Exchange rate");
    expect(lines).toHaveLength(1 + 4 + 1);
    expect(lines.find((l) => l.includes(`"Order ${recent.id}`))).toMatch(
      new RegExp(`^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},Commission,"Order ${recent.id}: Lamp, ""big"" \\(link ${link.code}\\)",5\\.00,EUR,Pending,,,$`),
    );
    expect(lines.find((l) => l.includes(back.id))).toMatch(/,-1\.00,EUR,Pending,,,$/);
    expect(lines.find((l) => l.includes("Milestone 1"))).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},Milestone bonus,Milestone 1 of Challenge \w+,25\.00,EUR,Available,,,$/);
  });

  it("uses semicolons and decimal commas for French readers, or when asked; commas when asked", async () => {
    const { user } = await creatorWithEarnings();
    const french = await download(user.id, "", { cookie: "locale=fr" });
    const header = french.text.slice(1).split("\r\n")[0];
    expect(header).toBe("Date (UTC);Type;Origine;Montant;Devise;Statut;Montant d’origine;Devise d’origine;Taux de change");
    expect(french.text).toMatch(/;-1,00;EUR;En attente;;;\r\n/);
    expect(french.text).toContain(';"Commande ');
    const asked = await download(user.id, "?sep=semicolon");
    expect(asked.text.slice(1).split("\r\n")[0]).toContain("Date (UTC);Kind;Source");
    const commas = await download(user.id, "?sep=comma", { "accept-language": "fr-FR,fr;q=0.9" });
    expect(commas.text.slice(1).split("\r\n")[0]).toBe("Date (UTC),Type,Origine,Montant,Devise,Statut,Montant d’origine,Devise d’origine,Taux de change");
    expect(commas.text).toMatch(/,-1\.00,EUR,En attente,,,\r\n/);
  });

  it("keeps the list's filters, writes the conversion, and defuses formulas in text", async () => {
    const db = await getDb();
    const day = new Date().toISOString().slice(0, 10);
    await db.execute(sql`insert into exchange_rates (day, base, quote, rate_micros) values (${day}, 'USD', 'EUR', 920000) on conflict do nothing`);
    const { user, creator } = await createCreator();
    const product = await createShopProduct({ commissionBps: 1000, currency: "USD", title: "=HYPERLINK(\"http://evil\")" });
    const link = await createAffiliateLink(creator.id, product.id);
    await postOrders({ orders: [paid(link.code, 4999, { currency: "USD" })] });
    const { text } = await download(user.id, "?kind=commission&status=pending");
    const [, row] = text.slice(1).split("\r\n");
    expect(row).toMatch(/,Commission,"Order ord_t_\w+: =HYPERLINK\(""http:\/\/evil""\) \(link \w+\)",4\.60,EUR,Pending,5\.00,USD,0\.92$/);
    const none = await download(user.id, "?kind=milestone_award");
    expect(none.text.slice(1).split("\r\n")).toHaveLength(2);
    // Free text that starts like a formula is prefixed so a spreadsheet shows it as text.
    const note = "=1+1";
    await db.insert(ledgerEntries).values({ creatorId: creator.id, kind: "adjustment", note, amountMinor: 100, currency: "EUR", occurredAt: new Date(), availableAt: new Date() });
    const adjustments = await download(user.id, "?kind=adjustment");
    expect(adjustments.text).toContain(",'=1+1,1.00,EUR,");
  });

  it("streams many entries in batches, all of them, once", async () => {
    const { user, creator } = await createCreator();
    const db = await getDb();
    const at = Date.now() - DAY;
    await db.insert(ledgerEntries).values(
      Array.from({ length: 2345 }, (_, i) => ({
        creatorId: creator.id,
        kind: "adjustment" as const,
        note: `bulk ${i}`,
        amountMinor: 1,
        currency: "EUR",
        occurredAt: new Date(at - Math.floor(i / 3) * 1000), // ties on the time, to test the keyset
        availableAt: new Date(at),
      })),
    );
    const { text } = await download(user.id);
    const lines = text.slice(1).split("\r\n").slice(1, -1);
    expect(lines).toHaveLength(2345);
    expect(new Set(lines.map((l) => l.split(",")[2])).size).toBe(2345);
  });

  it("is refused to anyone but a creator", async () => {
    const staff = await createUser("staff");
    await expect(download(staff.id)).rejects.toThrow();
    await expect(download(null as unknown as number)).rejects.toThrow();
  });
});
