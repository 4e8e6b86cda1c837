// Names that several parts of Newsroom must spell alike, each written once:
// the headers server/start.mjs hands the app, the hooks kept on globalThis and
// the Redis keys and channels instances share.
//
// Hooks live on globalThis because Next.js bundles its own copies of the
// modules that use them (instrumentation.ts, lib/revalidate.ts), so a module
// variable would not be the one server/start.mjs set. `Symbol.for` names are
// the same in every copy.

/** @typedef {readonly string[] | "all"} Paths public paths, or every page */

/** The client's address as server/client-address.mjs decided it; a client's own value is overwritten. */
export const CLIENT_ADDRESS_HEADER = "x-newsroom-client-ip";
/** Names each request for server/outage-answers.mjs; a client's own value is overwritten. */
export const REQUEST_ID_HEADER = "x-newsroom-request-id";
/** `HIT` on an answer replayed from a page copy (server/page-cache.mjs). */
export const PAGE_COPY_HEADER = "x-newsroom-page-cache";

/**
 * @template T
 * @typedef {{ get(): T | undefined, set(value: T | undefined): void, ensure(create: () => T): T }} GlobalSlot
 * `ensure`: the value, made by `create` if this process has none yet.
 */

/**
 * @template T
 * @param {string} name
 * @returns {GlobalSlot<T>}
 */
function globalSlot(name) {
  const key = Symbol.for(name);
  const slots = /** @type {Record<symbol, T | undefined>} */ (/** @type {unknown} */ (globalThis));
  return {
    get: () => slots[key],
    set: (value) => {
      slots[key] = value;
    },
    ensure: (create) => (slots[key] ??= create()),
  };
}

/** Drops the page copies of these paths on every instance (set by server/page-cache.mjs). */
export const purgePageCopiesHook = /** @type {GlobalSlot<(paths: Paths) => Promise<void>>} */ (globalSlot("newsroom.pageCache.purge"));
/** Revalidates these paths in the route cache and waits for every instance (set by server/cache-handler.mjs, called by lib/revalidate.ts). */
export const invalidateRoutesHook = /** @type {GlobalSlot<(paths: Paths) => Promise<void>>} */ (globalSlot("newsroom.routeCache.invalidate"));
/** Marks a request whose render failed because the database is down (set by server/outage-answers.mjs, called from instrumentation.ts). */
export const markDatabaseUnavailableHook = /** @type {GlobalSlot<(requestId: string) => void>} */ (globalSlot("newsroom.databaseUnavailable.mark"));

/**
 * The process's one route store and request registry: Next.js and server/start.mjs
 * may each load the modules that keep them.
 */
export const routeStoreSlot = /** @type {GlobalSlot<import("./route-cache.mjs").RouteStore>} */ (globalSlot("newsroom.routeCache.store"));
export const routeRequestsSlot = /** @type {GlobalSlot<import("./route-renders.mjs").RequestRegistry>} */ (globalSlot("newsroom.routeCache.requests"));

/**
 * Redis keys and channels, all under CACHE_KEY_PREFIX, so that deployments (or
 * test runs) sharing one Redis never read each other's.
 * @param {string} prefix
 */
export function redisNames(prefix) {
  return {
    /** Purge messages for page copies, and their confirmations. */
    pageCopiesPurge: `${prefix}:page-cache:purge`,
    pageCopiesPurged: `${prefix}:page-cache:purge:done`,
    /** Entries belong to one build: a new deployment never serves pages rendered by the old code. */
    routeEntry: (/** @type {string} */ buildId, /** @type {string} */ key) => `${prefix}:${buildId}:route:${key}`,
    routeClock: `${prefix}:route-clock`,
    routeTagPrefix: `${prefix}:route-tag:`,
  };
}
