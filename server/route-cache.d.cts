/** Types for route-cache.cjs (plain JavaScript, loaded by Next.js and server.mjs without a build step). */
export type Paths = readonly string[] | "all";

export interface CacheRecord {
  value: unknown;
  cacheControl: unknown;
  tags: string[];
  stamp: number;
  storedAt: number;
  expiresAt: number;
}

export interface RouteStore {
  read(key: string): Promise<{ record: CacheRecord | null; clock: number }>;
  write(key: string, record: CacheRecord): Promise<void>;
  remove(key: string): Promise<void>;
  stamp(tags: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export const MAX_ENTRY_SECONDS: number;
export function createMemoryStore(options?: { maxBytes?: number }): RouteStore;
export function createRedisStore(options: { url: string; prefix: string; buildId: string }): RouteStore;
export function pathsOfTags(tags: readonly string[]): string[] | "all";
export function tagsOfPaths(paths: Paths): string[];
