"use server";

import { roleAction } from "@/lib/actions";
import { addExchangeRate } from "@/lib/dal/rates/commands";
import { AREA_ROLES } from "@/lib/dal/session";
import { revalidate } from "@/lib/revalidate";
import { exchangeRateSchema } from "@/lib/validation/rates";

export const addRateAction = roleAction(AREA_ROLES.staff, exchangeRateSchema, async (input, caller) => {
  await addExchangeRate(caller, input);
  revalidate("/staff/rates");
  return { ok: true, message: "rates.added" };
});
