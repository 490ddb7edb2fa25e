import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("invalid_email").max(254),
  password: z.string().min(1, "required").max(200),
});
