import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { storageState, type DemoRole } from "./fixtures";

// Issue 16 items 5 and 6: CSV files open right in French Excel (";" and decimal commas, French
// headers, also when the reader asks for commas), and the audit log exports with its filters,
// amounts as money in the payout's currency.

async function frenchPage(browser: Browser, role: DemoRole, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState(role), locale: "fr-FR" });
  await context.addCookies([{ name: "locale", value: "fr", url: baseURL }]);
  return context.newPage();
}

/** Clicks a download link and returns the file as sent, byte-order mark included. */
async function download(page: Page, link: ReturnType<Page["getByRole"]>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const bytes = await readFile((await file.path())!);
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

test("a French creator downloads earnings as French Excel reads them, and commas keep French headers", async ({ browser, baseURL }) => {
  const page = await frenchPage(browser, "creator", baseURL!);
  await page.goto("/creator/earnings");
  const text = await download(page, page.getByRole("link", { name: "Exporter en CSV" }));
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const [header, first] = text.slice(1).split("\r\n");
  expect(header).toBe("Date (UTC);Type;Origine;Montant;Devise;Statut;Montant d’origine;Devise d’origine;Taux de change");
  expect(first).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2};/);
  expect(first).toMatch(/;-?\d+,\d{2};[A-Z]{3};/);

  const commas = await download(page, page.getByRole("link", { name: "Utiliser des virgules" }));
  const [commaHeader, commaFirst] = commas.slice(1).split("\r\n");
  expect(commaHeader).toBe("Date (UTC),Type,Origine,Montant,Devise,Statut,Montant d’origine,Devise d’origine,Taux de change");
  expect(commaFirst).toMatch(/,-?\d+\.\d{2},[A-Z]{3},/);
  await page.context().close();
});

test("staff export a French payout statement and the filtered audit log with money, not minor units", async ({ browser, baseURL }) => {
  const page = await frenchPage(browser, "staff", baseURL!);
  await page.goto("/staff/payouts?status=all");
  await page.getByRole("table").getByRole("link").first().click();
  await page.getByRole("link", { name: /relevé/i }).first().click();
  const statement = await download(page, page.getByRole("link", { name: /csv/i }));
  const [header, line] = statement.slice(1).split("\r\n");
  expect(header.split(";")[0]).toBe("Date");
  expect(header).toContain(";Montant;Devise");
  expect(line).toMatch(/^\d{2}\/\d{2}\/\d{4};\d+;/);
  expect(line).toMatch(/;-?\d+,\d{2};[A-Z]{3}$/);

  // The audit log keeps the page's filters in its export.
  await page.goto("/staff/audit?action=payout.mark_paid");
  const audit = await download(page, page.getByRole("link", { name: "Exporter en CSV" }));
  const rows = audit.slice(1).trimEnd().split("\r\n");
  expect(rows[0]).toBe("Date (UTC);Qui;E-mail;Action;Objet;Id;Montant;Devise;Modifications");
  expect(rows.length).toBeGreaterThan(1);
  for (const row of rows.slice(1)) {
    expect(row).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2};/);
    expect(row.split(";")[3]).toBe("Paiement marqué payé");
  }
  await page.context().close();
});
