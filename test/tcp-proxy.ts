// A TCP relay between the app and PostgreSQL that a test can cut, to inject faults: the
// database "goes down" (every connection dropped, new ones refused) and comes back.
import net from "node:net";

export type FaultProxy = {
  port: number;
  /** Drops every connection now and refuses new ones until restore(). */
  cut(): void;
  /** Drops every connection once `bytes` more bytes have gone from the app to the database. */
  cutAfter(bytes: number): void;
  restore(): Promise<void>;
  close(): Promise<void>;
};

export async function startFaultProxy(target = { host: "127.0.0.1", port: 5432 }): Promise<FaultProxy> {
  const sockets = new Set<net.Socket>();
  let down = false;
  let budget: number | null = null;

  let port = 0;
  // Down means what a stopped server means: open connections reset, new ones refused.
  const cutNow = () => {
    if (down) return;
    down = true;
    budget = null;
    server.close();
    for (const s of sockets) s.destroy();
    sockets.clear();
  };
  const listen = () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));

  const server: net.Server = net.createServer((client) => {
    if (down) return client.destroy();
    const upstream = net.connect(target);
    sockets.add(client);
    sockets.add(upstream);
    client.on("data", (chunk) => {
      if (budget !== null) {
        budget -= chunk.length;
        if (budget <= 0) return cutNow();
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await listen();
  port = (server.address() as net.AddressInfo).port;

  return {
    port,
    cut: cutNow,
    cutAfter(bytes: number) {
      budget = bytes;
    },
    async restore() {
      budget = null;
      if (!down) return;
      down = false;
      await listen();
    },
    close: async () => {
      cutNow();
    },
  };
}
