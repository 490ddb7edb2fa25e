import { peerHeaderTrusted } from "./auth/client-address";
import { isProduction, missingProductionSecrets, readEnv } from "./env";

// The whole environment against its schema (env.ts) first: one message names every bad variable.
try {
  readEnv();
} catch (error) {
  console.error(`Refusing to start: ${(error as Error).message}.`);
  process.exit(1);
}

const missing = missingProductionSecrets();
if (missing.length > 0) {
  console.error(`Refusing to start: set ${missing.join(" and ")} (see README, "Environment variables").`);
  process.exit(1);
}

// Under plain `next start` the client's address cannot be known: every sign-in shares one
// throttling bucket. Say so once rather than fail.
if (isProduction && process.env.NEXT_RUNTIME === "nodejs" && !peerHeaderTrusted()) {
  console.warn("Started without server.mjs: sign-in throttling cannot tell clients apart. Use `npm start`.");
}
