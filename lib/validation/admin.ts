import { z } from "zod";
import { roleEnum } from "@/db/schema";

export const ROLES = roleEnum.enumValues;

export const changeRoleSchema = z.object({
  userId: z.coerce.number().int().positive(),
  /** The role the admin saw: if it changed meanwhile, the change is refused. */
  currentRole: z.enum(ROLES),
  role: z.enum(ROLES, { message: "admin.validation.role" }),
});
