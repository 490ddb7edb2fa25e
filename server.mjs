// The app's HTTP server: Next.js behind a thin layer that records who is really connected.
// Next.js gives route handlers and actions no access to the TCP peer, and keeps any
// X-Forwarded-For the client sends; sign-in throttling needs an address the client cannot
// choose. So every request gets the peer in a header of ours, overwriting the client's, and
// lib/auth/client-address.ts reads it (with TRUSTED_PROXY_HOPS for proxies in front).
//
//   node server.mjs [--dev] [-p PORT] [-H HOST]
import { createServer } from "node:http";

const PEER_HEADER = "x-creator-rewards-peer";
globalThis[Symbol.for("creator-rewards.peer-header")] = true;

const args = process.argv.slice(2);
const option = (short, long) => {
  const at = args.findIndex((a) => a === short || a === long);
  return at >= 0 ? args[at + 1] : undefined;
};
const dev = args.includes("--dev");
const port = Number(option("-p", "--port") ?? process.env.PORT ?? 3000);
const hostname = option("-H", "--hostname") ?? process.env.HOSTNAME ?? "0.0.0.0";

// As `next start` and `next dev` do; set before Next.js and React load.
process.env.NODE_ENV ??= dev ? "development" : "production";
const { default: next } = await import("next");
const app = next({ dev, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "unknown";
  handle(req, res);
}).listen(port, hostname, () => {
  console.log(`> Ready on http://${hostname}:${port}${dev ? " (development)" : ""}`);
});

// A stop signal ends the process through process.exit, as `next start` does: exit hooks run
// (and `node --cpu-prof` writes its profile), open keep-alive connections do not hold it up.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close();
    process.exit(0);
  });
}
