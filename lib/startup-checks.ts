import { missingProductionSecrets } from "./env";

const missing = missingProductionSecrets();
if (missing.length > 0) {
  console.error(`Refusing to start: set ${missing.join(" and ")} (see README, "Environment variables").`);
  process.exit(1);
}
