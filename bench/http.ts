// The server side of the bench: the app's production server (`node server.mjs`, what `npm start`
// runs) on the bench database, the bare Next app (bench/bare.ts) beside it, a real sign-in,
// autocannon runs, and the server's memory sampled from /proc while it works.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { summarize, type Measurement } from "./stats";

export type Server = {
  base: string;
  pid: number;
  stop: () => Promise<void>;
  memory: () => { peakRssMb: number; hwmMb: number };
};

export type Protocol = { runs: number; seconds: number; warmupSeconds: number; connections: number };

function kib(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** CPU time (user + system, ms) the process and its descendants have used so far. */
export function cpuMs(pid: number): number {
  let ticks = 0;
  for (const p of tree(pid)) {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* the process is gone */
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** The process and all its descendants (`next start`, the bare app's server, may run it in a child). */
function tree(pid: number): number[] {
  const out = [pid];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
      for (const c of children ? children.split(/\s+/) : []) out.push(...tree(Number(c)));
    }
  } catch {
    /* the process is gone */
  }
  return out;
}

/**
 * Starts a production server and waits until `readyPath` answers. `app`: the app's own server,
 * `node server.mjs -p PORT -H 127.0.0.1` in `root` (what `npm start` runs: the peer header, and
 * whatever else server.mjs adds in front of Next). `bare`: `next start` of a bare Next app built
 * in `root` (bench/bare.ts).
 */
export async function startServer(opts: {
  root: string;
  port: number;
  env: Record<string, string>;
  logFile: string;
  kind?: "app" | "bare";
}): Promise<Server> {
  const kind = opts.kind ?? "app";
  const log = createWriteStream(opts.logFile);
  const argv =
    kind === "app"
      ? [path.join(opts.root, "server.mjs"), "-p", String(opts.port), "-H", "127.0.0.1"]
      : [path.join(opts.root, "node_modules/next/dist/bin/next"), "start", "-p", String(opts.port), "-H", "127.0.0.1"];
  const name = kind === "app" ? "node server.mjs" : "next start (bare app)";
  const readyPath = kind === "app" ? "/api/health" : "/";
  const child: ChildProcess = spawn(process.execPath, argv, {
    cwd: opts.root,
    env: { ...process.env, ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const base = `http://127.0.0.1:${opts.port}`;
  let peakRss = 0;
  let hwm = 0;
  const sample = () => {
    const pids = tree(child.pid!);
    peakRss = Math.max(peakRss, pids.reduce((s, p) => s + kib(p, "VmRSS"), 0));
    hwm = Math.max(hwm, ...pids.map((p) => kib(p, "VmHWM")));
  };
  const sampler = setInterval(sample, 200);
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see ${opts.logFile}`);
    try {
      const r = await fetch(`${base}${readyPath}`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`${name} did not answer within 90 s; see ${opts.logFile}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    base,
    pid: child.pid!,
    memory: () => {
      sample();
      return { peakRssMb: Math.round(peakRss / 1024), hwmMb: Math.round(hwm / 1024) };
    },
    stop: async () => {
      sample();
      clearInterval(sampler);
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        /* already gone */
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          /* already gone */
        }
      }
    },
  };
}

/** Signs in through Auth.js's own endpoints, as the login form does; returns the Cookie header. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  keep(csrf);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/` }),
    redirect: "manual",
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith("authjs.session-token"))) {
    throw new Error(`sign-in as ${email} failed (HTTP ${res.status}, ${res.headers.get("location")})`);
  }
  return cookie();
}

/** One GET to check the page answers 200 for this session (not a redirect to /login); returns its size. */
export async function probe(url: string, cookie?: string): Promise<{ status: number; bytes: number }> {
  const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const body = await res.arrayBuffer();
  return { status: res.status, bytes: body.byteLength };
}

type CannonRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string };

export async function cannonOnce(
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string>,
  setup?: () => CannonRequest,
): Promise<{ latencies: number[]; perSecond: number; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    headers,
    timeout: 60,
    ...(setup ? { requests: [{ setupRequest: (req) => ({ ...req, ...setup() }) }] } : {}),
  });
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
    else errors++;
  });
  const result = await instance;
  errors += result.errors + result.timeouts;
  return { latencies, perSecond: latencies.length / result.duration, errors };
}

/** Warm-up, then `runs` autocannon runs; latency over every request, rate per run. */
export async function measureHttp(
  url: string,
  protocol: Protocol,
  opts: { headers?: Record<string, string>; setup?: () => CannonRequest } = {},
): Promise<Measurement> {
  const headers = opts.headers ?? {};
  if (protocol.warmupSeconds > 0) await cannonOnce(url, protocol.connections, protocol.warmupSeconds, headers, opts.setup);
  const latencies: number[] = [];
  const perRun: number[] = [];
  let errors = 0;
  for (let i = 0; i < protocol.runs; i++) {
    const r = await cannonOnce(url, protocol.connections, protocol.seconds, headers, opts.setup);
    latencies.push(...r.latencies);
    perRun.push(r.perSecond);
    errors += r.errors;
  }
  return summarize(latencies, perRun, errors, protocol.connections, protocol.seconds);
}

/** The same protocol for work done in this process: `connections` loops calling fn for `seconds`. */
export async function measureLoop(fn: () => Promise<unknown>, protocol: Protocol): Promise<Measurement> {
  const once = async (seconds: number) => {
    const latencies: number[] = [];
    let errors = 0;
    const until = performance.now() + seconds * 1000;
    const worker = async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        try {
          await fn();
          latencies.push(performance.now() - t0);
        } catch (error) {
          errors++;
          if (errors === 1) console.error(`    error: ${(error as Error).message}`);
        }
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: protocol.connections }, worker));
    return { latencies, perSecond: latencies.length / ((performance.now() - t0) / 1000), errors };
  };
  if (protocol.warmupSeconds > 0) await once(protocol.warmupSeconds);
  const latencies: number[] = [];
  const perRun: number[] = [];
  let errors = 0;
  for (let i = 0; i < protocol.runs; i++) {
    const r = await once(protocol.seconds);
    latencies.push(...r.latencies);
    perRun.push(r.perSecond);
    errors += r.errors;
  }
  return { ...summarize(latencies, perRun, errors, protocol.connections, protocol.seconds), latencies };
}

export type Side = { url: string; headers?: Record<string, string> } | { fn: () => Promise<unknown> };

/**
 * Several sides measured in turn — one run of each, and again — so that all see the same
 * machine: on a shared, noisy machine two measurements minutes apart are not comparable.
 */
export async function measureInterleaved(sides: Side[], protocol: Protocol): Promise<Measurement[]> {
  const acc = sides.map(() => ({ latencies: [] as number[], perRun: [] as number[], errors: 0 }));
  const once = async (side: Side, seconds: number) => {
    if ("url" in side) return cannonOnce(side.url, protocol.connections, seconds, side.headers ?? {});
    const m = await measureLoop(side.fn, { ...protocol, runs: 1, seconds, warmupSeconds: 0 });
    return { latencies: m.latencies!, perSecond: m.perSecond, errors: m.errors };
  };
  if (protocol.warmupSeconds > 0) for (const side of sides) await once(side, protocol.warmupSeconds);
  for (let i = 0; i < protocol.runs; i++) {
    for (const [j, side] of sides.entries()) {
      const r = await once(side, protocol.seconds);
      acc[j].latencies.push(...r.latencies);
      acc[j].perRun.push(r.perSecond);
      acc[j].errors += r.errors;
    }
  }
  return acc.map((x) => summarize(x.latencies, x.perRun, x.errors, protocol.connections, protocol.seconds));
}

/** A and B in alternation (measureInterleaved with two sides). */
export async function measureAlternating(a: Side, b: Side, protocol: Protocol): Promise<[Measurement, Measurement]> {
  const [ma, mb] = await measureInterleaved([a, b], protocol);
  return [ma, mb];
}
