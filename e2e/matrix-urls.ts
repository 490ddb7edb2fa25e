import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import type { Sample } from "../lib/authz/matrix";
import type { Role } from "../db/schema";
import { storageState } from "./fixtures";

const contexts = new Map<string, APIRequestContext>();

/** An API client signed in as a demo role (or anonymous), reused across tests of a file. */
export async function clientAs(identity: Role | "anonymous", baseURL: string): Promise<APIRequestContext> {
  if (!contexts.has(identity)) {
    contexts.set(identity, await playwrightRequest.newContext({ baseURL, ...(identity === "anonymous" ? {} : { storageState: storageState(identity) }) }));
  }
  return contexts.get(identity)!;
}

export async function disposeClients(): Promise<void> {
  for (const c of contexts.values()) await c.dispose();
  contexts.clear();
}

/** The matrix's sample URL, or the first link on the listing page that `discover` names. */
export async function urlFor(entry: Sample, baseURL: string): Promise<string> {
  if (!entry.discover) return entry.sample;
  const html = await (await (await clientAs(entry.discover.as, baseURL)).get(entry.discover.from)).text();
  const pattern = new RegExp(entry.discover.pattern);
  const href = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, "&")).find((h) => pattern.test(h));
  expect(href, `a link matching ${entry.discover.pattern} on ${entry.discover.from}`).toBeTruthy();
  return href! + (entry.discover.append ?? "");
}
