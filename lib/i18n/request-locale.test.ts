import { describe, expect, it } from "vitest";
import { localeOfHeaders, localeOfRequest } from "./request-locale";
import { localeOf } from "./translator";

const req = (headers: Record<string, string>) => new Request("http://x/", { headers });

describe("the reader's language (one rule for pages and route handlers)", () => {
  it("takes the language cookie first, else Accept-Language, else English", () => {
    expect(localeOfRequest(req({ cookie: "a=1; locale=fr; b=2", "accept-language": "en-US" }))).toBe("fr");
    expect(localeOfRequest(req({ cookie: "locale=de", "accept-language": "fr-FR,en;q=0.5" }))).toBe("fr");
    expect(localeOfRequest(req({ "accept-language": "de-DE" }))).toBe("en");
    expect(localeOfRequest(req({}))).toBe("en");
  });
  it("ignores cookies whose name only ends in locale", () => {
    expect(localeOfRequest(req({ cookie: "xlocale=fr", "accept-language": "en" }))).toBe("en");
  });
  it("is the same function for route handlers and for next/headers", () => {
    const h = new Headers({ cookie: "locale=fr" });
    expect(localeOfHeaders(h)).toBe("fr");
    expect(localeOf).toBe(localeOfRequest);
  });
});
