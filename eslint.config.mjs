import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// The architecture, enforced (docs/architecture.md): which folder may import what. Each
// restriction has a test in test/architecture/ that lints a forbidden import and expects it
// refused. Type-only imports stay allowed where marked: a type describes a row's shape and
// ships no code to the browser or the page, so a component can name `Role` or a DAL view type
// without reaching the database.
const DB = { group: ["@/db", "@/db/*", "**/db", "**/db/*"], message: "Only lib/ talks to the database: read through the DAL (lib/dal)." };
const DB_RUNTIME = { ...DB, allowTypeImports: true };
const DAL_RUNTIME = { group: ["@/lib/dal", "@/lib/dal/*", "@/lib/dal/**"], allowTypeImports: true, message: "Components render what they are given: the page reads through the DAL and passes data or actions down." };
const APP_FROM_COMPONENTS = { group: ["@/app", "@/app/*", "@/app/**"], allowTypeImports: true, message: "Shared components must not depend on a route: take the action as a prop." };
const DOMAIN_IMPURE = [
  { group: ["@/db", "@/db/*", "**/db", "**/db/*"], allowTypeImports: true, message: "lib/domain holds pure rules: no database." },
  { group: ["drizzle-orm", "drizzle-orm/*"], message: "lib/domain holds pure rules: SQL belongs in lib/dal." },
  { group: ["@/lib/dal", "@/lib/dal/*", "@/lib/dal/**", "../dal", "../dal/*", "../dal/**"], allowTypeImports: true, message: "lib/domain holds pure rules: the DAL depends on it, not the other way." },
];
const LIB_FROM_DB = { group: ["@/lib", "@/lib/*", "@/lib/**", "../lib", "../lib/*", "../lib/**"], message: "db/ is the schema and the connection: it must not depend on the application (lib/)." };
// The system caller (ingest, the CLI payout run, the seed) acts without a session: no page,
// action or route handler may mint one (lib/dal/system-caller.ts) or reach the seed's module.
const SYSTEM_CALLER = [
  { group: ["@/lib/dal/system-caller", "**/dal/system-caller"], message: "The system caller is for ingest, scripts and the seed, never for app/: use the session's caller." },
];
// The DAL takes its caller as an argument (lib/dal/session.ts): only pages, actions and route
// handlers read the session, once per request.
const SESSION_READS = {
  group: ["@/lib/dal/session", "**/session", "./session", "../session"],
  importNames: ["getCurrentUser", "currentCaller", "assertRole", "assertCreator", "requireRole"],
  message: "The DAL takes its caller as an argument: pages, actions and route handlers read the session (lib/dal/session.ts).",
};
// lib/dal depends on lib/auth (who signed in), never the reverse: no folder circle.
const DAL_FROM_AUTH = { group: ["@/lib/dal", "@/lib/dal/*", "@/lib/dal/**", "../dal", "../dal/*", "../dal/**"], allowTypeImports: true, message: "lib/auth says who signed in; what the account may do is the DAL's (lib/dal depends on lib/auth, not the reverse)." };
const NEXT_AUTH = { group: ["next-auth", "next-auth/*", "@auth/*"], message: "Only lib/auth talks to Auth.js: use its exports." };

// Every form that posts a server action shows a body over 1 MiB (refused by server.mjs with a 413)
// as its own message, and posts without JavaScript until hydrated: useFormAction does both.
const RAW_ACTION_STATE = { group: ["react"], importNames: ["useActionState"], message: "Use useFormAction (lib/actions/use-form-action.ts): it shows the 413 \"too large\" message in the form." };

const TESTS = ["**/*.test.ts", "**/*.test.tsx"];
const restrict = (files, patterns, ignores = []) => ({
  files,
  ignores: [...TESTS, ...ignores],
  rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns }] },
});

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { ignores: [".next/**", "node_modules/**", ".data/**", "bench/work/**", "playwright-report/**", "test-results/**", "next-env.d.ts"] },
  // Most specific last: a later block replaces the rule's options for the files it matches.
  restrict(["**/*.{ts,tsx,mjs,js}"], [NEXT_AUTH], ["lib/auth/**"]),
  restrict(["app/**/*.{ts,tsx}"], [DB_RUNTIME, ...SYSTEM_CALLER, NEXT_AUTH, RAW_ACTION_STATE]),
  restrict(["components/**/*.{ts,tsx}"], [DB_RUNTIME, DAL_RUNTIME, APP_FROM_COMPONENTS, NEXT_AUTH, RAW_ACTION_STATE]),
  restrict(["lib/domain/**/*.{ts,tsx}"], [...DOMAIN_IMPURE, NEXT_AUTH]),
  restrict(["db/**/*.{ts,tsx}"], [LIB_FROM_DB, NEXT_AUTH]),
  restrict(["lib/auth/**/*.ts"], [DAL_FROM_AUTH]),
  restrict(["lib/dal/**/*.ts"], [SESSION_READS, NEXT_AUTH], ["lib/dal/session.ts"]),
];

export default config;
