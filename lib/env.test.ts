import { describe, expect, it } from "vitest";
import { missingProductionSecrets } from "./env";
import { localeFromAcceptLanguage } from "./i18n/locale";

describe("environment", () => {
  it("names the secrets production cannot start without", () => {
    expect(missingProductionSecrets({ NODE_ENV: "production" } as NodeJS.ProcessEnv)).toEqual(["AUTH_SECRET", "INGEST_SECRET"]);
    expect(missingProductionSecrets({ NODE_ENV: "production", AUTH_SECRET: "x", INGEST_SECRET: "y" } as NodeJS.ProcessEnv)).toEqual([]);
    expect(missingProductionSecrets({ NODE_ENV: "development" } as NodeJS.ProcessEnv)).toEqual([]);
  });

  it("picks French or English from Accept-Language", () => {
    expect(localeFromAcceptLanguage("fr-FR,fr;q=0.9,en;q=0.8")).toBe("fr");
    expect(localeFromAcceptLanguage("de-DE,en;q=0.5")).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("en");
  });
});
