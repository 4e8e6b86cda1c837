/**
 * One error type for everything a user or API caller can be told about, and
 * the one mapping from it to HTTP. Services throw these with safe messages;
 * anything else is a bug, logged in full and answered with a generic 500.
 */

export type ErrorCode =
  | "invalid_input"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "stale_version"
  | "idempotency_key_reused"
  | "comments_closed"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "unavailable"
  | "internal";

const statusByCode: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  comments_closed: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 409,
  payload_too_large: 413,
  // draft-ietf-httpapi-idempotency-key-header: a key reused with a different request payload.
  idempotency_key_reused: 422,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    /** Seconds, for rate_limited and unavailable answers. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "AppError";
    this.status = statusByCode[code];
  }
}
