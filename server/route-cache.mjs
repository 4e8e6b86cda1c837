// Where Next.js's full-route cache keeps its entries (for cache-handler.mjs):
// in this process, or in Redis when several instances share it — and the rule
// that makes a revalidation win over every render that started before it.
//
// Next.js stamps an entry with the moment it is *stored* and later compares
// that with the moment a tag was revalidated. A render that read the database
// just before a story was published and finished just after the revalidation
// is therefore stored as fresh: a "not found" that lasts an hour. Here an
// entry is stamped instead with a revalidation clock read when its request
// first asked the cache (before the render read anything: route-renders.mjs),
// and it is valid only while none of its tags was revalidated at a later
// reading. The clock is a counter each revalidation increments — in Redis,
// atomically with the tag stamps, when instances share the cache — so no two
// machines' clocks need to agree.
import v8 from "node:v8";
import { Redis } from "ioredis";
import { redisNames } from "./names.mjs";

/** How Next.js names a path's implicit tag (what revalidatePath revalidates). */
const PATH_TAG_PREFIX = "_N_T_";
/** Every tag of every entry Next.js renders; revalidating it is revalidating everything. */
const EVERYTHING_TAG = `${PATH_TAG_PREFIX}/layout`;
/** No entry lives longer, so a tag's stamp is not needed longer either. */
export const MAX_ENTRY_SECONDS = 24 * 60 * 60;
const MEMORY_BYTES = 64 * 1024 * 1024;

/**
 * @typedef {import("./names.mjs").Paths} Paths
 * @typedef {{ value: unknown, cacheControl: unknown, tags: string[], stamp: number, storedAt: number, expiresAt: number }} CacheRecord
 * @typedef {{ record: CacheRecord | null, clock: number }} CacheRead
 * @typedef {{
 *   read(key: string): Promise<CacheRead>,
 *   write(key: string, record: CacheRecord): Promise<void>,
 *   remove(key: string): Promise<void>,
 *   stamp(tags: readonly string[]): Promise<void>,
 *   close(): Promise<void>,
 * }} RouteStore
 */

// ---------------------------------------------------------------------------
// Paths and tags

/** @param {Paths} paths */
export function tagsOfPaths(paths) {
  if (paths === "all") return [EVERYTHING_TAG];
  return paths.flatMap((path) => {
    const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
    return trimmed === "/" ? [`${PATH_TAG_PREFIX}/`, `${PATH_TAG_PREFIX}/index`] : [`${PATH_TAG_PREFIX}${trimmed}`];
  });
}

/**
 * The public paths whose answers these tags cover, for the page copies;
 * "all" for a layout, a route pattern or a tag that names no path.
 * @param {readonly string[]} tags @returns {string[] | "all"}
 */
export function pathsOfTags(tags) {
  const paths = new Set();
  for (const tag of tags) {
    if (!tag.startsWith(`${PATH_TAG_PREFIX}/`) || tag.endsWith("/layout") || tag.endsWith("/page") || tag.endsWith("/route")) return "all";
    const path = tag.slice(PATH_TAG_PREFIX.length);
    paths.add(path === "/index" ? "/" : path);
  }
  return [...paths];
}

// ---------------------------------------------------------------------------
// One process

/** @param {{ maxBytes?: number }} [options] @returns {RouteStore} */
export function createMemoryStore(options = {}) {
  const maxBytes = options.maxBytes ?? MEMORY_BYTES;
  let clock = 0;
  /** @type {Map<string, { stamp: number, at: number }>} */
  const tagStamps = new Map();
  /** @type {Map<string, { record: CacheRecord, bytes: number }>} insertion order is least recently used first */
  const entries = new Map();
  let totalBytes = 0;

  /** @param {string} key */
  const drop = (key) => {
    const entry = entries.get(key);
    if (!entry) return;
    totalBytes -= entry.bytes;
    entries.delete(key);
  };

  return {
    async read(key) {
      const entry = entries.get(key);
      if (!entry) return { record: null, clock };
      entries.delete(key);
      entries.set(key, entry);
      const revalidated = entry.record.tags.some((tag) => (tagStamps.get(tag)?.stamp ?? 0) > entry.record.stamp);
      return { record: revalidated ? null : entry.record, clock };
    },
    async write(key, record) {
      drop(key);
      const bytes = approximateBytes(record.value);
      entries.set(key, { record, bytes });
      totalBytes += bytes;
      for (const oldest of entries.keys()) {
        if (totalBytes <= maxBytes) break;
        drop(oldest);
      }
    },
    async remove(key) {
      drop(key);
    },
    async stamp(tags) {
      clock += 1;
      const at = Date.now();
      for (const tag of tags) {
        tagStamps.delete(tag);
        tagStamps.set(tag, { stamp: clock, at });
      }
      // Oldest first: a stamp older than any entry can be, judges nothing any more.
      for (const [tag, stamped] of tagStamps) {
        if (at - stamped.at < MAX_ENTRY_SECONDS * 1000) break;
        tagStamps.delete(tag);
      }
    },
    async close() {},
  };
}

/** @param {unknown} value */
function approximateBytes(value) {
  let bytes = 256;
  if (value && typeof value === "object") {
    for (const part of Object.values(value)) {
      if (typeof part === "string") bytes += part.length;
      else if (part instanceof Uint8Array) bytes += part.byteLength;
      else if (part instanceof Map) for (const buffer of part.values()) bytes += buffer?.byteLength ?? 0;
    }
  }
  return bytes;
}

// ---------------------------------------------------------------------------
// Several instances: Redis

// The entry and the stamps of its tags are read in one step, with the clock.
const READ_SCRIPT = `
local clock = tonumber(redis.call('GET', KEYS[2]) or '0')
local meta = redis.call('HMGET', KEYS[1], 'stamp', 'tags')
if not meta[1] then return {clock} end
local stamp = tonumber(meta[1])
local tagKeys = {}
for tag in string.gmatch(meta[2] or '', '[^,]+') do tagKeys[#tagKeys + 1] = ARGV[1] .. tag end
if #tagKeys > 0 then
  local stamps = redis.call('MGET', unpack(tagKeys))
  for i = 1, #stamps do
    if stamps[i] and tonumber(stamps[i]) > stamp then return {clock} end
  end
end
return {clock, redis.call('HGET', KEYS[1], 'record')}`;

// The clock moves and the tags take its new reading in one step.
const STAMP_SCRIPT = `
local clock = redis.call('INCR', KEYS[1])
for i = 3, #ARGV do redis.call('SET', ARGV[1] .. ARGV[i], clock, 'EX', ARGV[2]) end
return clock`;

/**
 * The two scripts above, as ioredis's defineCommand adds them (the Buffer
 * variant keeps the serialized record binary).
 * @typedef {{
 *   readRouteEntryBuffer(entryKey: string, clockKey: string, tagPrefix: string): Promise<[number, Buffer | null | undefined]>,
 *   stampRouteTags(clockKey: string, tagPrefix: string, seconds: number, ...tags: string[]): Promise<number>,
 * }} RouteScripts
 */

/**
 * @param {{ url: string, prefix: string, buildId: string }} options
 * @returns {RouteStore}
 */
export function createRedisStore({ url, prefix, buildId }) {
  const redis = new Redis(url, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
  redis.on("error", (error) => console.error(`route cache: Redis: ${error.message}`));
  redis.defineCommand("readRouteEntry", { numberOfKeys: 2, lua: READ_SCRIPT });
  redis.defineCommand("stampRouteTags", { numberOfKeys: 1, lua: STAMP_SCRIPT });
  const scripts = /** @type {Redis & RouteScripts} */ (redis);
  const names = redisNames(prefix);
  const entryKey = (/** @type {string} */ key) => names.routeEntry(buildId, key);
  const clockKey = names.routeClock;
  const tagPrefix = names.routeTagPrefix;

  return {
    async read(key) {
      const [clock, serialized] = await scripts.readRouteEntryBuffer(entryKey(key), clockKey, tagPrefix);
      return { clock: Number(clock), record: serialized ? v8.deserialize(serialized) : null };
    },
    async write(key, record) {
      const ttl = Math.max(1, Math.ceil((record.expiresAt - Date.now()) / 1000));
      await redis
        .multi()
        .del(entryKey(key))
        .hset(entryKey(key), { stamp: record.stamp, tags: record.tags.join(","), record: v8.serialize(record) })
        .expire(entryKey(key), ttl)
        .exec();
    },
    async remove(key) {
      await redis.del(entryKey(key));
    },
    async stamp(tags) {
      await scripts.stampRouteTags(clockKey, tagPrefix, MAX_ENTRY_SECONDS + 60, ...tags);
    },
    async close() {
      await redis.quit();
    },
  };
}

