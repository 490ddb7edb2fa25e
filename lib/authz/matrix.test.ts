// Walks the app directory: every page, route handler and server action must be in the matrix,
// and every matrix entry must exist. A new route without an authorization decision fails here.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PAGES, ROUTE_HANDLERS, SERVER_ACTIONS } from "./matrix";

const APP = path.join(process.cwd(), "app");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** app/(auth)/login/page.tsx → /login; route groups vanish, dynamic segments stay. */
function routeOf(file: string): string {
  const segments = path.relative(APP, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

const files = walk(APP);

describe("authorization matrix", () => {
  it("lists every page", () => {
    const pages = files.filter((f) => /[/\\]page\.tsx$/.test(f)).map(routeOf).sort();
    expect(pages).toEqual(Object.keys(PAGES).sort());
  });

  it("lists every route handler with every method it exports", () => {
    const handlers = Object.fromEntries(
      files
        .filter((f) => /[/\\]route\.ts$/.test(f))
        .map((f) => {
          const text = readFileSync(f, "utf8");
          const methods = text
            .split("\n")
            .filter((line) => line.startsWith("export "))
            .flatMap((line) => line.match(/\b(GET|POST|PUT|PATCH|DELETE)\b/g) ?? [])
            .sort();
          return [routeOf(f), methods];
        }),
    );
    const listed = Object.fromEntries(Object.entries(ROUTE_HANDLERS).map(([route, { methods }]) => [route, Object.keys(methods).sort()]));
    expect(handlers).toEqual(listed);
  });

  it("lists every server action", () => {
    const actions = files
      .filter((f) => /\.(ts|tsx)$/.test(f) && /^["']use server["']/.test(readFileSync(f, "utf8").trimStart()))
      .flatMap((f) => {
        const text = readFileSync(f, "utf8");
        const rel = path.relative(process.cwd(), f).split(path.sep).join("/");
        return [...text.matchAll(/export (?:const|async function|function) (\w+)/g)].map((m) => `${rel}#${m[1]}`);
      })
      .sort();
    expect(actions).toEqual(Object.keys(SERVER_ACTIONS).sort());
  });
});
