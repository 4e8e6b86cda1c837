import { CLIENT_ADDRESS_HEADER } from "@/server/names.mjs";
import { uniqueAddress } from "./story-factory";

/**
 * Requests for calling the API's route handlers directly, as Next.js would:
 * a real `Request`, the client address in the header server/start.mjs sets, and the
 * route's params as a promise.
 */
export function apiRequest(
  path: string,
  init: { method?: string; json?: unknown; body?: string; headers?: Record<string, string>; address?: string; userAgent?: string } = {},
): Request {
  const headers = new Headers(init.headers);
  headers.set(CLIENT_ADDRESS_HEADER, init.address ?? uniqueAddress());
  if (!headers.has("user-agent")) headers.set("user-agent", init.userAgent ?? "vitest");
  let body = init.body;
  if (init.json !== undefined) {
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
    body = JSON.stringify(init.json);
  }
  return new Request(`http://localhost${path}`, { method: init.method ?? (body === undefined ? "GET" : "POST"), headers, body });
}

export const routeParams = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

/** The JSON error shape every failure must have. */
export async function errorOf(response: Response): Promise<{ code: string; message: string; fields?: Record<string, string[]> }> {
  const body = (await response.json()) as { error?: { code: string; message: string; fields?: Record<string, string[]> } };
  if (!body.error) throw new Error(`expected an error body, got ${JSON.stringify(body)}`);
  return body.error;
}
