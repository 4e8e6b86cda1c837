import type { IncomingMessage, ServerResponse } from "node:http";

/** Types for page-cache.mjs (plain JavaScript, loaded by server.mjs without a build step). */
export type Paths = readonly string[] | "all";

export interface PageCache {
  /** Answers from a copy, or calls `next` and keeps a copy of what Next.js sent. */
  handle(request: IncomingMessage, response: ServerResponse, next: () => void): void;
  /** Drops the copies of these paths here and, with Redis, on every instance; resolves once every instance has confirmed it. */
  purge(paths: Paths): Promise<void>;
  /** Registers this cache as the one revalidation purges. */
  install(): void;
  close(): Promise<void>;
  /** Resolves once this instance listens for other instances' purges (at once without Redis). */
  ready(): Promise<void>;
  size(): number;
}

export function createPageCache(options?: {
  seconds?: number;
  redisUrl?: string;
  channel?: string;
  /** Told of every purge that reaches this process, its own and other instances'. */
  onPurge?: (paths: Paths) => void;
  log?: (line: string) => void;
}): PageCache;
