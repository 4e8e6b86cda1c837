import { z } from "@/lib/zod";

export const emailSchema = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address."))
  .transform((value) => value.toLowerCase());

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(1024, "That password is too long."),
});


/** Where to go after signing in: only paths inside the dashboard, never another site. */
export const afterSignInPath = z
  .string()
  .regex(/^\/dashboard(?:[/?#][^\\]*)?$/)
  .catch("/dashboard");
