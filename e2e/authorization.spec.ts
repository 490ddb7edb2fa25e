import { expect, test } from "@playwright/test";
import { PAGES, ROUTE_HANDLERS, allows } from "../lib/authz/matrix";
import type { Role } from "../db/schema";
import { clientAs, disposeClients, urlFor } from "./matrix-urls";

// Every page and GET route handler of the matrix, requested over HTTP as anonymous and as each
// demo role: allowed → 200; signed out on a protected page → /login; another role → 403.
const IDENTITIES: (Role | "anonymous")[] = ["anonymous", "creator", "staff", "marketing", "admin"];
test.afterAll(disposeClients);
const as = clientAs;

for (const [route, entry] of Object.entries(PAGES)) {
  const { access } = entry;
  test(`page ${route}: each role gets exactly its access`, async ({ baseURL }) => {
    const sample = await urlFor(entry, baseURL!);
    for (const identity of IDENTITIES) {
      const response = await (await as(identity, baseURL!)).get(sample);
      const landed = new URL(response.url()).pathname;
      const role = identity === "anonymous" ? null : identity;
      if (access !== "public" && role === null) {
        expect(landed, `${identity} ${sample}`).toBe("/login");
        expect(response.status()).toBe(200);
      } else if (allows(access, role)) {
        expect(response.status(), `${identity} ${sample}`).toBe(200);
      } else {
        expect(response.status(), `${identity} ${sample}`).toBe(403);
      }
    }
  });
}

for (const [route, entry] of Object.entries(ROUTE_HANDLERS)) {
  const get = entry.methods.GET;
  if (!get || get === "signature") continue;
  test(`GET ${route}: each role gets exactly its access`, async ({ baseURL }) => {
    const sample = await urlFor(entry, baseURL!);
    for (const identity of IDENTITIES) {
      const response = await (await as(identity, baseURL!)).get(sample, { maxRedirects: 0 });
      const role = identity === "anonymous" ? null : identity;
      if (allows(get, role)) expect(response.status(), `${identity} ${sample}`).toBeLessThan(400);
      else if (role === null) expect([302, 303, 307, 401]).toContain(response.status());
      else expect(response.status(), `${identity} ${sample}`).toBe(403);
    }
  });
}

test("signed ingest endpoints refuse unsigned requests from anyone", async ({ baseURL }) => {
  for (const [route, { methods, sample }] of Object.entries(ROUTE_HANDLERS)) {
    if (methods.POST !== "signature") continue;
    for (const identity of IDENTITIES) {
      const response = await (await as(identity, baseURL!)).post(sample, { data: { events: [], orders: [] } });
      expect(response.status(), `${identity} POST ${route}`).toBe(401);
    }
  }
});
