// First-load JavaScript per route, from the build output. Method: Next 16 writes, per route, the
// list of JS chunks a first visit loads (.next/diagnostics/route-bundle-stats.json,
// "firstLoadChunkPaths": the root main files plus the chunks of every layout, page and boundary
// of the route). Each chunk is gzipped here (zlib, level 9, as a CDN would serve it) and summed.
// Without that file, the same list is rebuilt from the route's client reference manifest
// (entryJSFiles of every segment) plus build-manifest.json's rootMainFiles.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export type RouteBundle = { route: string; chunks: number; rawKb: number; gzipKb: number; source: "route-bundle-stats" | "client-manifest" };

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

export function firstLoadJs(root: string): { routes: RouteBundle[]; sharedGzipKb: number; method: string } {
  const next = path.join(root, ".next");
  const sizes = new Map<string, { raw: number; gz: number }>();
  const sizeOf = (rel: string) => {
    const file = path.join(next, rel.replace(/^\/?_next\//, "").replace(/^\.next\//, ""));
    let s = sizes.get(file);
    if (!s) {
      const buf = readFileSync(file);
      s = { raw: buf.byteLength, gz: gzipSync(buf, { level: 9 }).byteLength };
      sizes.set(file, s);
    }
    return s;
  };
  const total = (files: string[]) => files.reduce((acc, f) => ({ raw: acc.raw + sizeOf(f).raw, gz: acc.gz + sizeOf(f).gz }), { raw: 0, gz: 0 });

  const buildManifest = JSON.parse(readFileSync(path.join(next, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const shared = total(buildManifest.rootMainFiles);
  const routes: RouteBundle[] = [];
  const stats = path.join(next, "diagnostics", "route-bundle-stats.json");
  if (existsSync(stats)) {
    for (const r of JSON.parse(readFileSync(stats, "utf8")) as { route: string; firstLoadChunkPaths: string[] }[]) {
      const t = total(r.firstLoadChunkPaths);
      routes.push({ route: r.route, chunks: r.firstLoadChunkPaths.length, rawKb: kb(t.raw), gzipKb: kb(t.gz), source: "route-bundle-stats" });
    }
  } else {
    for (const manifest of findManifests(path.join(next, "server", "app"))) {
      const g = globalThis as { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> };
      g.__RSC_MANIFEST = {};
      new Function("globalThis", readFileSync(manifest, "utf8"))(g);
      for (const [page, m] of Object.entries(g.__RSC_MANIFEST)) {
        const files = new Set([...buildManifest.rootMainFiles, ...Object.values(m.entryJSFiles ?? {}).flat()]);
        const t = total([...files]);
        const route = page.replace(/\/page$/, "").replace(/\/route$/, "") || "/";
        routes.push({ route, chunks: files.size, rawKb: kb(t.raw), gzipKb: kb(t.gz), source: "client-manifest" });
      }
    }
  }
  routes.sort((a, b) => a.route.localeCompare(b.route));
  return {
    routes,
    sharedGzipKb: kb(shared.gz),
    method:
      "Per route, the JS chunks of a first visit as listed by Next's build (.next/diagnostics/route-bundle-stats.json, firstLoadChunkPaths; fallback: the route's client reference manifest entryJSFiles plus build-manifest rootMainFiles), each gzipped at level 9 and summed. CSS, fonts and the RSC payload are not counted.",
  };
}

function findManifests(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findManifests(p));
    else if (name.endsWith("_client-reference-manifest.js")) out.push(p);
  }
  return out;
}
