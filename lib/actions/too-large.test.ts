import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, actionBodyRefusal } from "./too-large.mjs";

// server.mjs answers these before Next.js reads the body; e2e/security.spec.ts sends them over HTTP.
describe("server action bodies", () => {
  const action = { "next-action": "0".repeat(42) };
  it("are refused over the limit, with or without the Next-Action header (a form posted before the scripts load has none)", () => {
    const over = String(ACTION_BODY_LIMIT_BYTES + 1);
    expect(actionBodyRefusal("POST", "/creator", { ...action, "content-length": over })?.status).toBe(413);
    expect(actionBodyRefusal("POST", "/creator/shop?tab=links", { "content-length": over })?.status).toBe(413);
    expect(actionBodyRefusal("POST", "/creator", { ...action, "content-length": String(ACTION_BODY_LIMIT_BYTES) })).toBeNull();
  });

  it("are refused when they do not say their length: a chunked body's size is known only once read", () => {
    expect(actionBodyRefusal("POST", "/login", { ...action, "transfer-encoding": "chunked" })?.status).toBe(411);
    expect(actionBodyRefusal("POST", "/login", {})?.status).toBe(411);
  });

  it("leave the API's own routes and every other method to their handlers", () => {
    expect(actionBodyRefusal("POST", "/api/events", { "transfer-encoding": "chunked" })).toBeNull();
    expect(actionBodyRefusal("POST", "/api/auth/callback/credentials", { "content-length": "99999999" })).toBeNull();
    expect(actionBodyRefusal("GET", "/creator", {})).toBeNull();
    // An action called on an /api path is still an action.
    expect(actionBodyRefusal("POST", "/api/anything", { ...action })?.status).toBe(411);
  });
});
