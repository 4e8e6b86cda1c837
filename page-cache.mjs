// @ts-check
// A copy of each anonymous public page in front of Next.js, for server.mjs.
//
// Next.js serves cached pages from its full-route cache, but even a cache hit
// walks its whole request pipeline (routing, cache lookup, headers), which on
// two cores holds a warm article page to a few hundred requests a second. This
// keeps the exact bytes Next.js answered for a cacheable public page and
// replays them, so a reader's request costs what a static file does.
//
// Correctness rules, all enforced here:
// - only anonymous requests: GET, no query string, no Cookie or Authorization,
//   none of Next's client-navigation headers (RSC payloads vary by them);
// - only responses Next.js itself marked shared-cacheable (`s-maxage`, not
//   private / no-store), status 200, without Set-Cookie;
// - lib/revalidate.ts purges every path it revalidates in Next.js here too,
//   through the hook registered on globalThis; with REDIS_URL the purge is
//   published so every instance drops its copy at once;
// - a render that started before a purge is never stored (generation count);
// - copies live at most PAGE_CACHE_SECONDS (60 s by default), so time-based
//   revalidation in Next.js still shows within a minute; 0 turns the cache off.
import { Redis } from "ioredis";

const PURGE_HOOK = Symbol.for("newsroom.pageCache.purge");
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
const BYPASS_REQUEST_HEADERS = ["cookie", "authorization", "rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "range"];
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "date"]);

/**
 * @typedef {{ status: number, headers: [string, string | string[]][], body: Buffer, etag: string | undefined, expires: number }} Entry
 * @typedef {import("node:http").IncomingMessage} Request
 * @typedef {import("node:http").ServerResponse} Response
 */

/** @param {Request} request */
function cacheKey(request) {
  if (request.method !== "GET" || !request.url || request.url.includes("?")) return null;
  for (const name of BYPASS_REQUEST_HEADERS) if (request.headers[name] !== undefined) return null;
  const gzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
  return `${request.url}|${gzip ? "gzip" : "identity"}`;
}

/** @param {Response} response */
function storable(response) {
  if (response.statusCode !== 200 || response.hasHeader("set-cookie")) return false;
  // A stale page Next.js is regenerating in the background is not worth keeping.
  if (String(response.getHeader("x-nextjs-cache") ?? "").toUpperCase() === "STALE") return false;
  const cacheControl = String(response.getHeader("cache-control") ?? "");
  if (!/\bs-maxage=\d+/.test(cacheControl) || /\b(private|no-store|no-cache)\b/.test(cacheControl)) return false;
  const encoding = String(response.getHeader("content-encoding") ?? "identity");
  return encoding === "identity" || encoding === "gzip";
}

/**
 * @param {{ seconds?: number, redisUrl?: string, channel?: string, log?: (line: string) => void }} [options]
 */
export function createPageCache(options = {}) {
  const seconds = options.seconds ?? 60;
  const log = options.log ?? ((line) => console.error(line));
  /** @type {Map<string, Entry>} insertion order doubles as least-recently-stored order */
  const entries = new Map();
  let totalBytes = 0;
  let generation = 0;

  /** @param {string} key */
  function drop(key) {
    const entry = entries.get(key);
    if (!entry) return;
    totalBytes -= entry.body.byteLength;
    entries.delete(key);
  }

  /** @param {readonly string[] | "all"} paths */
  function purgeLocally(paths) {
    generation += 1;
    if (paths === "all") {
      entries.clear();
      totalBytes = 0;
      return;
    }
    const wanted = new Set(paths);
    for (const key of [...entries.keys()]) {
      if (wanted.has(key.slice(0, key.lastIndexOf("|")))) drop(key);
    }
  }

  const channel = options.channel ?? "newsroom:page-cache:purge";
  let publisher = /** @type {Redis | null} */ (null);
  let subscriber = /** @type {Redis | null} */ (null);
  let subscribed = Promise.resolve();
  if (options.redisUrl && seconds > 0) {
    publisher = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
    subscriber = new Redis(options.redisUrl);
    for (const client of [publisher, subscriber]) client.on("error", (error) => log(`page cache: Redis: ${error.message}`));
    subscribed = subscriber.subscribe(channel).then(
      () => undefined,
      (error) => log(`page cache: cannot subscribe to purges: ${error.message}`),
    );
    subscriber.on("message", (_channel, message) => {
      try {
        const paths = JSON.parse(message);
        purgeLocally(paths === "all" ? "all" : Array.isArray(paths) ? paths.map(String) : []);
      } catch {
        purgeLocally("all");
      }
    });
  }

  /**
   * Drops the copies of these paths here and, with Redis, on every instance.
   * @param {readonly string[] | "all"} paths
   */
  async function purge(paths) {
    purgeLocally(paths);
    if (publisher) await publisher.publish(channel, JSON.stringify(paths));
  }

  /**
   * Answers from a copy, or lets Next.js answer and keeps a copy of what it sent.
   * @param {Request} request
   * @param {Response} response
   * @param {() => void} next
   */
  function handle(request, response, next) {
    const key = seconds > 0 ? cacheKey(request) : null;
    if (!key) return next();
    const entry = entries.get(key);
    if (entry && entry.expires > Date.now()) {
      for (const [name, value] of entry.headers) response.setHeader(name, value);
      response.setHeader("x-newsroom-page-cache", "HIT");
      if (entry.etag && request.headers["if-none-match"] === entry.etag) {
        response.statusCode = 304;
        response.removeHeader("content-length");
        response.end();
        return;
      }
      response.statusCode = entry.status;
      response.setHeader("content-length", entry.body.byteLength);
      response.end(entry.body);
      return;
    }
    if (entry) drop(key);

    const startedAt = generation;
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    const write = response.write.bind(response);
    const end = response.end.bind(response);
    /** @param {unknown} chunk @param {unknown} [encoding] */
    const keep = (chunk, encoding) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function" || size > MAX_BODY_BYTES) return;
      const buffer = Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8") : Buffer.from(/** @type {Uint8Array} */ (chunk));
      chunks.push(buffer);
      size += buffer.byteLength;
    };
    response.write = /** @type {typeof response.write} */ ((/** @type {any} */ chunk, /** @type {any} */ ...rest) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    });
    response.end = /** @type {typeof response.end} */ ((/** @type {any} */ chunk, /** @type {any} */ ...rest) => {
      keep(chunk, rest[0]);
      if (startedAt === generation && size <= MAX_BODY_BYTES && storable(response)) {
        const headers = /** @type {[string, string | string[]][]} */ (
          Object.entries(response.getHeaders())
            .filter(([name, value]) => value !== undefined && !HOP_BY_HOP.has(name) && name !== "content-length")
            .map(([name, value]) => [name, Array.isArray(value) ? value.map(String) : String(value)])
        );
        const body = Buffer.concat(chunks);
        const etag = response.getHeader("etag");
        drop(key);
        entries.set(key, { status: response.statusCode, headers, body, etag: etag === undefined ? undefined : String(etag), expires: Date.now() + seconds * 1000 });
        totalBytes += body.byteLength;
        for (const oldest of entries.keys()) {
          if (totalBytes <= MAX_TOTAL_BYTES) break;
          drop(oldest);
        }
      }
      return end(chunk, ...rest);
    });
    next();
  }

  /** Registers this cache as the one lib/revalidate.ts purges (one per process). */
  function install() {
    /** @type {Record<symbol, unknown>} */ (globalThis)[PURGE_HOOK] = purge;
  }

  async function close() {
    await Promise.all([publisher?.quit(), subscriber?.quit()]);
  }

  return { handle, purge, install, close, size: () => entries.size, ready: () => subscribed };
}
