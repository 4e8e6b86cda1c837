import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "@/lib/zod";
import { typedValues, type ActionState } from "@/lib/action-state";
import { requireUser } from "@/lib/auth";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import type { Permission } from "@/lib/permissions";
import type { StaffUser } from "@/lib/services/users";

/**
 * The one wrapper every dashboard server action goes through, so none can
 * forget a step: who is asking (session re-read from the database), whether
 * their role may do this (lib/permissions.ts), and what they sent (zod).
 *
 * Failures come back as an ActionState with field errors and the values that
 * were typed, so a refused save never empties the form. Next's redirect() and
 * notFound() thrown by the handler pass through untouched.
 */

/**
 * PostgreSQL's text and jsonb cannot hold NUL, and jsonb refuses a lone half
 * of a surrogate pair, so a save carrying either would fail in the database
 * instead of being stored. No person types them; where input enters, NUL is
 * dropped and a lone surrogate becomes U+FFFD, in strings at any depth.
 */
export function storableStrings(value: unknown): unknown {
  if (typeof value === "string") return value.replaceAll("\u0000", "").toWellFormed();
  if (Array.isArray(value)) return value.map(storableStrings);
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, storableStrings(item)]));
  }
  return value;
}

/**
 * Where a value the browser could not send as data sits in an action's input.
 * React's server-action encoding sends plain objects, arrays and a few
 * built-ins; anything else (an object without a prototype, a class instance)
 * crosses as an opaque temporary reference, which the server sees as a
 * function it cannot read. That is always a bug in the calling component, and
 * the data it stands for never arrived, so the call is refused whole and the
 * place is logged for whoever fixes the caller.
 */
export function opaqueValuePath(value: unknown, path = "input"): string | null {
  if (typeof value === "function") return path;
  if (value === null || typeof value !== "object") return null;
  for (const [key, item] of Object.entries(value)) {
    const found = opaqueValuePath(item, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

/** FormData → plain object; keys ending in [] collect every value as an array. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    if (key.endsWith("[]")) result[key.slice(0, -2)] = formData.getAll(key).map(storableStrings);
    else result[key] = storableStrings(formData.get(key));
  }
  return result;
}

export function failure(error: unknown, formData?: FormData): ActionState {
  const values = formData ? typedValues(formData) : undefined;
  if (error instanceof AppError) {
    return { status: "error", code: error.code, message: error.message, errors: error.fields, values };
  }
  if (isDatabaseUnavailable(error)) {
    return { status: "error", code: "unavailable", message: "The database is not answering right now. Nothing was saved; try again in a moment.", values };
  }
  console.error("[action] unexpected failure", error);
  return { status: "error", code: "internal", message: "Something went wrong on our side. Nothing was saved; please try again.", values };
}

type FormHandler<Input> = (input: Input, user: StaffUser, formData: FormData) => Promise<ActionState | void>;

/** A form action for useActionState: (previousState, formData) → ActionState. */
export function staffFormAction<Schema extends z.ZodType>(
  permission: Permission,
  schema: Schema,
  handler: FormHandler<z.output<Schema>>,
): (previous: ActionState, formData: FormData) => Promise<ActionState> {
  return async (_previous, formData) => {
    try {
      const user = await requireUser(permission);
      const parsed = schema.safeParse(formDataToObject(formData));
      if (!parsed.success) {
        const { fieldErrors, formErrors } = z.flattenError(parsed.error);
        return {
          status: "error",
          code: "invalid_input",
          message: formErrors[0] ?? "Some fields need attention.",
          errors: fieldErrors as Record<string, string[]>,
          values: typedValues(formData),
        };
      }
      return (await handler(parsed.data, user, formData)) ?? { status: "success" };
    } catch (error) {
      unstable_rethrow(error);
      return failure(error, formData);
    }
  };
}

export type CommandResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; fields?: Record<string, string[]> } };

/** An action called with typed arguments from client code (bulk moderation, autosave…). */
export function staffCommand<Schema extends z.ZodType, T>(
  permission: Permission,
  schema: Schema,
  handler: (input: z.output<Schema>, user: StaffUser) => Promise<T>,
): (input: z.input<Schema>) => Promise<CommandResult<T>> {
  return async (input) => {
    try {
      const user = await requireUser(permission);
      const opaque = opaqueValuePath(input);
      if (opaque) {
        console.error(`[action] ${opaque} reached the server as an opaque client reference, not as data: the caller must send plain JSON`);
        return { ok: false, error: { code: "invalid_input", message: "Part of what was sent did not reach the server intact, so nothing was saved." } };
      }
      const parsed = schema.safeParse(storableStrings(input));
      if (!parsed.success) {
        const { formErrors, fieldErrors } = z.flattenError(parsed.error);
        // The same summary the form actions give; the field messages say what to change.
        const message = formErrors[0] ?? "Some fields need attention.";
        return { ok: false, error: { code: "invalid_input", message, fields: fieldErrors as Record<string, string[]> } };
      }
      return { ok: true, data: await handler(parsed.data, user) };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message, fields: error.fields } };
      const state = failure(error);
      return { ok: false, error: { code: state.code ?? "internal", message: state.message ?? "" } };
    }
  };
}
