// A copy of each anonymous public page in front of Next.js, for start.mjs,
// and the other half of revalidation: no answer rendered before it may reach
// a reader after it.
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
//   private / no-store), status 200, without Set-Cookie; a 404 tells every
//   cache not to keep it;
// - a revalidation (cache-handler.mjs) purges the copies of its paths here and,
//   with REDIS_URL, on every instance, and resolves only when every instance
//   has dropped them and told `onPurge` (route-renders.mjs: requests for those
//   paths then keep clear of renders from before);
// - a render that started before a purge is never stored (generation count);
// - copies live at most PAGE_CACHE_SECONDS (60 s by default); 0 turns the
//   copies off (purges still reach every instance).
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { PAGE_COPY_HEADER, purgePageCopiesHook, redisNames } from "./names.mjs";
import { pathOf } from "./route-renders.mjs";

const MAX_BODY_BYTES = 2 * 1024 * 1024;
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
/** How long a purge waits for the other instances to confirm it. */
const CONFIRM_LIMIT_MS = 5_000;
const BYPASS_REQUEST_HEADERS = ["cookie", "authorization", "rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "range"];
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "date"]);

/**
 * @typedef {{ status: number, headers: [string, string | string[]][], body: Buffer, etag: string | undefined, expires: number }} Entry
 * @typedef {ReturnType<typeof createPageCache>} PageCache
 * @typedef {import("node:http").IncomingMessage} Request
 * @typedef {import("node:http").ServerResponse} Response
 * @typedef {import("./names.mjs").Paths} Paths
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
 * A story that is not there yet may be there a second later: no browser or
 * proxy keeps a "not found" (Next.js would mark it like the page it stands for).
 * @param {Response} response
 */
function forbidKeepingNotFound(response) {
  const writeHead = response.writeHead.bind(response);
  response.writeHead = /** @type {typeof response.writeHead} */ ((/** @type {number} */ status, /** @type {any[]} */ ...rest) => {
    if (status === 404) {
      response.setHeader("cache-control", "no-store");
      const headers = rest.find((part) => part && typeof part === "object" && !Array.isArray(part));
      if (headers) for (const name of Object.keys(headers)) if (name.toLowerCase() === "cache-control") headers[name] = "no-store";
    }
    return writeHead(status, ...rest);
  });
}

/**
 * A purge message: `{ id, paths }`; anything else (an older instance's plain list, garbage) purges everything.
 * @param {string} message @returns {{ id: string | null, paths: Paths }}
 */
function parsePurge(message) {
  try {
    const purge = JSON.parse(message);
    const paths = purge?.paths === "all" ? "all" : Array.isArray(purge?.paths) ? purge.paths.map(String) : "all";
    return { id: typeof purge?.id === "string" ? purge.id : null, paths };
  } catch {
    return { id: null, paths: "all" };
  }
}

/** @param {number} ms */
const timeout = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * @param {{ seconds?: number, redisUrl?: string, redisPrefix?: string, onPurge?: (paths: Paths) => void, log?: (line: string) => void }} [options]
 * `redisPrefix`: CACHE_KEY_PREFIX, under which instances exchange purges.
 * `onPurge`: told of every purge that reaches this process, its own and other instances'.
 */
export function createPageCache(options = {}) {
  const seconds = options.seconds ?? 60;
  const log = options.log ?? ((line) => console.error(line));
  const onPurge = options.onPurge ?? (() => {});
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

  /** @param {Paths} paths */
  function dropCopies(paths) {
    generation += 1;
    if (paths === "all") {
      entries.clear();
      totalBytes = 0;
      return;
    }
    const wanted = new Set(paths);
    for (const key of [...entries.keys()]) {
      if (wanted.has(pathOf(key.slice(0, key.lastIndexOf("|"))))) drop(key);
    }
  }

  /** @param {Paths} paths */
  function purgeHere(paths) {
    dropCopies(paths);
    onPurge(paths);
  }

  const { pageCopiesPurge: channel, pageCopiesPurged: doneChannel } = redisNames(options.redisPrefix ?? "newsroom");
  let publisher = /** @type {Redis | null} */ (null);
  let subscriber = /** @type {Redis | null} */ (null);
  let subscribed = Promise.resolve();
  /** @type {Map<string, { confirmed: number, expected: number | null, done: () => void }>} purges this instance sent, by id */
  const awaitingDone = new Map();
  if (options.redisUrl) {
    publisher = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
    subscriber = new Redis(options.redisUrl);
    for (const client of [publisher, subscriber]) client.on("error", (error) => log(`page cache: Redis: ${error.message}`));
    subscribed = subscriber.subscribe(channel, doneChannel).then(
      () => undefined,
      (error) => log(`page cache: cannot subscribe to purges: ${error.message}`),
    );
    subscriber.on("message", (from, message) => {
      if (from === doneChannel) {
        const awaiting = awaitingDone.get(message);
        if (!awaiting) return;
        awaiting.confirmed += 1;
        if (awaiting.expected !== null && awaiting.confirmed >= awaiting.expected) awaiting.done();
        return;
      }
      const { id, paths } = parsePurge(message);
      purgeHere(paths);
      if (id) publisher?.publish(doneChannel, id).catch((error) => log(`page cache: cannot confirm a purge: ${error.message}`));
    });
  }

  /**
   * Drops the copies of these paths here and (with Redis) on every instance;
   * resolves when every instance has confirmed it.
   * @param {Paths} paths
   */
  async function purge(paths) {
    purgeHere(paths);
    if (!publisher) return;
    const id = randomUUID();
    const awaiting = { confirmed: 0, expected: /** @type {number | null} */ (null), done: () => {} };
    /** @type {Promise<void>} */
    const allDone = new Promise((done) => (awaiting.done = done));
    awaitingDone.set(id, awaiting);
    try {
      // Every subscribed instance confirms, this one included; Redis says how many received it.
      awaiting.expected = await publisher.publish(channel, JSON.stringify({ id, paths }));
      if (awaiting.confirmed >= awaiting.expected) awaiting.done();
      const done = await Promise.race([allDone.then(() => true), timeout(CONFIRM_LIMIT_MS).then(() => false)]);
      if (!done) log("page cache: not every instance confirmed a purge in time");
    } catch (error) {
      log(`page cache: the purge did not reach other instances: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      awaitingDone.delete(id);
    }
  }

  /**
   * Answers from a copy, or lets Next.js answer (keeping a copy of what it sent when it may).
   * @param {Request} request
   * @param {Response} response
   * @param {() => void} next
   */
  function handle(request, response, next) {
    if (request.method !== "GET" && request.method !== "HEAD") return next();
    const key = seconds > 0 ? cacheKey(request) : null;
    const entry = key ? entries.get(key) : undefined;
    if (key && entry && entry.expires > Date.now()) {
      for (const [name, value] of entry.headers) response.setHeader(name, value);
      response.setHeader(PAGE_COPY_HEADER, "HIT");
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
    if (key && entry) drop(key);
    forbidKeepingNotFound(response);
    if (key) keepCopy(key, response);
    next();
  }

  /**
   * Keeps what Next.js writes, and stores it as a copy when it ends, if it may.
   * @param {string} key @param {Response} response
   */
  function keepCopy(key, response) {
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
  }

  /** Registers this cache as the one revalidation purges (one per process). */
  function install() {
    purgePageCopiesHook.set(purge);
  }

  async function close() {
    await Promise.all([publisher?.quit(), subscriber?.quit()]);
  }

  return { handle, purge, install, close, size: () => entries.size, ready: () => subscribed };
}
