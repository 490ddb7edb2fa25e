import { z } from "zod";
import { safeText } from "./safe-text";

export const signInSchema = z.object({
  email: safeText().trim().toLowerCase().email("invalid_email").max(254),
  password: safeText().min(1, "required").max(200),
});
