import { expect, test } from "@playwright/test";
import { floodComments, storedCountsBySlug } from "./support/comment-flood";
import { createPublishedStory, overrideModerationSettings, uniqueTag } from "./support/newsroom-data";
import { storageStatePath } from "./support/staff";

/**
 * Load without loss, CI size: 2,000 comments from 64 concurrent clients
 * through the real HTTP API of the production build, every tenth one retried
 * with the same Idempotency-Key. bench/comment-flood.ts runs the same check
 * with 10,000 comments (bench/RESULTS-load.md).
 *
 * The rate limit is raised to 10,000 a minute for this run: every post of the
 * e2e suite comes from 127.0.0.1, and the default (5 a minute per address)
 * would refuse all but five. Moderation mode NONE with the hold word "refund"
 * (in every third comment) fills both the Approved and the Pending queue.
 */

const TOTAL = 2_000;
const CONCURRENCY = 64;
const settings = overrideModerationSettings({ rateLimitPerMinute: 10_000, mode: "NONE", holdWords: ["refund"], blockWords: [] });

test.beforeAll(settings.apply);
test.afterAll(settings.restore);

test("2,000 comments from 64 concurrent clients (rate limit raised to 10,000/min): exactly the accepted ones are stored, once, and every count agrees", async ({ request, browser, baseURL }) => {
  test.setTimeout(240_000);
  const stories = await Promise.all([1, 2, 3, 4].map((n) => createPublishedStory(`Flood target ${n}`)));
  const runTag = `flood${uniqueTag()}`;

  const result = await floodComments({
    baseUrl: baseURL!,
    databaseUrl: process.env.DATABASE_URL!,
    slugs: stories.map((story) => story.slug),
    total: TOTAL,
    concurrency: CONCURRENCY,
    runTag,
    retryEvery: 10,
  });
  console.log(`[flood] ${JSON.stringify(result)}`);

  // Under the raised limit every post is accepted (a 503 while the pool is saturated is retried with the same key, as its Retry-After asks);
  // retries answer the same comment.
  expect(result.byStatus).toEqual({ 201: TOTAL });
  expect(result.replayMismatches).toBe(0);
  // Nothing lost, nothing doubled, nothing stored that was not answered 201.
  expect(result.stored).toBe(result.accepted);
  expect(result.acceptedMissing).toBe(0);
  expect(result.storedTwice).toBe(0);
  expect(result.storedUnanswered).toBe(0);

  const stored = await storedCountsBySlug(process.env.DATABASE_URL!, runTag);
  const totals = { approved: 0, pending: 0 };
  const moderator = await browser.newContext({ storageState: storageStatePath("MODERATOR") });
  const desk = await moderator.newPage();
  for (const story of stories) {
    const counts = stored.get(story.slug) ?? { approved: 0, pending: 0 };
    totals.approved += counts.approved;
    totals.pending += counts.pending;

    // The public API's count and thread agree with the database…
    const article = (await (await request.get(`/api/v1/articles/${story.slug}`)).json()) as { commentCount: number };
    expect(article.commentCount, story.slug).toBe(counts.approved);
    const thread = (await (await request.get(`/api/v1/articles/${story.slug}/comments`)).json()) as { items: unknown[] };
    expect(thread.items, story.slug).toHaveLength(counts.approved);

    // …and so do the moderation desk's queue counts for the story.
    await desk.goto(`/dashboard/moderation?article=${story.id}`);
    const tabs = desk.getByRole("navigation", { name: "Queues" });
    await expect(tabs.getByRole("link", { name: /^Pending/ })).toHaveText(`Pending${counts.pending.toLocaleString("en")}`);
    await expect(tabs.getByRole("link", { name: /^Approved/ })).toHaveText(`Approved${counts.approved.toLocaleString("en")}`);
  }
  await moderator.close();

  // What the server said it accepted, by status, is what the queues hold.
  expect(totals).toEqual({ approved: result.acceptedAs.APPROVED ?? 0, pending: result.acceptedAs.PENDING ?? 0 });
  expect(totals.pending).toBeGreaterThan(0);
  expect(totals.approved).toBeGreaterThan(0);
});
