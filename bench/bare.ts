// The bare Next app of issue 17: the denominator of every "÷ bare page" ratio. Its sources are
// bench/bare-app (a minimal layout and one dynamic page that reads a header); the bench copies
// them to bench/work/bare-app beside a hard-linked copy of the repository's node_modules (the
// same Next and React as the app), builds there and runs `next start` on it.
//
// Why a copy: built in place (`next build bench/bare-app`), Turbopack takes the repository as its
// root (the lockfile's folder) and picks up the repository's instrumentation.ts and proxy.ts into
// the bare app. In its own folder with node_modules inside, the root is the bare app itself.
// Hard links, not a symlink: Turbopack does not build through a symlinked node_modules.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const version = (dir: string) => {
  try {
    return JSON.parse(readFileSync(path.join(dir, "node_modules/next/package.json"), "utf8")).version as string;
  } catch {
    return null;
  }
};

function newest(dir: string): number {
  let m = 0;
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const s = statSync(p);
    m = Math.max(m, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return m;
}

/** Copies, links and builds the bare app when needed (or `force`); returns its folder and whether it built. */
export function prepareBareApp(root: string, opts: { force?: boolean; log?: (line: string) => void } = {}): { dir: string; built: boolean; seconds: number | null } {
  return prepareNextApp(root, { source: "bare-app", work: "bare-app", ...opts });
}

/**
 * A Next app of the bench's own in bench/work/<work> beside a hard-linked node_modules: the
 * files of bench/<source> but its `skip` folders, plus the routes of its folder `overlay` added
 * to its app/ (written to import as from there). Built there when its sources, its environment
 * or Next changed (or `force`). `env` is passed to the build, and must be to `next start`: Next
 * reads next.config.ts again when it starts.
 */
export function prepareNextApp(
  root: string,
  opts: { source: string; work: string; overlay?: string; skip?: string[]; env?: Record<string, string>; force?: boolean; log?: (line: string) => void },
): { dir: string; built: boolean; seconds: number | null } {
  const log = opts.log ?? (() => {});
  const source = path.join(root, "bench", opts.source);
  const dir = path.join(root, "bench", "work", opts.work);
  mkdirSync(dir, { recursive: true });
  // A node_modules of another Next version (an older install) is linked again.
  if (version(dir) !== version(root)) {
    rmSync(path.join(dir, "node_modules"), { recursive: true, force: true });
    execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(dir, "node_modules")]);
  }
  const buildId = path.join(dir, ".next", "BUILD_ID");
  const envFile = path.join(dir, ".bench-build-env.json");
  const envText = JSON.stringify(opts.env ?? {});
  const stale =
    !existsSync(buildId) ||
    newest(source) > statSync(buildId).mtimeMs ||
    statSync(path.join(root, "node_modules/next/package.json")).mtimeMs > statSync(buildId).mtimeMs ||
    (existsSync(envFile) ? readFileSync(envFile, "utf8") : "{}") !== envText;
  if (!stale && !opts.force) return { dir, built: false, seconds: null };
  for (const name of readdirSync(source)) {
    if (opts.skip?.includes(name)) continue;
    cpSync(path.join(source, name), path.join(dir, name), { recursive: true });
  }
  if (opts.overlay) cpSync(path.join(source, opts.overlay), path.join(dir, "app"), { recursive: true });
  log(`building bench/${opts.source}${opts.overlay ? ` with ${opts.overlay}` : ""} → bench/work/${opts.work} (next build)…`);
  const s = Date.now();
  execFileSync(process.execPath, [path.join(dir, "node_modules/next/dist/bin/next"), "build"], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...opts.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  writeFileSync(envFile, envText);
  const seconds = Math.round((Date.now() - s) / 100) / 10;
  log(`built in ${seconds} s`);
  return { dir, built: true, seconds };
}
