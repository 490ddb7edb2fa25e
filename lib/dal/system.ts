// FOR THE DEMO SEED ONLY (lib/demo/seed-data.ts). The seed has no session: this module is its one way
// into the data access layer's money code, with the same rules as every other caller. Ingest
// is the platform's and the shop's (their batches go through the ingest functions as if they
// were signed requests). Payout runs and decisions take systemCaller("seed", staffId) and the
// seed's { db, at } directly (lib/dal/payouts/). Never import it from a page, route
// handler or server action: those check the session (lib/dal/session.ts).
import "server-only";

export { ingestActivityEvents } from "./ingest/activity";
export { ingestOrders } from "./ingest/orders";
