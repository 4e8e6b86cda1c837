// While PostgreSQL cannot be reached, a page that needs it answers 503 with
// Retry-After, as the JSON API does, instead of Next.js's 500 (start.mjs).
//
// Next.js gives a page whose render failed status 500 and offers no way to
// choose another. It does tell instrumentation.ts's onRequestError which
// request failed and why, before the status is written: there the error is
// judged (lib/db-errors.ts) and the request, named by the id start.mjs gave
// it, is marked here; the status line of a marked request is then 503.

import { REQUEST_ID_HEADER, markDatabaseUnavailableHook } from "./names.mjs";

const RETRY_AFTER_SECONDS = "5";

/** Request ids whose render failed because the database could not be reached. */
/** @type {Set<string>} */
const unavailable = new Set();
let lastId = 0;

/** Lets onRequestError mark a request (one registry per process). */
export function installOutageAnswers() {
  markDatabaseUnavailableHook.set((requestId) => unavailable.add(requestId));
}

/**
 * For instrumentation.ts: marks the request these headers came with. It goes
 * through globalThis because Next.js bundles its own copy of this module.
 * @param {Record<string, string | string[] | undefined>} headers
 */
export function markDatabaseUnavailable(headers) {
  const requestId = headers[REQUEST_ID_HEADER];
  if (typeof requestId === "string") markDatabaseUnavailableHook.get()?.(requestId);
}

/**
 * Names the request (replacing any id a client sent) and turns its 500 into
 * 503 + Retry-After if its render was marked as a database outage.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 */
export function answerOutagesWith503(request, response) {
  const id = String((lastId += 1));
  request.headers[REQUEST_ID_HEADER] = id;
  const writeHead = response.writeHead.bind(response);
  response.writeHead = /** @type {typeof response.writeHead} */ ((/** @type {number} */ statusCode, /** @type {any[]} */ ...rest) => {
    if (statusCode === 500 && unavailable.has(id)) {
      response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
      // A reason phrase given for the 500 would be wrong now; Node supplies the 503's.
      return writeHead(503, ...(typeof rest[0] === "string" ? rest.slice(1) : rest));
    }
    return writeHead(statusCode, ...rest);
  });
  response.on("close", () => unavailable.delete(id));
}
