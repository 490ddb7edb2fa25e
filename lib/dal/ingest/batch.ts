// What an ingest batch answers, for the platform's events and the shop's orders alike: the
// endpoints (lib/api/signed-batch.ts) send it as the response body, the demo seed checks it.

/** An item of the batch that was not taken, by its index in the request, with the reason. */
export type Rejection = { index: number; error: string };
/** New items stored, items already known (replays, ids repeated in the batch), and the rejected ones. */
export type BatchResult = { accepted: number; duplicates: number; rejected: Rejection[] };
