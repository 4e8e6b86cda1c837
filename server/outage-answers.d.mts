import type { IncomingMessage, ServerResponse } from "node:http";

/** Types for outage-answers.mjs (plain JavaScript, loaded by server.mjs without a build step). */
export function installOutageAnswers(): void;
export function answerOutagesWith503(request: IncomingMessage, response: ServerResponse): void;
export function markDatabaseUnavailable(headers: Record<string, string | string[] | undefined>): void;
