import type { Page } from "@playwright/test";

/** /creator/shop: the creator's own products, affiliate links and the shop catalog. */
export class ShopPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/creator/shop");
  }

  titleField() {
    return this.page.getByLabel("Title", { exact: true });
  }

  async addProduct(product: { title: string; price: string; url: string }) {
    await this.page.getByLabel("Title", { exact: true }).fill(product.title);
    await this.priceField().fill(product.price);
    await this.page.getByLabel("Product page", { exact: true }).fill(product.url);
    await this.page.getByRole("button", { name: "Add product" }).click();
  }

  priceField() {
    return this.page.getByLabel("Price", { exact: true });
  }

  myProducts() {
    return this.page.getByRole("region", { name: "My products" });
  }

  async searchCatalog(text: string) {
    await this.page.getByRole("searchbox", { name: "Search", exact: true }).fill(text);
    await this.page.getByRole("search").getByRole("button", { name: "Search" }).click();
  }

  catalogCard(title: string) {
    return this.page.getByRole("article", { name: title, exact: true });
  }

  promoteButton(title: string) {
    return this.page.getByRole("button", { name: `Promote: ${title}` });
  }

  /** The read-only field holding the creator's affiliate link for a product. */
  linkField(title: string) {
    return this.page.getByRole("textbox", { name: `Your affiliate link for ${title}` });
  }
}
