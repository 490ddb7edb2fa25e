import { createTranslator } from "next-intl";
import { NextResponse, type NextRequest } from "next/server";
import { recordAffiliateClick } from "@/lib/dal/shop/commands";
import { localeOfRequest } from "@/lib/i18n/request-locale";
import { catalogs } from "@/messages";

export const dynamic = "force-dynamic";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A follower who clicks the same link again within a day is one click, not two. */
const CLICK_COOKIE = "cr_click";

/**
 * An affiliate link as followers click it: counts the click (once a day per browser, by a
 * cookie scoped to the link) and sends them (302) to the shop product. Public on purpose
 * (proxy.ts guards only the role areas). An unknown code gets a
 * small 404 page in the reader's language, since a route handler cannot render not-found.tsx.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const code = (await params).code.toLowerCase();
  const seen = request.cookies.has(CLICK_COOKIE);
  const target = await recordAffiliateClick(code, { alreadyCounted: seen });
  if (target) {
    const response = NextResponse.redirect(target, { status: 302, headers: { "cache-control": "no-store" } });
    // Scoped to this link's path: it only ever travels with clicks on this link.
    if (!seen)
      response.cookies.set(CLICK_COOKIE, "1", {
        path: `/r/${code}`,
        maxAge: 24 * 60 * 60,
        httpOnly: true,
        sameSite: "lax",
        secure: request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
      });
    return response;
  }
  const locale = localeOfRequest(request);
  const t = createTranslator({ locale, messages: catalogs[locale], namespace: "storefront.unknownLink" });
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t("title"))}</title>
<style>body{font-family:ui-sans-serif,system-ui,sans-serif;color:#111827;background:#f8fafc;margin:0}main{max-width:36rem;margin:0 auto;padding:6rem 1.5rem;text-align:center}p.code{color:#6d28d9;font-weight:600;font-size:.875rem}a{display:inline-block;margin-top:1.5rem;background:#6d28d9;color:#fff;padding:.5rem 1rem;border-radius:.375rem;text-decoration:none;font-weight:500}</style>
</head><body><main><p class="code">404</p><h1>${escapeHtml(t("title"))}</h1><p>${escapeHtml(t("body"))}</p><a href="/">${escapeHtml(t("home"))}</a></main></body></html>`;
  return new Response(html, { status: 404, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
