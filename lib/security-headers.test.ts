import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, wantsNonce } from "./security-headers.mjs";

describe("the page CSP", () => {
  it("puts the nonce in script-src; eval and no upgrade only in development", () => {
    const production = contentSecurityPolicy("abc", false);
    expect(production).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
    expect(production).toContain("upgrade-insecure-requests");
    expect(production).not.toContain("unsafe-eval");
    const dev = contentSecurityPolicy("xyz", true);
    expect(dev).toContain("'nonce-xyz' 'strict-dynamic' 'unsafe-eval'");
    expect(dev).not.toContain("upgrade-insecure-requests");
  });

  it("makes a new 128-bit nonce each time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});

describe("which requests get a nonce", () => {
  it("pages and their navigations do, with or without a query", () => {
    for (const path of ["/", "/login", "/creator?range=30d", "/c/someone", "/robots.txt"]) expect(wantsNonce(path, {}), path).toBe(true);
    expect(wantsNonce("/creator", { rsc: "1" })).toBe(true);
  });

  it("the framework's files, the API and prefetches do not", () => {
    for (const path of ["/_next/static/chunks/a.js", "/_next/image?url=x", "/api/health", "/favicon.ico", "/bench-bare"]) expect(wantsNonce(path, {}), path).toBe(false);
    expect(wantsNonce("/creator", { "next-router-prefetch": "1" })).toBe(false);
    expect(wantsNonce("/creator", { purpose: "prefetch" })).toBe(false);
  });
});
