import { z } from "zod";
import { roleEnum } from "@/db/schema";

export const ROLES = roleEnum.enumValues;

export const changeRoleSchema = z.object({
  userId: z.coerce.number().int().positive(),
  /** The role the admin saw: if it changed meanwhile, the change is refused. */
  currentRole: z.enum(ROLES),
  role: z.enum(ROLES, { message: "admin.validation.role" }),
});

export const setDisabledSchema = z.object({
  userId: z.coerce.number().int().positive(),
  /** "1" disables, "0" re-enables. */
  disabled: z.enum(["0", "1"]).transform((v) => v === "1"),
});
