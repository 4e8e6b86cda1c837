"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "@/lib/zod";
import type { ActionState } from "@/lib/action-state";
import { typedValues } from "@/lib/action-state";
import { signIn } from "@/lib/auth";
import { signInLimitedMessage } from "@/lib/services/sign-in";
import { afterSignInPath, signInSchema } from "@/lib/validation/auth";

export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) {
    return {
      status: "error",
      code: "invalid_input",
      message: "Check the highlighted fields.",
      errors: z.flattenError(parsed.error).fieldErrors,
      values: typedValues(formData),
    };
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: afterSignInPath.parse(formData.get("callbackUrl")),
    });
  } catch (error) {
    // A successful sign-in throws Next's redirect, which must pass through.
    if (!(error instanceof AuthError)) throw error;
    // One message for an unknown email, a wrong password and a deactivated account: none reveals who is staff.
    const limited = error instanceof CredentialsSignin && error.code === "rate_limited";
    return {
      status: "error",
      code: limited ? "rate_limited" : "unauthenticated",
      message: limited ? signInLimitedMessage : "Email or password is incorrect.",
      values: typedValues(formData),
    };
  }
  return { status: "success" };
}
