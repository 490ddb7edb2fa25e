// FOR THE DEMO SEED ONLY (lib/demo/seed-data.ts). The seed has no session: this module is its one way
// into the data access layer's money code, with the same rules as every other caller. Ingest
// is the platform's and the shop's (their batches go through the ingest functions as if they
// were signed requests); payout runs and decisions are taken as the named staff account, at the
// time of the demo's story, inside the seed's transaction. Never import it from a page, route
// handler or server action: those check the session (lib/dal/session.ts).
import "server-only";

export { ingestActivityEvents } from "./ingest/activity";
export { ingestOrders } from "./ingest/orders";
