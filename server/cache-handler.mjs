// Next.js's full-route cache handler (next.config.js `cacheHandler`): the
// cache that serves articles, sections, feeds and the sitemap until
// lib/revalidate.ts revalidates them.
//
// Entries live in route-cache.mjs: in this process, or in Redis when
// REDIS_URL is set so that every instance shares them. Three rules keep a
// reader from ever getting the state from before an editor's action once the
// action has returned (README, "Caching and speed"):
// - an entry is stamped with the revalidation clock its request saw before
//   rendering, so a render that began before a revalidation is never served
//   after it (route-cache.mjs, route-renders.mjs);
// - a "not found" answer is kept for NOT_FOUND_SECONDS only (and by nobody
//   downstream: page-cache.mjs): it costs a query or two to render, so a flood
//   of requests for an address that does not exist yet is answered from the
//   cache, and it is the one answer that hides a story, so it never lives long
//   enough to matter should a revalidation ever be lost (a Redis outage);
// - a revalidation returns only after every instance has dropped the page
//   copies of its paths (page-cache.mjs) and noted it, so that a request for
//   one of them arriving later is not handed a render from before it
//   (route-renders.mjs).
// Entries are not served stale while a fresh one renders in the background:
// a background render started before a revalidation could be shared with
// requests that came after it.
//
// Next.js loads this file itself (next.config.js); start.mjs imports it too,
// so that revalidation can reach it from the first request.
import { readFileSync } from "node:fs";
import { parseRouteCacheSettings } from "./environment.mjs";
import { invalidateRoutesHook, purgePageCopiesHook, routeStoreSlot } from "./names.mjs";
import { MAX_ENTRY_SECONDS, createMemoryStore, createRedisStore, pathsOfTags, tagsOfPaths } from "./route-cache.mjs";
import { noteInvalidatedHere, noteLookup, noteRevalidated, notYetInvalidatedHere, renderDone } from "./route-renders.mjs";

/**
 * What Next.js stores: a rendered page or route (its headers name its tags; a
 * "not found" has status 404), and how long it may be kept.
 * @typedef {{ headers?: Record<string, unknown>, status?: number }} RenderedEntry
 * @typedef {{ revalidate?: number | false, expire?: number }} CacheControl
 * @typedef {{ cacheControl?: CacheControl, tags?: string[] }} StoreContext
 */

function buildId() {
  try {
    return readFileSync(new URL("../.next/BUILD_ID", import.meta.url), "utf8").trim();
  } catch {
    return "development";
  }
}

/** @returns {import("./route-cache.mjs").RouteStore} */
function store() {
  // `next build` renders into a store of its own: nothing it renders is served.
  return routeStoreSlot.ensure(() => {
    const settings = parseRouteCacheSettings(process.env);
    return settings.REDIS_URL && settings.NEXT_PHASE !== "phase-production-build"
      ? createRedisStore({ url: settings.REDIS_URL, prefix: settings.CACHE_KEY_PREFIX, buildId: buildId() })
      : createMemoryStore();
  });
}

/**
 * Revalidates these tags for every instance, then purges the page copies of
 * their paths everywhere (page-cache.mjs notes the revalidation on each).
 * @param {readonly string[]} tags
 */
async function invalidate(tags) {
  if (tags.length === 0) return;
  try {
    await store().stamp(tags);
  } catch (error) {
    console.error("route cache: a revalidation did not reach the cache; pages may stay stale until they expire", error);
  }
  const purge = purgePageCopiesHook.get();
  const paths = pathsOfTags(tags);
  if (purge) await purge(paths);
  else noteRevalidated(paths);
}

/**
 * lib/revalidate.ts calls this right after a change is committed and waits for
 * it: Next.js applies revalidatePath only when an action or route handler
 * finishes (for route handlers, after the response is sent).
 * @param {import("./names.mjs").Paths} paths
 */
async function invalidatePaths(paths) {
  const tags = tagsOfPaths(paths);
  await invalidate(tags);
  noteInvalidatedHere(tags);
}
invalidateRoutesHook.set(invalidatePaths);

const NOT_FOUND_SECONDS = 10;

/** @param {RenderedEntry} data @param {StoreContext | undefined} ctx */
function tagsOf(data, ctx) {
  const header = data.headers?.["x-next-cache-tags"];
  return [...new Set([...(typeof header === "string" ? header.split(",") : []), ...(ctx?.tags ?? [])])];
}

/** @param {RenderedEntry} data @param {CacheControl | undefined} cacheControl */
function lifetimeSeconds(data, cacheControl) {
  const revalidate = cacheControl?.revalidate;
  const seconds = typeof revalidate === "number" && revalidate > 0 ? Math.min(revalidate, MAX_ENTRY_SECONDS) : MAX_ENTRY_SECONDS;
  return data.status === 404 ? Math.min(seconds, NOT_FOUND_SECONDS) : seconds;
}

export default class NewsroomCacheHandler {
  /** @param {string} key */
  async get(key) {
    let read;
    try {
      read = await store().read(key);
    } catch (error) {
      console.error(`route cache: cannot read ${key}; rendering it afresh`, error);
      return null;
    }
    const { record } = read;
    const fresh = record !== null && Date.now() < record.expiresAt;
    noteLookup(read.clock, fresh);
    return fresh ? { value: record.value, lastModified: record.storedAt, cacheControl: record.cacheControl } : null;
  }

  /** @param {string} key @param {RenderedEntry | null} data @param {StoreContext} [ctx] */
  async set(key, data, ctx) {
    const stamp = renderDone();
    try {
      if (data === null) {
        await store().remove(key);
        return;
      }
      const storedAt = Date.now();
      const cacheControl = ctx?.cacheControl;
      await store().write(key, {
        value: data,
        cacheControl,
        tags: tagsOf(data, ctx),
        stamp,
        storedAt,
        expiresAt: storedAt + lifetimeSeconds(data, cacheControl) * 1000,
      });
    } catch (error) {
      console.error(`route cache: cannot store ${key}`, error);
    }
  }

  /**
   * Next.js calls this for revalidatePath/revalidateTag when an action or
   * route handler finishes; what the request revalidated itself after its
   * last change is done already.
   * @param {string | string[]} tags
   */
  async revalidateTag(tags) {
    await invalidate(notYetInvalidatedHere(typeof tags === "string" ? [tags] : tags));
  }

  resetRequestCache() {}
}
