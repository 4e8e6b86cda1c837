import "server-only";
import { z } from "@/lib/zod";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { AppError, type FieldErrors } from "@/lib/errors";

/**
 * The JSON API's one error shape and one mapping from errors to answers:
 * `{ error: { code, message, fields? } }` with the status the code implies.
 * No stack trace or database message ever reaches a caller.
 */

const MAX_JSON_BYTES = 64 * 1024;

/** CORS for the public API: anyone may read; writes carry no credentials. */
export const corsHeaders = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type, Idempotency-Key",
  "Access-Control-Max-Age": "86400",
} as const;

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json; charset=utf-8");
  for (const [name, value] of Object.entries(corsHeaders)) headers.set(name, value);
  return new Response(JSON.stringify(body), { ...init, headers });
}

function errorResponse(error: AppError): Response {
  const headers: Record<string, string> = {};
  if (error.retryAfter !== undefined) headers["Retry-After"] = String(Math.max(1, Math.ceil(error.retryAfter)));
  return jsonResponse(
    { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } },
    { status: error.status, headers },
  );
}

/** Turns anything thrown into the right JSON answer; unexpected errors are logged and answered 500. */
function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) return errorResponse(error);
  if (isDatabaseUnavailable(error)) {
    return errorResponse(new AppError("unavailable", "The service is temporarily unavailable. Try again shortly.", undefined, 5));
  }
  console.error("[api] unexpected failure", error);
  return errorResponse(new AppError("internal", "Something went wrong on our side."));
}

type Handler<Context> = (request: Request, context: Context) => Promise<Response>;

/** Wraps a route handler so every failure becomes the JSON error shape. */
export function apiRoute<Context>(handler: Handler<Context>): Handler<Context> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const { fieldErrors, formErrors } = z.flattenError(error);
  const fields = fieldErrors as FieldErrors;
  return formErrors.length ? { ...fields, _: formErrors } : fields;
}

/** Parses a value with a schema, or throws 400 with the fields at fault. */
export function parseOrThrow<Schema extends z.ZodType>(schema: Schema, value: unknown, message = "The request was not valid."): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("invalid_input", message, fieldErrorsOf(parsed.error));
  return parsed.data;
}

/**
 * Reads a JSON request body: 415 unless it is declared JSON, 413 past the
 * size limit (checked while reading, not trusted from Content-Length), 400 when
 * it is not JSON, then 400 with field errors when the schema refuses it.
 */
export async function readJson<Schema extends z.ZodType>(request: Request, schema: Schema, maxBytes = MAX_JSON_BYTES): Promise<z.output<Schema>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the body as application/json.");
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new AppError("payload_too_large", `The body may be at most ${maxBytes} bytes.`);

  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new AppError("payload_too_large", `The body may be at most ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new AppError("invalid_input", "The body is not valid JSON.");
  }
  return parseOrThrow(schema, json);
}
