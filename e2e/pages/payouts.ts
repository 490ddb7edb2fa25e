import { expect, type Locator, type Page } from "@playwright/test";

/** /staff/payouts: the review queue and its URL filters. */
export class PayoutQueuePage {
  constructor(private readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/staff/payouts${query}`);
  }

  async filter(options: { status?: RegExp; fraud?: RegExp; sort?: RegExp }) {
    const form = this.page.getByRole("form", { name: /filter the payouts|filtrer les paiements/i });
    if (options.status) await selectByText(form.getByLabel(/^(status|statut)$/i), options.status);
    if (options.fraud) await selectByText(form.getByLabel(/^(fraud signals|signaux de fraude)$/i), options.fraud);
    if (options.sort) await selectByText(form.getByLabel(/^(sort by|trier par)$/i), options.sort);
    await form.getByRole("button", { name: /^(apply|appliquer)$/i }).click();
  }

  /** The queue's table rows, the header row first (one table at every width). */
  rows(): Locator {
    return this.page.getByRole("table", { name: /payouts matching the filters|paiements correspondant aux filtres/i }).getByRole("row");
  }

  /** Opens the first row that contains `text`; returns the payout id from the URL. */
  async open(text: RegExp | string): Promise<number> {
    const row = this.rows().filter({ hasText: text }).first();
    await row.getByRole("link").first().click();
    await expect(this.page).toHaveURL(/\/staff\/payouts\/\d+$/);
    return Number(new URL(this.page.url()).pathname.split("/").pop());
  }
}

/** /staff/payouts/[id]: one payout and the decisions on it. */
export class PayoutReviewPage {
  constructor(private readonly page: Page) {}

  async goto(id: number) {
    await this.page.goto(`/staff/payouts/${id}`);
  }

  status(): Locator {
    return this.page.getByRole("status").filter({ has: this.page.getByRole("heading", { name: /^(status|statut)$/i }) });
  }

  approveForm(): Locator {
    return this.page.getByRole("form", { name: /^(approve|give the second approval|approuver|donner la seconde approbation)$/i });
  }

  async approve(note = "") {
    const form = this.approveForm();
    await form.getByLabel(/^note/i).fill(note);
    await form.getByRole("button", { name: /^(approve|approuver)$/i }).click();
  }

  /** The form-level message after a refused action. */
  refusal(): Locator {
    return this.approveForm().getByRole("alert").filter({ hasText: /./ });
  }
}

async function selectByText(select: Locator, label: RegExp) {
  const options = await select.locator("option").allInnerTexts();
  const match = options.find((o) => label.test(o));
  if (!match) throw new Error(`no option matching ${label} in ${options.join(", ")}`);
  await select.selectOption({ label: match });
}
