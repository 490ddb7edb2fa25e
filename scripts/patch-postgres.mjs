#!/usr/bin/env node
// Runs after `npm ci`/`npm install` (package.json "postinstall"). Fixes a known postgres.js
// 3.4.9 bug (porsager/postgres#1154, #1208; fix proposed in PR #1209): when a connection drops
// while a small write is queued, `nextWrite` runs on a null socket and throws an uncaught
// TypeError that kills the whole server, and the cleared-but-not-reset write timer can leave a
// pooled connection unable to flush again. Our fault-injection test
// (lib/dal/faults.pg.test.ts) reproduces it. Remove this once a release carries the fix.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const MARKER = "/* creator-rewards: guarded nextWrite */";
const require = createRequire(import.meta.url);
let root;
try {
  // The package's exports hide package.json: walk up from its entry point.
  root = path.dirname(require.resolve("postgres"));
  while (!existsSync(path.join(root, "package.json")) || !readFileSync(path.join(root, "package.json"), "utf8").includes('"name": "postgres"')) {
    root = path.dirname(root);
  }
} catch {
  process.exit(0); // not installed (yet): nothing to patch
}
const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));

const replacements = [
  [
    "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)",
    `  function nextWrite(fn) {\n    ${MARKER}\n    if (!socket) {\n      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n      chunk = nextWriteTimer = null\n      error(Errors.connection('CONNECTION_CLOSED', options))\n      return false\n    }\n    const x = socket.write(chunk, fn)`,
  ],
  ["    clearImmediate(nextWriteTimer)\n    if (socket) {", "    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    if (socket) {"],
  ["    clearImmediate(nextWriteTimer)\n    socket.removeListener('data', data)", "    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    socket.removeListener('data', data)"],
];

for (const dir of ["src", "cjs/src", "cf/src"]) {
  const file = path.join(root, dir, "connection.js");
  if (!existsSync(file)) continue;
  let text = readFileSync(file, "utf8");
  if (text.includes(MARKER)) continue;
  for (const [from, to] of replacements) {
    if (!text.includes(from)) {
      console.error(`patch-postgres: postgres ${version} ${dir}/connection.js does not look as expected; not patched.`);
      process.exit(version === "3.4.9" ? 1 : 0);
    }
    text = text.replace(from, to);
  }
  writeFileSync(file, text);
}
console.log(`patch-postgres: guarded postgres ${version} against writes on a closed connection.`);
