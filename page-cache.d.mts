import type { IncomingMessage, ServerResponse } from "node:http";

/** Types for page-cache.mjs (plain JavaScript, loaded by server.mjs without a build step). */
export interface PageCache {
  /** Answers from a copy, or calls `next` and keeps a copy of what Next.js sent. */
  handle(request: IncomingMessage, response: ServerResponse, next: () => void): void;
  /** Drops the copies of these paths here and, with Redis, on every instance. */
  purge(paths: readonly string[] | "all"): Promise<void>;
  /** Registers this cache as the one lib/revalidate.ts purges. */
  install(): void;
  close(): Promise<void>;
  /** Resolves once this instance listens for other instances' purges (at once without Redis). */
  ready(): Promise<void>;
  size(): number;
}

export function createPageCache(options?: { seconds?: number; redisUrl?: string; channel?: string; log?: (line: string) => void }): PageCache;
