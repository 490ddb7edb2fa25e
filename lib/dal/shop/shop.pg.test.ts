import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createOwnProductAction } from "@/app/creator/shop/actions";
import { runAs } from "@/lib/auth/identity";
import { createCreator } from "@/test/factories";
import { listMyOwnProducts } from "./queries";
import { asCaller } from "@/test/caller";

describe("adding an own product (PostgreSQL)", () => {
  it("makes one product from five quick submits of one form, and a second one from a new form", async () => {
    const { user } = await createCreator();
    const form = (formToken: string) => ({ title: "Mug", price: "12.00", currency: "EUR", url: "https://shop.example/mug", formToken });
    const token = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => runAs(user.id, () => createOwnProductAction(null, form(token)))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await asCaller(user.id, (c) => listMyOwnProducts(c))).toHaveLength(1);
    // The same form submitted again later (a retry) still makes nothing new; a fresh form does.
    await runAs(user.id, () => createOwnProductAction(null, form(token)));
    await runAs(user.id, () => createOwnProductAction(null, form(randomUUID())));
    expect(await asCaller(user.id, (c) => listMyOwnProducts(c))).toHaveLength(2);
  });
});
