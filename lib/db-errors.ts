/**
 * Whether an error means "the database cannot be reached right now" (down,
 * restarting, out of connections) rather than a bug or bad input. Such errors
 * are answered with 503 and Retry-After, never 500, and the app recovers by
 * itself when the database is back: the pool reconnects on the next query.
 */
const unavailableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up)
  "53300", // too_many_connections
  "08000",
  "08001",
  "08003",
  "08006",
  "P1001", // Prisma: can't reach database server
  "P1002",
  "P1017", // Prisma: server closed the connection
  "P2024", // Prisma: timed out fetching a connection from the pool
]);

const unavailableMessages =
  /connection terminated|terminating connection due to administrator command|timeout exceeded when trying to connect|connection refused|server closed the connection|can't reach database|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * Walks the error and what it wraps: `cause` chains, and Prisma's driver
 * adapter errors, which arrive as `meta.driverAdapterError` (code P2039 for
 * any database error, so the original is what tells).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length && seen < 12; seen += 1) {
    const current = pending.shift();
    if (!current || typeof current !== "object") continue;
    const { code, message, cause, meta } = current as { code?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof code === "string" && unavailableCodes.has(code)) return true;
    if (typeof message === "string" && unavailableMessages.test(message)) return true;
    pending.push(cause, meta?.driverAdapterError);
  }
  return false;
}

/** Prisma's unique-constraint violation, for answering 409 instead of 500. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
