// Which client is calling, for sign-in throttling. Next.js does not expose the TCP peer to
// route handlers or actions, and its own `X-Forwarded-For` is whatever the client sent when
// present. So server.mjs (our `npm start` and `npm run dev`) writes the peer address into
// PEER_HEADER on every request, overwriting anything the client sent, and flags the process
// so this module knows the header can be believed.

/** Set by server.mjs on every request to the connection's remote address. */
export const PEER_HEADER = "x-creator-rewards-peer";
/** Set on globalThis by server.mjs before Next.js loads: the peer header is ours, not the client's. */
export const PEER_FLAG = Symbol.for("creator-rewards.peer-header");

export function peerHeaderTrusted(): boolean {
  return (globalThis as Record<symbol, unknown>)[PEER_FLAG] === true;
}

/**
 * The client's address: the connection's peer, or, behind `hops` trusted proxies that each
 * append the address they received from to `X-Forwarded-For`, the entry the outermost of them
 * wrote (`hops` from the right). Entries further left are the client's own words and ignored.
 * "unknown" when the app runs without server.mjs (the peer cannot be known).
 */
export function clientAddressFrom(headers: Headers, hops: number, peerTrusted = peerHeaderTrusted()): string {
  const peer = peerTrusted ? headers.get(PEER_HEADER)?.trim() || null : null;
  if (hops > 0 && peer) {
    const chain = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    // Fewer entries than proxies: the request did not come through them; the peer is all we know.
    if (chain.length >= hops) return chain[chain.length - hops].slice(0, 100);
  }
  return peer ?? "unknown";
}
