"use server";

import { roleAction } from "@/lib/actions";
import { AREA_ROLES } from "@/lib/dal/session";
import { createMyOwnProduct, promoteShopProduct, setMyOwnProductLinked, updateMyOwnProduct } from "@/lib/dal/shop/commands";
import { revalidate } from "@/lib/revalidate";
import { ownProductIdSchema, ownProductSchema, ownProductUpdateSchema, promoteSchema } from "@/lib/validation/shop";

function refresh(handle: string | null) {
  revalidate("/creator/shop");
  if (handle) revalidate(`/c/${handle}`);
}

export const createOwnProductAction = roleAction(AREA_ROLES.creator, ownProductSchema, async (input, caller) => {
  await createMyOwnProduct(caller, input);
  refresh(caller.creatorHandle);
  return { ok: true, message: "shop.products.created" };
});

export const updateOwnProductAction = roleAction(AREA_ROLES.creator, ownProductUpdateSchema, async ({ id, ...input }, caller) => {
  await updateMyOwnProduct(caller, id, input);
  refresh(caller.creatorHandle);
  return { ok: true, message: "shop.products.saved" };
});

export const unlinkOwnProductAction = roleAction(AREA_ROLES.creator, ownProductIdSchema, async ({ id }, caller) => {
  await setMyOwnProductLinked(caller, id, false);
  refresh(caller.creatorHandle);
  return { ok: true, message: "shop.products.unlinkedOk" };
});

export const relinkOwnProductAction = roleAction(AREA_ROLES.creator, ownProductIdSchema, async ({ id }, caller) => {
  await setMyOwnProductLinked(caller, id, true);
  refresh(caller.creatorHandle);
  return { ok: true, message: "shop.products.relinkedOk" };
});

export const promoteAction = roleAction(AREA_ROLES.creator, promoteSchema, async ({ shopProductId }, caller) => {
  const { code, created } = await promoteShopProduct(caller, shopProductId);
  refresh(caller.creatorHandle);
  return { ok: true, message: created ? "shop.promote.created" : "shop.promote.already", data: { code } };
});
