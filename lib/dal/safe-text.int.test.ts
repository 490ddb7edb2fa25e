// A NUL character or a lone surrogate in one string must cost that item (or that field), never
// the whole batch or a 500: PostgreSQL refuses both in text and jsonb.
import { describe, expect, it } from "vitest";
import { createOwnProductAction } from "@/app/creator/shop/actions";
import { POST as postEvents } from "@/app/api/events/route";
import { runAs } from "@/lib/auth/identity";
import { createCreator } from "@/test/factories";
import { postSigned } from "@/test/signed-request";
import { createAffiliateLink, createShopProduct, paid, postOrders, refund } from "@/test/shop";
import { listMyOwnProducts } from "./shop/queries";
import { asCaller } from "@/test/caller";

const BAD = ["\u0000", "\ud800", "\udc00"];

describe("NUL and lone surrogates", () => {
  it("rejects only the events that carry them, by index and with a reason", async () => {
    const { creator } = await createCreator();
    const event = (id: string, c = creator.handle) => ({ id, creator: c, metric: "stars_received", amount: 5, occurredAt: new Date(Date.now() - 60_000).toISOString() });
    const stamp = Date.now().toString(36);
    const events = [
      event(`ok-1-${stamp}`),
      event(`bad\u0000id-${stamp}`),
      event(`ok-2-${stamp}`),
      event(`bad-c-${stamp}`, `${creator.handle}\ud800`),
      event(`lone\udc00-${stamp}`),
    ];
    const { status, body } = await postSigned(postEvents, "/api/events", { events });
    expect(status).toBe(200);
    expect(body.accepted).toBe(2);
    const rejected = body.rejected as { index: number; error: string }[];
    expect(rejected.map((r) => r.index)).toEqual([1, 3, 4]);
    expect(rejected[0].error).toBe("id contains a NUL character or an unpaired surrogate");
    expect(rejected[1].error).toBe("creator contains a NUL character or an unpaired surrogate");
  });

  it("rejects only the orders and refunds that carry them", async () => {
    const { creator } = await createCreator();
    const product = await createShopProduct({});
    const { code } = await createAffiliateLink(creator.id, product.id);
    const good = paid(code, 1000);
    const { status, body } = await postOrders({
      orders: [
        { ...paid(code, 1000), id: `ord\u0000x${Date.now()}` },
        good,
        { ...paid(code, 1000), affiliateCode: `${code}\ud800` },
        { ...paid(code, 1000), buyer: "b\u0000b" },
        { ...refund(good.id, 100), orderId: `${good.id}\udc00` },
      ],
    });
    expect(status).toBe(200);
    const rejected = body.rejected as { index: number; error: string }[];
    expect(rejected.map((r) => r.index)).toEqual([0, 2, 3, 4]);
    expect(rejected.map((r) => r.error.split(" ")[0])).toEqual(["id", "affiliateCode", "buyer", "orderId"]);
    expect(rejected.every((r) => r.error.endsWith("contains a NUL character or an unpaired surrogate"))).toBe(true);
  });

  it("answers a server action's field with a field error, not a 500", async () => {
    const { user } = await createCreator();
    for (const bad of BAD) {
      const result = await runAs(user.id, () =>
        createOwnProductAction(null, { title: `Mug${bad}`, price: "12.00", currency: "EUR", url: "https://shop.example/mug", imageUrl: `https://x.example/${bad}.png` }),
      );
      expect(result).toMatchObject({
        ok: false,
        fieldErrors: { title: ["trust.validation.unsafe_text"], imageUrl: ["trust.validation.unsafe_text"] },
      });
    }
    expect(await asCaller(user.id, (c) => listMyOwnProducts(c))).toEqual([]);
  });
});
