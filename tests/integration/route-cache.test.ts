import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";
import { Redis } from "ioredis";
import { afterAll, afterEach, describe, expect, test, vi } from "vitest";
import NewsroomCacheHandler from "@/server/cache-handler.mjs";
import { invalidateRoutesHook } from "@/server/names.mjs";
import { createMemoryStore, createRedisStore, tagsOfPaths, type CacheRecord, type RouteStore } from "@/server/route-cache.mjs";
import { inRequestScope } from "@/server/route-renders.mjs";

/**
 * Next.js's full-route cache (server/cache-handler.mjs over route-cache.mjs and route-renders.mjs): a
 * revalidation wins over every render that began before it, in one process
 * and across instances sharing Redis; a request that comes after a
 * revalidation is never handed a render from before it.
 */

const REDIS_URL = "redis://127.0.0.1:6379";
const storyTags = (slug: string) => ["_N_T_/layout", "_N_T_/articles/[slug]/page", `_N_T_/articles/${slug}`];

function record(stamp: number, html: string, tags: string[]): CacheRecord {
  const now = Date.now();
  return { value: { kind: "APP_PAGE", html, status: 200 }, cacheControl: { revalidate: 3600 }, tags, stamp, storedAt: now, expiresAt: now + 3_600_000 };
}

const htmlOf = (found: CacheRecord | null) => (found?.value as { html?: string } | undefined)?.html ?? null;

const redisPrefix = `newsroom-test-${randomBytes(4).toString("hex")}`;
const stores: RouteStore[] = [];
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${redisPrefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

// In one process "elsewhere" is the same store; with Redis it is a second connection, as another instance has.
describe.each([
  ["in one process", () => createMemoryStore()],
  ["in Redis, shared by two instances", () => createRedisStore({ url: REDIS_URL, prefix: redisPrefix, buildId: "test" })],
] as const)("the route cache %s", (where, makeStore) => {
  const shared = makeStore();
  const elsewhere = where.startsWith("in Redis") ? makeStore() : shared;
  stores.push(shared, elsewhere);

  test("a page rendered from before a revalidation is never served after it, even when stored after it", async () => {
    const key = `/articles/race-${randomBytes(3).toString("hex")}`;
    const lookup = await shared.read(key);
    expect(lookup.record).toBeNull();
    // The render read the database before the commit; the revalidation lands before it is stored.
    await elsewhere.stamp(tagsOfPaths([key]));
    await shared.write(key, record(lookup.clock, "not found", storyTags(key.slice(10))));
    expect((await elsewhere.read(key)).record).toBeNull();

    const afterwards = await elsewhere.read(key);
    await elsewhere.write(key, record(afterwards.clock, "the story", storyTags(key.slice(10))));
    expect(htmlOf((await shared.read(key)).record)).toBe("the story");
  });

  test("revalidating a story's page leaves other pages cached; revalidating everything does not", async () => {
    const story = `/articles/kept-${randomBytes(3).toString("hex")}`;
    const other = `/articles/other-${randomBytes(3).toString("hex")}`;
    for (const key of [story, other]) {
      const { clock } = await shared.read(key);
      await shared.write(key, record(clock, key, storyTags(key.slice(10))));
    }
    await elsewhere.stamp(tagsOfPaths([story]));
    expect((await shared.read(story)).record).toBeNull();
    expect(htmlOf((await shared.read(other)).record)).toBe(other);
    await elsewhere.stamp(tagsOfPaths("all"));
    expect((await shared.read(other)).record).toBeNull();
  });
});

/** A stand-in for one request Next.js answers through server/start.mjs. */
function request(path: string) {
  // Only its "close" event matters here.
  const response = new EventEmitter() as EventEmitter & Pick<ServerResponse, "once">;
  return {
    response,
    run: <T>(handle: () => Promise<T>) => inRequestScope({ url: path, method: "GET" }, response, handle) as Promise<T>,
    leave: () => response.emit("close"),
  };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

const invalidate = (paths: string[]) => invalidateRoutesHook.get()!(paths);

describe("Next.js's cache handler", () => {
  const handler = new NewsroomCacheHandler();
  const page = (path: string, html: string, status = 200) => ({ kind: "APP_PAGE", html, status, headers: { "x-next-cache-tags": `_N_T_/layout,_N_T_${path}` } });
  const ctx = { cacheControl: { revalidate: 3600 } };

  afterEach(() => {
    vi.useRealTimers();
  });

  test("what a render stores is judged by the moment its request looked the cache up, not by when it is stored", async () => {
    const path = `/articles/stamp-${randomBytes(3).toString("hex")}`;
    const readDatabase = deferred();
    const render = request(path).run(async () => {
      expect(await handler.get(path)).toBeNull();
      await readDatabase.promise;
      await handler.set(path, page(path, "not found", 404), ctx);
    });
    await invalidate([path]);
    readDatabase.resolve();
    await render;
    expect(await request(path).run(() => handler.get(path))).toBeNull();
  });

  test("a request that arrives after a revalidation waits for a render from before it, even if that render's reader left", async () => {
    const path = `/articles/wait-${randomBytes(3).toString("hex")}`;
    const events: string[] = [];
    const finish = deferred();
    const early = request(path);
    const rendering = early.run(async () => {
      await handler.get(path);
      await finish.promise;
      await handler.set(path, page(path, "old"), ctx);
      events.push("the early render ended");
    });
    await vi.waitFor(() => expect(events).toEqual([]));
    early.leave();
    await invalidate([path]);
    const late = request(path).run(async () => void events.push("the late request entered Next.js"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toEqual([]);
    finish.resolve();
    await Promise.all([rendering, late]);
    expect(events).toEqual(["the early render ended", "the late request entered Next.js"]);
  });

  test("a request for a page nobody revalidated does not wait for renders under way", async () => {
    const path = `/articles/busy-${randomBytes(3).toString("hex")}`;
    const finish = deferred();
    const rendering = request(path).run(async () => {
      await handler.get(path);
      await finish.promise;
    });
    let entered = false;
    await request(path).run(async () => void (entered = true));
    expect(entered).toBe(true);
    finish.resolve();
    await rendering;
  });

  test("a not-found answer is kept for seconds, a page for its revalidate time", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const missing = `/articles/missing-${randomBytes(3).toString("hex")}`;
    const present = `/articles/present-${randomBytes(3).toString("hex")}`;
    await request(missing).run(async () => handler.set(missing, page(missing, "not found", 404), ctx));
    await request(present).run(async () => handler.set(present, page(present, "story"), ctx));
    expect(await handler.get(missing)).not.toBeNull();
    vi.setSystemTime(Date.now() + 11_000);
    expect(await handler.get(missing)).toBeNull();
    expect(await handler.get(present)).not.toBeNull();
    vi.setSystemTime(Date.now() + 3_600_000);
    expect(await handler.get(present)).toBeNull();
  });
});
