import { z } from "@/lib/zod";
import { emailSchema } from "@/lib/validation/auth";

export const roles = ["ADMIN", "EDITOR", "WRITER", "MODERATOR"] as const;

export const MIN_PASSWORD = 12;

const password = z
  .string()
  .min(MIN_PASSWORD, `Use at least ${MIN_PASSWORD} characters.`)
  .max(1024, "That password is too long.");

const role = z.enum(roles, { error: "Choose a role." });

export const createStaffSchema = z.object({
  name: z.string().trim().min(1, "Enter their name.").max(100, "Keep the name under 100 characters."),
  email: emailSchema,
  role,
  password,
});

export const changeRoleSchema = z.object({ userId: z.uuid(), role });

export const setActiveSchema = z.object({ userId: z.uuid(), active: z.enum(["true", "false"]).transform((value) => value === "true") });

export const resetPasswordSchema = z.object({ userId: z.uuid(), password });
