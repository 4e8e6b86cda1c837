import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeEach, describe, expect, test } from "vitest";
import "@/server/cache-handler.mjs";
import { revalidateStory, revalidateStoryComments } from "@/lib/revalidate";
import { purgePageCopiesHook } from "@/server/names.mjs";
import { createPageCache, type PageCache } from "@/server/page-cache.mjs";

/**
 * server/start.mjs answers anonymous readers from copies of cacheable public pages
 * (page-cache.mjs). Here it stands in front of a small stand-in for Next.js
 * that says how each path may be cached and counts how often it had to answer.
 */

interface Origin {
  server: Server;
  url: string;
  /** How often the stand-in for Next.js answered, per path. */
  served: Map<string, number>;
  /** What the next answer for a path will say. */
  version: Map<string, number>;
}

type Answer = { status?: number; headers?: Record<string, string> };

const shared = { "cache-control": "s-maxage=3600, stale-while-revalidate=31532400", "content-type": "text/html; charset=utf-8" };
const answers: Record<string, Answer> = {
  "/articles/story": { headers: { ...shared, etag: '"story-etag"' } },
  "/sections/world": { headers: shared },
  "/dashboard": { headers: { "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" } },
  "/with-cookie": { headers: { ...shared, "set-cookie": "session=abc; HttpOnly" } },
  "/missing": { status: 404, headers: shared },
  "/stale": { headers: { ...shared, "x-nextjs-cache": "STALE" } },
};

async function startOrigin(cache: PageCache, delayMs = 0): Promise<Origin> {
  const served = new Map<string, number>();
  const version = new Map<string, number>();
  const next = (request: IncomingMessage, response: ServerResponse) => {
    const path = request.url ?? "/";
    served.set(path, (served.get(path) ?? 0) + 1);
    const answer: Answer = answers[path.split("?")[0]!] ?? { headers: shared };
    const body = `<p>${path} version ${version.get(path) ?? 1}</p>`;
    setTimeout(() => {
      response.statusCode = answer.status ?? 200;
      for (const [name, value] of Object.entries(answer.headers ?? {})) response.setHeader(name, value);
      response.write("<!doctype html>");
      response.end(body);
    }, delayMs);
  };
  const server = createServer((request, response) => cache.handle(request, response, () => next(request, response)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, served, version };
}

const stop = (origin: Origin) => new Promise<void>((resolve) => origin.server.close(() => resolve()));

describe("copies of anonymous public pages in front of Next.js", () => {
  let cache: PageCache;
  let origin: Origin;

  beforeEach(async () => {
    cache = createPageCache({ seconds: 60 });
    origin = await startOrigin(cache);
  });
  afterEach(async () => {
    await stop(origin);
    await cache.close();
  });

  test("a reader gets the same page Next.js rendered, without asking it again", async () => {
    const first = await fetch(`${origin.url}/articles/story`);
    const firstBody = await first.text();
    const second = await fetch(`${origin.url}/articles/story`);
    expect(await second.text()).toBe(firstBody);
    expect(second.status).toBe(200);
    expect(second.headers.get("x-newsroom-page-cache")).toBe("HIT");
    expect(second.headers.get("cache-control")).toBe(shared["cache-control"]);
    expect(origin.served.get("/articles/story")).toBe(1);
  });

  test("a browser that has the page already gets 304 from the copy", async () => {
    await fetch(`${origin.url}/articles/story`);
    const again = await fetch(`${origin.url}/articles/story`, { headers: { "if-none-match": '"story-etag"' } });
    expect(again.status).toBe(304);
    expect(origin.served.get("/articles/story")).toBe(1);
  });

  test.each([
    ["a private dashboard answer", "/dashboard", {}],
    ["an answer that sets a cookie", "/with-cookie", {}],
    ["a 404", "/missing", {}],
    ["a stale page Next.js is regenerating", "/stale", {}],
    ["a signed-in request (any cookie)", "/sections/world", { cookie: "authjs.session-token=x" }],
    ["a client-side navigation (RSC payload)", "/sections/world", { rsc: "1" }],
    ["an address with a query string", "/sections/world?page=2", {}],
  ])("never copies %s", async (_what, path, headers: Record<string, string>) => {
    await fetch(`${origin.url}${path}`, { headers });
    const again = await fetch(`${origin.url}${path}`, { headers });
    expect(again.headers.get("x-newsroom-page-cache")).toBeNull();
    expect(origin.served.get(path)).toBe(2);
  });

  test("a not-found answer tells browsers and proxies not to keep it", async () => {
    const missing = await fetch(`${origin.url}/missing`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).toBe("no-store");
    expect((await fetch(`${origin.url}/sections/world`)).headers.get("cache-control")).toBe(shared["cache-control"]);
  });

  test("readers who accept gzip and readers who do not get separate copies", async () => {
    await fetch(`${origin.url}/sections/world`, { headers: { "accept-encoding": "identity" } });
    await fetch(`${origin.url}/sections/world`, { headers: { "accept-encoding": "gzip" } });
    expect(origin.served.get("/sections/world")).toBe(2);
  });

  test("a purged path is rendered afresh; other copies stay", async () => {
    await fetch(`${origin.url}/articles/story`);
    await fetch(`${origin.url}/sections/world`);
    origin.version.set("/articles/story", 2);
    await cache.purge(["/articles/story"]);
    expect(await (await fetch(`${origin.url}/articles/story`)).text()).toContain("version 2");
    await fetch(`${origin.url}/sections/world`);
    expect(origin.served.get("/articles/story")).toBe(2);
    expect(origin.served.get("/sections/world")).toBe(1);
  });

  test("a page rendered while a purge happened is not kept", async () => {
    const slow = await startOrigin(cache, 200);
    try {
      const pending = fetch(`${slow.url}/articles/story`).then((response) => response.text());
      await new Promise((resolve) => setTimeout(resolve, 50));
      await cache.purge(["/articles/story"]);
      await pending;
      await fetch(`${slow.url}/articles/story`);
      expect(slow.served.get("/articles/story")).toBe(2);
    } finally {
      await stop(slow);
    }
  });

  test("copies expire after their time", async () => {
    const brief = createPageCache({ seconds: 1 });
    const short = await startOrigin(brief);
    try {
      await fetch(`${short.url}/articles/story`);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await fetch(`${short.url}/articles/story`);
      expect(short.served.get("/articles/story")).toBe(2);
    } finally {
      await stop(short);
      await brief.close();
    }
  });
});

describe("revalidation purges the copies", () => {
  const cache = createPageCache({ seconds: 60 });
  let origin: Origin;

  afterAll(async () => {
    await stop(origin);
    await cache.close();
    purgePageCopiesHook.set(undefined);
  });

  test("publishing a story and approving a comment drop every page that shows them", async () => {
    cache.install();
    origin = await startOrigin(cache);
    const paths = ["/", "/articles/story", "/sections/world", "/feed.xml"];
    for (const path of paths) await fetch(`${origin.url}${path}`);
    await revalidateStoryComments("story");
    await fetch(`${origin.url}/articles/story`);
    await fetch(`${origin.url}/`);
    expect(origin.served.get("/articles/story")).toBe(2);
    expect(origin.served.get("/")).toBe(1);

    await revalidateStory({ slug: "story", sectionSlugs: ["world"] });
    for (const path of paths) await fetch(`${origin.url}${path}`);
    expect(Object.fromEntries(paths.map((path) => [path, origin.served.get(path)]))).toEqual({
      "/": 2,
      "/articles/story": 3,
      "/sections/world": 2,
      "/feed.xml": 2,
    });
  });
});

describe("several instances (Redis)", () => {
  test("a purge on one instance resolves once the other has dropped its copy", async () => {
    const redisPrefix = `newsroom-test-${randomBytes(4).toString("hex")}`;
    const one = createPageCache({ seconds: 60, redisUrl: "redis://127.0.0.1:6379", redisPrefix });
    const two = createPageCache({ seconds: 60, redisUrl: "redis://127.0.0.1:6379", redisPrefix });
    const first = await startOrigin(one);
    const second = await startOrigin(two);
    try {
      await Promise.all([one.ready(), two.ready()]);
      await fetch(`${second.url}/articles/story`);
      expect(two.size()).toBe(1);
      await one.purge(["/articles/story"]);
      expect(two.size()).toBe(0);
      await fetch(`${second.url}/articles/story`);
      expect(second.served.get("/articles/story")).toBe(2);
    } finally {
      await Promise.all([stop(first), stop(second)]);
      await Promise.all([one.close(), two.close()]);
    }
  });
});
