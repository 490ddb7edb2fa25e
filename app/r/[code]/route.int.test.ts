// GET /r/[code], an affiliate link as followers click it, through its route handler on a real
// database (both engines).
import { eq, inArray } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { affiliateLinks } from "@/db/schema";
import { recordAffiliateClick } from "@/lib/dal/shop/commands";
import { createCreator } from "@/test/factories";
import { createAffiliateLink, createShopProduct } from "@/test/shop";
import { GET as redirectGET } from "./route";

const click = (code: string, headers: Record<string, string> = {}) =>
  redirectGET(new NextRequest(`http://localhost/r/${code}`, { headers }), { params: Promise.resolve({ code }) });

describe("GET /r/[code]", () => {
  it("counts a click and redirects with 302 to the shop product, tagged with the code", async () => {
    const { creator } = await createCreator();
    const product = await createShopProduct();
    const link = await createAffiliateLink(creator.id, product.id);
    const response = await click(link.code);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${product.url}?aff=${link.code}`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    await click(link.code);
    const db = await getDb();
    const [row] = await db.select().from(affiliateLinks).where(eq(affiliateLinks.id, link.id));
    expect(row.clicks).toBe(2);
  });

  it("counts a browser's repeated clicks on a link once a day, through a cookie scoped to that link", async () => {
    const { creator } = await createCreator();
    const product = await createShopProduct();
    const link = await createAffiliateLink(creator.id, product.id);
    const other = await createAffiliateLink(creator.id, (await createShopProduct()).id);
    const first = await click(link.code);
    const cookie = first.headers.get("set-cookie") ?? "";
    const attributes = cookie.split(";").map((a) => a.trim().toLowerCase());
    expect(attributes[0]).toBe("cr_click=1");
    expect(attributes).toEqual(expect.arrayContaining([`path=/r/${link.code}`, "max-age=86400", "httponly", "samesite=lax"]));
    // The same browser again: still sent to the shop, not counted, no new cookie.
    const again = await click(link.code, { cookie: "cr_click=1" });
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe(`${product.url}?aff=${link.code}`);
    expect(again.headers.get("set-cookie")).toBeNull();
    // Another browser, and the first browser on another link (its cookie is not sent there).
    await click(link.code);
    await click(other.code);
    const db = await getDb();
    const counts = await db.select({ id: affiliateLinks.id, clicks: affiliateLinks.clicks }).from(affiliateLinks).where(inArray(affiliateLinks.id, [link.id, other.id]));
    expect(Object.fromEntries(counts.map((c) => [c.id, c.clicks]))).toEqual({ [link.id]: 2, [other.id]: 1 });
  });

  it("answers an unknown or malformed code with a 404 page in the reader's language, and counts nothing", async () => {
    const unknown = await click("nosuchcode");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toMatch(/text\/html/);
    expect(await unknown.text()).toMatch(/This link does not exist/);
    const french = await click("nosuchcode", { cookie: "locale=fr" });
    expect(await french.text()).toMatch(/Ce lien n’existe pas/);
    expect((await click("%3Cscript%3E")).status).toBe(404);
    expect(await recordAffiliateClick("../../etc")).toBeNull();
  });
});
