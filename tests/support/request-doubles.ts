import { vi } from "vitest";
import type { SessionClaims } from "@/lib/session";

/**
 * Integration tests call server actions and route handlers directly, outside a
 * Next.js request. Three things only a request provides are stood in for here
 * (everything else, database included, is real):
 *
 * - the session cookie → `actAs(user)` decides whose claims it carries; the
 *   claims are still checked against the database by lib/auth.ts;
 * - the request headers → `requestHeaders` (client address, user agent);
 * - Next's cache → `revalidated` records every path an action revalidated.
 */
export const doubles = {
  session: null as SessionClaims | null,
  headers: new Headers({ "x-newsroom-client-ip": "203.0.113.7", "user-agent": "vitest" }),
  revalidatedPaths: [] as string[],
  revalidatedTags: [] as string[],
};

/** Act as this staff member (null: anonymous) in the calls that follow. */
export function actAs(user: { id: string; sessionVersion: number } | null): void {
  doubles.session = user ? { userId: user.id, sessionVersion: user.sessionVersion } : null;
}

export function takeRevalidatedPaths(): string[] {
  const paths = [...doubles.revalidatedPaths];
  doubles.revalidatedPaths.length = 0;
  return paths;
}

vi.mock("@/lib/session", () => ({
  readSession: async () => doubles.session,
}));

vi.mock("next/headers", () => ({
  headers: async () => doubles.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));

vi.mock("next/cache", () => ({
  revalidatePath: (path: string) => void doubles.revalidatedPaths.push(path),
  revalidateTag: (tag: string) => void doubles.revalidatedTags.push(tag),
  updateTag: (tag: string) => void doubles.revalidatedTags.push(tag),
  unstable_cache: <T>(fn: T) => fn,
}));
