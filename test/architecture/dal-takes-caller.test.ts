import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { restrictedImports } from "./lint";

// Issue 18: the caller is explicit in every DAL signature. Every exported function of a
// feature's queries.ts or commands.ts takes a Caller first; the few entry points that run
// before any session exists, or for anonymous visitors, are listed here with the reason.
const root = path.resolve(import.meta.dirname, "../..");
const NO_CALLER: Record<string, string> = {
  "lib/dal/shop/queries.ts#getPublicStorefront": "a creator's public page: anyone may open it, signed in or not",
  "lib/dal/shop/commands.ts#recordAffiliateClick": "a follower's click on /r/[code]: followers have no account",
  "lib/dal/shop/commands.ts#newAffiliateCode": "a random code, no data",
};

function featureFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return featureFiles(full);
    return /^(queries|commands)\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** `file#name` of each exported function whose first parameter is not typed as a caller. */
function withoutCaller(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const missing: string[] = [];
  const check = (name: string, params: ts.NodeArray<ts.ParameterDeclaration>) => {
    const first = params[0]?.type?.getText(source) ?? "";
    if (!/\b\w*Caller\b/.test(first)) missing.push(`${path.relative(root, file)}#${name}`);
  };
  for (const statement of source.statements) {
    const exported = ts.getCombinedModifierFlags(statement as unknown as ts.Declaration) & ts.ModifierFlags.Export;
    if (!exported) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name) check(statement.name.text, statement.parameters);
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && ts.isIdentifier(declaration.name)) check(declaration.name.text, init.parameters);
      }
    }
  }
  return missing;
}

describe("the DAL takes its caller explicitly", () => {
  const files = featureFiles(path.join(root, "lib/dal"));

  it("finds the features", () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it("every exported query and command takes a Caller first", () => {
    const missing = files.flatMap(withoutCaller).filter((id) => !(id in NO_CALLER));
    expect(missing).toEqual([]);
  });

  it("no DAL module reads the session itself", async () => {
    const messages = await restrictedImports("lib/dal/payouts/queries.ts", `import { assertRole } from "../session";\nexport const x = assertRole;\n`);
    expect(messages.join("\n")).toMatch(/takes its caller as an argument/);
  });

  it("the session module may", async () => {
    expect(await restrictedImports("lib/dal/payouts/queries.ts", `import { allow } from "../session";\nexport const x = allow;\n`)).toEqual([]);
  });
});
