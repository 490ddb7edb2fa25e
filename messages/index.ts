// UI text, one JSON file per area and language, merged into one catalog per language.
// Every key exists in both languages (checked by messages/messages.test.ts).
import enCommon from "./en/common.json";
import frCommon from "./fr/common.json";
import enCreator from "./en/creator.json";
import frCreator from "./fr/creator.json";
import enShop from "./en/shop.json";
import frShop from "./fr/shop.json";

export const catalogs = {
  en: { ...enCommon, ...enCreator, ...enShop },
  fr: { ...frCommon, ...frCreator, ...frShop },
};
