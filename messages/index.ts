// UI text, one JSON file per area and language, merged into one catalog per language.
// Every key exists in both languages (checked by messages/messages.test.ts).
import enCommon from "./en/common.json";
import frCommon from "./fr/common.json";
import enCreator from "./en/creator.json";
import frCreator from "./fr/creator.json";
import enMarketing from "./en/marketing.json";
import frMarketing from "./fr/marketing.json";

export const catalogs = {
  en: { ...enCommon, ...enCreator, ...enMarketing },
  fr: { ...frCommon, ...frCreator, ...frMarketing },
};
