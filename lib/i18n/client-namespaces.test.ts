import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogs } from "@/messages";
import { AREA_CLIENT_NAMESPACES, COMMON_CLIENT_NAMESPACES, pick, type Area } from "./client-namespaces";

// The browser gets only some namespaces of the catalog: a client component that uses another
// one would show its keys instead of text. Every client component a page of an area renders
// (its own files and the shared components they import) must use namespaces sent to that area.
const root = path.resolve(__dirname, "../..");
const read = (file: string) => readFileSync(file, "utf8");
const isClient = (source: string) => /^\s*["']use client["']/m.test(source);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The client components among these files and the shared components they import. */
function clientFiles(files: string[]): string[] {
  const found = new Set<string>();
  for (const file of files) {
    const source = read(file);
    if (isClient(source)) found.add(file);
    for (const [, spec] of source.matchAll(/from "@\/components\/([^"]+)"/g)) {
      const shared = [".tsx", ".ts"].map((ext) => path.join(root, "components", spec + ext)).find(existsSync);
      if (shared && isClient(read(shared))) found.add(shared);
    }
  }
  return [...found];
}

const namespacesUsed = (file: string) => [...read(file).matchAll(/useTranslations\(\s*"([^"]+)"/g)].map((m) => m[1]);
// "payouts.run.period" is sent when "payouts.run" or "payouts" is.
const covered = (allowed: ReadonlySet<string>, key: string) => key.split(".").some((_, i, parts) => allowed.has(parts.slice(0, i + 1).join(".")));
type Catalog = { [key: string]: string | Catalog };
const resolve = (catalog: Catalog, key: string) => key.split(".").reduce<Catalog | string | undefined>((at, part) => (typeof at === "object" ? at[part] : undefined), catalog);

describe("namespaces sent to the browser", () => {
  it.each(Object.keys(AREA_CLIENT_NAMESPACES) as Area[])("cover every client component of the %s area", (area) => {
    // A section ("creator/shop") also gets its area's namespaces; an area's own files exclude its sections'.
    const keys = Object.keys(AREA_CLIENT_NAMESPACES) as Area[];
    const parents = keys.filter((k) => area.startsWith(`${k}/`));
    const sections = keys.filter((k) => k.startsWith(`${area}/`)).map((k) => path.join(root, "app", k) + path.sep);
    const allowed = new Set<string>([...COMMON_CLIENT_NAMESPACES, ...[area, ...parents].flatMap((k) => AREA_CLIENT_NAMESPACES[k])]);
    const files = clientFiles(filesUnder(path.join(root, "app", area)).filter((f) => !sections.some((dir) => f.startsWith(dir))));
    expect(files.length).toBeGreaterThan(0);
    const missing = files.flatMap((f) => namespacesUsed(f).filter((ns) => !covered(allowed, ns)).map((ns) => `${path.relative(root, f)}: ${ns}`));
    expect(missing).toEqual([]);
  });

  // Forms show their action's answer through useActionText(): a message key, an error code of
  // the data layer or a validation message. Every such key of a namespace an area sends part of
  // ("payouts.errors.stale" for staff) must be in what it sends, or the form shows the key.
  it.each(Object.keys(AREA_CLIENT_NAMESPACES) as Area[])("cover every key the %s area's actions can answer with", (area) => {
    const keys = Object.keys(AREA_CLIENT_NAMESPACES) as Area[];
    const own = [area, ...keys.filter((k) => area.startsWith(`${k}/`))].flatMap((k) => AREA_CLIENT_NAMESPACES[k] as readonly string[]);
    const allowed = new Set<string>([...COMMON_CLIENT_NAMESPACES, ...own]);
    const tops = new Set(own.map((ns) => ns.split(".")[0]));
    const sources = [...filesUnder(path.join(root, "lib")), ...filesUnder(path.join(root, "app", area)).filter((f) => /actions\.ts$/.test(f))];
    const answered = new Set(sources.flatMap((f) => [...read(f).matchAll(/"([A-Za-z]+(?:\.[A-Za-z_]+)+)"/g)].map((m) => m[1])));
    const keysOfArea = [...answered].filter((key) => tops.has(key.split(".")[0]) && typeof resolve(catalogs.en as Catalog, key) === "string");
    if (own.length > 0) expect(keysOfArea.length).toBeGreaterThan(0);
    expect(keysOfArea.filter((key) => !covered(allowed, key))).toEqual([]);
  });

  it("send a part of a namespace nested as in the catalog, and nothing else", () => {
    const catalog = { nav: { home: "Home" }, payouts: { run: { submit: "Run" }, queue: { title: "Queue" } } };
    expect(pick(catalog, ["nav", "payouts.run", "payouts.missing"])).toEqual({ nav: { home: "Home" }, payouts: { run: { submit: "Run" } } });
  });

  it("cover the client components of pages outside the areas with the common ones", () => {
    const areas = new Set(Object.keys(AREA_CLIENT_NAMESPACES));
    const appFiles = filesUnder(path.join(root, "app")).filter((f) => !areas.has(path.relative(path.join(root, "app"), f).split(path.sep)[0]));
    const allowed = new Set<string>(COMMON_CLIENT_NAMESPACES);
    const missing = clientFiles(appFiles).flatMap((f) => namespacesUsed(f).filter((ns) => !covered(allowed, ns)).map((ns) => `${path.relative(root, f)}: ${ns}`));
    expect(missing).toEqual([]);
  });

  it("name namespaces that exist in both languages", () => {
    const named = [...COMMON_CLIENT_NAMESPACES, ...Object.values(AREA_CLIENT_NAMESPACES).flat()];
    for (const catalog of Object.values(catalogs)) expect(named.filter((ns) => typeof resolve(catalog as Catalog, ns) !== "object")).toEqual([]);
  });
});
