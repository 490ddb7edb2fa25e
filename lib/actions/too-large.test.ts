import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, actionBodyRefusal } from "./too-large.mjs";

// server.mjs answers these before Next.js reads the body; e2e/security.spec.ts sends them over HTTP.
describe("server action bodies", () => {
  const action = { "next-action": "0".repeat(42) };
  const over = { "content-length": String(ACTION_BODY_LIMIT_BYTES + 1) };

  it("are refused over the limit, with or without the Next-Action header (a form posted before the scripts load has none)", () => {
    expect(actionBodyRefusal("POST", "/creator", { ...action, ...over })?.status).toBe(413);
    expect(actionBodyRefusal("POST", "/creator/shop?tab=links", over)?.status).toBe(413);
    expect(actionBodyRefusal("POST", "/creator", { ...action, "content-length": String(ACTION_BODY_LIMIT_BYTES) })).toBeNull();
  });

  it("read the path as Next.js routes it: dot segments that leave /api lead to a page", () => {
    expect(actionBodyRefusal("POST", "/api/../creator/shop", over)?.status).toBe(413);
    expect(actionBodyRefusal("POST", "/api/%2e%2e/login", over)?.status).toBe(413);
    expect(actionBodyRefusal("POST", "/api?x=1", over)).toBeNull();
  });

  it("leave the API's own routes, bodies of unknown length and other methods to their handlers", () => {
    expect(actionBodyRefusal("POST", "/api/events", over)).toBeNull();
    expect(actionBodyRefusal("POST", "/api/auth/callback/credentials", over)).toBeNull();
    // Chunked: Next.js stops reading at the same limit (some proxies forward every body chunked).
    expect(actionBodyRefusal("POST", "/login", { ...action, "transfer-encoding": "chunked" })).toBeNull();
    expect(actionBodyRefusal("GET", "/creator", over)).toBeNull();
    // An action called on an /api path is still an action.
    expect(actionBodyRefusal("POST", "/api/anything", { ...action, ...over })?.status).toBe(413);
  });
});
