import { describe, expect, it } from "vitest";
import { trustedProxyHops } from "@/lib/env";
import { PEER_HEADER, clientAddressFrom } from "./client-address";

const headers = (peer: string | null, forwardedFor?: string) => {
  const h = new Headers();
  if (peer) h.set(PEER_HEADER, peer);
  if (forwardedFor !== undefined) h.set("x-forwarded-for", forwardedFor);
  return h;
};

describe("client address", () => {
  it("is the connection's peer by default, whatever X-Forwarded-For says", () => {
    for (let i = 0; i < 40; i++) {
      expect(clientAddressFrom(headers("203.0.113.7", `198.51.100.${i}`), 0, true)).toBe("203.0.113.7");
    }
    expect(clientAddressFrom(headers("203.0.113.7"), 0, true)).toBe("203.0.113.7");
  });

  it("behind one trusted proxy, is the entry that proxy appended, not the client's own entries", () => {
    // The client wrote "1.2.3.4"; the proxy appended the address it saw.
    expect(clientAddressFrom(headers("10.0.0.2", "1.2.3.4, 203.0.113.7"), 1, true)).toBe("203.0.113.7");
    expect(clientAddressFrom(headers("10.0.0.2", "203.0.113.7"), 1, true)).toBe("203.0.113.7");
    // Two proxies: the outer one's entry.
    expect(clientAddressFrom(headers("10.0.0.3", "1.2.3.4, 203.0.113.7, 10.0.0.2"), 2, true)).toBe("203.0.113.7");
    // A request that bypassed the proxy: only the peer is known.
    expect(clientAddressFrom(headers("198.51.100.9"), 1, true)).toBe("198.51.100.9");
  });

  it("never believes a peer header that server.mjs did not write", () => {
    expect(clientAddressFrom(headers("203.0.113.7", "1.2.3.4"), 0, false)).toBe("unknown");
    expect(clientAddressFrom(headers("203.0.113.7", "1.2.3.4"), 1, false)).toBe("unknown");
  });

  it("reads TRUSTED_PROXY_HOPS as 0 to 5 and refuses anything else", () => {
    expect(trustedProxyHops({} as NodeJS.ProcessEnv)).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "1" } as unknown as NodeJS.ProcessEnv)).toBe(1);
    for (const bad of ["-1", "6", "1.5", "yes", "0x1"]) {
      expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: bad } as unknown as NodeJS.ProcessEnv)).toThrow(/TRUSTED_PROXY_HOPS/);
    }
  });
});
