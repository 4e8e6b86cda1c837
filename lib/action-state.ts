import type { ErrorCode, FieldErrors } from "@/lib/errors";

/**
 * What a form's server action answers (the `useActionState` state): a message
 * for the whole form, errors per field, and the values the user typed, so a
 * failed submission never empties the form.
 */
export interface ActionState {
  status: "idle" | "success" | "error";
  /** Why an error happened, for code rather than people (a refusal is `unauthenticated` or `forbidden`). */
  code?: ErrorCode;
  message?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
}

export const idle: ActionState = { status: "idle" };

/** The submitted text fields, to hand back on failure (never passwords or files). */
export function typedValues(formData: FormData, omit: readonly string[] = ["password"]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && !omit.includes(key)) values[key] = value;
  }
  return values;
}
