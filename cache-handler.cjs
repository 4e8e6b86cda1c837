// Shared page cache for several app instances behind a load balancer.
//
// With REDIS_URL set, next.config.js points Next.js's server cache (the
// full-route cache that serves articles, sections and feeds, and their
// on-demand revalidation) at Redis through @trieb.work/nextjs-turbo-redis-cache,
// a maintained handler that keeps the tag → entry index in Redis and syncs it
// between instances over pub/sub. A story published through one instance is
// then revalidated for all of them at once. Without REDIS_URL this file is not
// used: a single instance keeps Next's default in-memory + disk cache.
//
// Loaded by Next.js at run time as plain CommonJS, so it reads process.env
// itself (lib/env.ts has already validated REDIS_URL at start-up).
const { readFileSync } = require("node:fs");
const path = require("node:path");
const { RedisStringsHandler } = require("@trieb.work/nextjs-turbo-redis-cache");

function buildId() {
  try {
    return readFileSync(path.join(__dirname, ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    return "development";
  }
}

function createHandler() {
  const url = new URL(process.env.REDIS_URL);
  const database = Number(url.pathname.replace("/", "") || 0);
  return new RedisStringsHandler({
    redisUrl: process.env.REDIS_URL,
    database,
    // Entries of one build only: a new deployment never serves pages rendered by the old code.
    keyPrefix: `${process.env.CACHE_KEY_PREFIX ?? "newsroom"}:${buildId()}:`,
    // No local memo of Redis reads: a revalidation on one instance clears only
    // that instance's memo, so another would go on serving the old page for
    // as long as the memo lasts. A GET from Redis costs well under a millisecond.
    inMemoryCachingTime: 0,
    getTimeoutMs: 500,
  });
}

let shared;

module.exports = class NewsroomCacheHandler {
  constructor() {
    shared ??= createHandler();
  }

  get(...args) {
    return shared.get(...args);
  }

  set(...args) {
    return shared.set(...args);
  }

  revalidateTag(...args) {
    return shared.revalidateTag(...args);
  }

  resetRequestCache(...args) {
    return shared.resetRequestCache(...args);
  }
};
