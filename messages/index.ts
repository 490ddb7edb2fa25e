// UI text, one JSON file per area and language, merged into one catalog per language.
// Every key exists in both languages (checked by messages/messages.test.ts).
import enCommon from "./en/common.json";
import frCommon from "./fr/common.json";
import enCreator from "./en/creator.json";
import frCreator from "./fr/creator.json";
import enPayouts from "./en/payouts.json";
import frPayouts from "./fr/payouts.json";
import enAdmin from "./en/admin.json";
import frAdmin from "./fr/admin.json";
import enMarketing from "./en/marketing.json";
import frMarketing from "./fr/marketing.json";
import enShop from "./en/shop.json";
import frShop from "./fr/shop.json";
import enTrust from "./en/trust.json";
import frTrust from "./fr/trust.json";
import enInvite from "./en/invite.json";
import frInvite from "./fr/invite.json";

export const catalogs = {
  en: { ...enCommon, ...enCreator, ...enPayouts, ...enAdmin, ...enMarketing, ...enShop, ...enTrust, ...enInvite },
  fr: { ...frCommon, ...frCreator, ...frPayouts, ...frAdmin, ...frMarketing, ...frShop, ...frTrust, ...frInvite },
};
