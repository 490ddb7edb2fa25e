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

export const createOwnProductAction = roleAction(AREA_ROLES.creator, ownProductSchema, async (input, user) => {
  await createMyOwnProduct(input);
  refresh(user.creatorHandle);
  return { ok: true, message: "shop.products.created" };
});

export const updateOwnProductAction = roleAction(AREA_ROLES.creator, ownProductUpdateSchema, async ({ id, ...input }, user) => {
  await updateMyOwnProduct(id, input);
  refresh(user.creatorHandle);
  return { ok: true, message: "shop.products.saved" };
});

export const unlinkOwnProductAction = roleAction(AREA_ROLES.creator, ownProductIdSchema, async ({ id }, user) => {
  await setMyOwnProductLinked(id, false);
  refresh(user.creatorHandle);
  return { ok: true, message: "shop.products.unlinkedOk" };
});

export const relinkOwnProductAction = roleAction(AREA_ROLES.creator, ownProductIdSchema, async ({ id }, user) => {
  await setMyOwnProductLinked(id, true);
  refresh(user.creatorHandle);
  return { ok: true, message: "shop.products.relinkedOk" };
});

export const promoteAction = roleAction(AREA_ROLES.creator, promoteSchema, async ({ shopProductId }, user) => {
  const { code, created } = await promoteShopProduct(shopProductId);
  refresh(user.creatorHandle);
  return { ok: true, message: created ? "shop.promote.created" : "shop.promote.already", data: { code } };
});
