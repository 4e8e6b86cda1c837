import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { Redis } from "ioredis";
import { freePort } from "../tests/support/free-port";
import { expectMessage, publishFirstTime, typeInBody } from "./support/editor";
import {
  createPublishedStory,
  createScheduledStories,
  overrideModerationSettings,
  publishRevisions,
  storyStatuses,
  storyVersions,
  uniqueTag,
} from "./support/newsroom-data";
import { schedulerRun, underReaders } from "./support/freshness";
import { read } from "./support/readers";
import { storageStatePath } from "./support/staff";

/**
 * Newsroom as several stateless instances behind a load balancer (README,
 * "Several instances behind a load balancer"): two more servers from the same
 * build, on two ports, sharing the suite's PostgreSQL and the local Redis
 * (page cache and rate limits), with TRUST_PROXY=1 as behind a real balancer.
 * What one instance does, the other shows at once, although it answered from
 * its caches until then; limits count across both; scheduled stories go live
 * once although both schedulers race for them.
 */

const REDIS_URL = process.env.E2E_REDIS_URL ?? "redis://127.0.0.1:6379";

interface Instance {
  origin: string;
  output: () => string;
  stop: () => Promise<void>;
}

async function startInstance(cachePrefix: string): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ["server/start.mjs"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", REDIS_URL, CACHE_KEY_PREFIX: cachePrefix, TRUST_PROXY: "1" },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  const instance: Instance = {
    origin,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the instance on ${origin} exited:\n${output}`);
    const ready = await fetch(`${origin}/login`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return instance;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await instance.stop();
  throw new Error(`the instance on ${origin} did not answer within a minute:\n${output}`);
}


test.describe("two app instances on one PostgreSQL and one Redis", () => {
  test.describe.configure({ mode: "serial" });
  test.use({ storageState: storageStatePath("EDITOR") });

  let first: Instance;
  let second: Instance;
  let scheduled: Awaited<ReturnType<typeof createScheduledStories>>;
  const cachePrefix = `newsroom-e2e-${randomBytes(4).toString("hex")}`;

  test.beforeAll(async () => {
    test.setTimeout(150_000);
    // Due a few seconds after both instances are up, so that their schedulers race for them.
    scheduled = await createScheduledStories("Scheduled for two instances", 3, 25);
    [first, second] = await Promise.all([startInstance(cachePrefix), startInstance(cachePrefix)]);
  });

  test.afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    // This run's entries, tag stamps and clock in the shared Redis.
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${cachePrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  test("a story published through one instance is on the other's cached pages at once", async ({ page }) => {
    // Two fresh servers render every page for the first time here.
    test.setTimeout(90_000);
    const story = { title: `Published through the first instance ${uniqueTag()}`, slug: `two-instances-${uniqueTag()}` };
    const listings = ["/", "/sections/world", "/feed.xml"];

    // The first instance renders the pages that will show the story, and its "not found", into the shared cache.
    for (const path of [...listings, `/articles/${story.slug}`]) await read(first.origin, path);
    // The second instance answers from that cache without rendering (a query string passes by its page copies)…
    for (const path of listings) {
      const answer = await read(second.origin, `${path}?from=shared-cache`);
      expect(answer.status, path).toBe(200);
      expect(answer.body, path).not.toContain(story.title);
      expect(answer.cache, path).toBe("HIT/-");
    }
    const notYet = await read(second.origin, `/articles/${story.slug}?from=shared-cache`);
    expect([notYet.status, notYet.cache]).toEqual([404, "HIT/-"]);
    // …and readers from its page copies, once it has served a page.
    for (const path of listings) {
      await read(second.origin, path);
      expect((await read(second.origin, path)).cache, path).toBe("HIT/HIT");
    }

    // An editor writes and publishes it through the first instance.
    await page.goto(`${first.origin}/dashboard/articles/new`);
    await page.getByLabel("Title", { exact: true }).fill(story.title);
    await page.getByLabel("Section", { exact: true }).selectOption({ label: "World" });
    await typeInBody(page, "Both instances serve this story from the moment it is published.");
    await page.getByLabel("Slug", { exact: true }).fill(story.slug);
    await publishFirstTime(page);
    await expectMessage(page, "Published. The story is on the site now.");

    // No waiting, no retry: the very next request to the other instance sees it.
    const article = await read(second.origin, `/articles/${story.slug}`);
    expect(article.status).toBe(200);
    expect(article.body).toContain(story.title);
    for (const path of listings) {
      expect((await read(second.origin, path)).body, path).toContain(story.title);
      expect((await read(second.origin, `${path}?from=shared-cache`)).body, path).toContain(story.title);
    }
  });

  test.describe("with a limit of three comments a minute per address", () => {
    const limit = overrideModerationSettings({ rateLimitPerMinute: 3 });
    test.beforeAll(limit.apply);
    test.afterAll(limit.restore);

    test("a reader's fourth comment is refused, whichever instance takes it", async () => {
      const story = await createPublishedStory("Commented on through two instances");
      // One reader behind the balancer: both instances see the same address in X-Forwarded-For (new each run).
      const reader = `2001:db8::${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}`;
      const post = (instance: Instance, n: number) =>
        fetch(`${instance.origin}/api/v1/articles/${story.slug}/comments`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": reader },
          body: JSON.stringify({ authorName: `Reader ${n}`, authorEmail: `reader-${n}-${randomBytes(3).toString("hex")}@example.org`, body: `Comment number ${n}.` }),
        });

      const statuses: number[] = [];
      for (let n = 0; n < 6; n += 1) statuses.push((await post(n % 2 === 0 ? first : second, n)).status);
      expect(statuses).toEqual([201, 201, 201, 429, 429, 429]);
    });
  });

  test("scheduled stories go live once, although both instances' schedulers reach for them", async () => {
    test.setTimeout(90_000);
    const ids = scheduled.map((story) => story.id);
    // Wait in the database, not on the pages: the suite's own server, outside the shared cache, may be the
    // one to publish them, and its revalidation does not reach these instances.
    await expect.poll(() => storyStatuses(ids), { timeout: 60_000, intervals: [1_000] }).toEqual(Object.fromEntries(ids.map((id) => [id, "PUBLISHED"])));
    for (const story of scheduled) {
      for (const instance of [first, second]) expect((await read(instance.origin, `/articles/${story.slug}`)).status).toBe(200);
    }
    // One publication each: a single "published on schedule" revision and one version bump.
    expect(await publishRevisions(ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 1])));
    expect(await storyVersions(ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 2])));
  });

  test("stories that one instance's scheduler puts live are on the other's pages on the first request after its run returns", async () => {
    test.setTimeout(60_000);
    const problems: string[] = [];
    let runs = 0;
    // Readers of the second instance ask for the stories from the start (their "not found" is cached, on both
    // instances, until the run), or first while the run on the first instance is writing them.
    for (let round = 0; runs < 3 && round < 8; round += 1) {
      const run = await schedulerRun({ runOn: first.origin, count: 3, round, askedFirstDuringRun: round % 2 === 1 });
      const found = await underReaders(second.origin, [run]);
      // A server's own timer may have put them live a moment earlier: that run's return is not ours to time.
      if (!run.ours()) continue;
      problems.push(...found);
      runs += 1;
    }
    expect(runs).toBe(3);
    expect(problems).toEqual([]);
  });
});
