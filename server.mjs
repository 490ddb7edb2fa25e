// The app's HTTP server: Next.js behind a thin layer that records who is really connected.
// Next.js gives route handlers and actions no access to the TCP peer, and keeps any
// X-Forwarded-For the client sends; sign-in throttling needs an address the client cannot
// choose. So every request gets the peer in a header of ours, overwriting the client's, and
// lib/auth/client-address.ts reads it (with TRUSTED_PROXY_HOPS for proxies in front).
// It also sets the security headers and the page CSP nonce, and refuses oversized server action
// bodies, here rather than in proxy.ts: running Next's proxy at all cost about 40 % of a trivial
// request's throughput (bench/NOTES.md, round 7), and these rules need nothing from Next.js.
//
//   node server.mjs [--dev] [-p PORT] [-H HOST]
import { createServer } from "node:http";
import { actionBodyRefusal } from "./lib/actions/too-large.mjs";
import { HSTS, STATIC_SECURITY_HEADERS, contentSecurityPolicy, newNonce, wantsNonce } from "./lib/security-headers.mjs";

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

// On every response, static files included; HSTS only in production (an HTTPS deployment).
const fixedHeaders = Object.entries(STATIC_SECURITY_HEADERS);
if (process.env.NODE_ENV === "production") fixedHeaders.push(["Strict-Transport-Security", HSTS]);

const server = createServer((req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "unknown";
  for (const [name, value] of fixedHeaders) res.setHeader(name, value);
  // A server action body over the limit: a 413 the form can show (Next.js would answer a bare
  // 500). Exactly text/plain: Next's client shows such an answer's text as the error.
  const refusal = actionBodyRefusal(req.method, req.url ?? "/", req.headers);
  if (refusal) {
    res.writeHead(refusal.status, { "content-type": "text/plain" }).end(refusal.text);
    return;
  }
  // Next.js takes the nonce for its own script tags from the request's CSP: ours, never the client's.
  delete req.headers["x-nonce"];
  delete req.headers["content-security-policy"];
  if (wantsNonce(req.url ?? "/", req.headers)) {
    const nonce = newNonce();
    const csp = contentSecurityPolicy(nonce);
    req.headers["x-nonce"] = nonce;
    req.headers["content-security-policy"] = csp;
    res.setHeader("Content-Security-Policy", csp);
  }
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
