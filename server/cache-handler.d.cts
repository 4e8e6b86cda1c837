import type { inRequestScope, noteRevalidated } from "./route-renders.cjs";

/** Types for cache-handler.cjs, Next.js's full-route cache handler (plain JavaScript). */
declare class NewsroomCacheHandler {
  get(key: string): Promise<{ value: unknown; lastModified: number; cacheControl: unknown } | null>;
  set(key: string, data: unknown, ctx?: { cacheControl?: { revalidate?: number | false; expire?: number }; tags?: string[] }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
  static inRequestScope: typeof inRequestScope;
  static noteRevalidated: typeof noteRevalidated;
}

export = NewsroomCacheHandler;
