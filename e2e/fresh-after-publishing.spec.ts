import { expect, test, type Page } from "@playwright/test";
import { SCHEDULER_HEADER, schedulerToken } from "@/lib/scheduler/token";
import { expectMessage, press } from "./support/editor";
import { createDraftStory, createScheduledStories, whenStoryIsBeingWritten, type E2eStory } from "./support/newsroom-data";
import { read, startReaders, type Crowd, type Reading } from "./support/readers";
import { storageStatePath } from "./support/staff";

/**
 * Issue 11: a story page, its API answers and the listings must show what an
 * editor did on the very first request after the action returns, however the
 * readers' requests interleave with it. A render that read the database before
 * the commit must never outlive the revalidation: not in Next's cache, not in
 * the page copies, and not shared with a request that arrives later.
 *
 * Readers ask for every address a story has before, during and after each
 * action, several stories at once (their actions revalidate the same
 * listings). The address whose answer the action changes is asked for the
 * first time while the action's transaction is open, as when an early link or
 * a crawler reaches a story the moment it goes live: that is when a render can
 * read the old state and finish after the revalidation.
 */

const DESKS = 3;
const ROUNDS = 2;
const READERS = 6;
/** How long the readers go on after the action returned: every one of these answers must be right. */
const AFTER_MS = 400;

interface Shown {
  title: string;
  /** Where the story lives now. */
  slug: string;
  /** Every slug the story has in the test, so readers ask for the new one before it exists and the old one after it moved. */
  slugs: readonly string[];
  published: boolean;
}

const listings = ["/", "/feed.xml", "/sections/world/feed.xml", "/sitemap.xml"];

const storyAddresses = (shown: Shown) => shown.slugs.flatMap((slug) => [`/articles/${slug}`, `/api/v1/articles/${slug}`]);

const linksTo = (body: string, slug: string) => new RegExp(`/articles/${slug}(?![a-z0-9-])`).test(body);

/** What is wrong with this answer if readers are to see `shown`; null when it is right. */
function wrongness(reading: Reading, shown: Shown): string | null {
  const { path, status, location, body } = reading;
  const page = /^\/articles\/([^/]+)$/.exec(path);
  const api = /^\/api\/v1\/articles\/([^/]+)$/.exec(path);
  const slug = page?.[1] ?? api?.[1];
  if (slug) {
    const formerSlugs = shown.slugs.slice(0, shown.slugs.indexOf(shown.slug));
    if (shown.published && slug === shown.slug) {
      if (status !== 200) return `answered ${status}, not 200`;
      if (page && !body.includes(shown.title)) return "answered 200 without the story's title";
      if (api && !body.includes(`"slug":"${slug}"`)) return "answered 200 without the story";
      return null;
    }
    if (shown.published && formerSlugs.includes(slug)) {
      if (status !== 308 || !location?.endsWith(`/articles/${shown.slug}`)) return `answered ${status} ${location ?? ""}, not 308 to the new slug`;
      return null;
    }
    return status === 404 ? null : `answered ${status}, not 404`;
  }
  if (status !== 200) return `answered ${status}, not 200`;
  for (const listed of shown.slugs) {
    const expected = shown.published && listed === shown.slug;
    if (linksTo(body, listed) !== expected) return expected ? `does not list /articles/${listed}` : `still lists /articles/${listed}`;
  }
  return null;
}

function describe(reading: Reading, returnedAt: number, problem: string): string {
  const when = Math.round(reading.sentAt - returnedAt);
  return `${reading.path} asked ${when >= 0 ? `${when} ms after` : `${-when} ms before`} the action returned ${problem} (cache ${reading.cache})`;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Change {
  story: E2eStory;
  before: Shown;
  after: Shown;
  /** The page whose answer the action changes: nobody asks for it before `firstAsked` resolves. */
  newAddress: string | null;
}

/** When the first readers of a changed page arrive; `returned` says whether the action is over already. */
type FirstAsked = (change: Change, returned: () => boolean) => Promise<void>;

/** While the action's transaction is open: the moment a render can read the old state and finish after the revalidation. */
const whileWritten: FirstAsked = (change, returned) => whenStoryIsBeingWritten(change.story.id, returned);

/**
 * Runs an action (resolving when its caller is told it is done) under
 * readers, and returns every wrong answer: after it returned, anything but
 * the new state; before, anything neither state explains.
 */
async function underReaders(origin: string, changes: readonly Change[], firstAsked: FirstAsked, action: () => Promise<void>): Promise<string[]> {
  const known = [...new Set([...listings, ...changes.flatMap((change) => storyAddresses(change.after))])];
  const newAddresses = changes.flatMap((change) => (change.newAddress ? [change.newAddress] : []));
  const crowds: Crowd[] = [startReaders(origin, known.filter((path) => !newAddresses.includes(path)), READERS * changes.length)];
  let returned = false;
  const running = action().finally(() => (returned = true));
  await Promise.all(
    changes.map(async (change) => {
      if (!change.newAddress) return;
      await firstAsked(change, () => returned);
      crowds.push(startReaders(origin, [change.newAddress], READERS));
    }),
  );
  await running;
  const returnedAt = performance.now();
  // The first request to each address after the action returned, while the crowds go on.
  const [firsts] = await Promise.all([Promise.all(known.map((path) => read(origin, path))), pause(AFTER_MS)]);
  const readings = [...firsts, ...(await Promise.all(crowds.map((crowd) => crowd.stop()))).flat()];
  const problems: string[] = [];
  for (const reading of readings) {
    const story = changes.find((change) => change.after.slugs.some((slug) => reading.path.endsWith(`/${slug}`))) ?? null;
    const judged = story ? [story] : changes;
    for (const change of judged) {
      const problem = wrongness(reading, change.after);
      if (!problem) continue;
      if (reading.sentAt > returnedAt) problems.push(describe(reading, returnedAt, problem));
      else if (wrongness(reading, change.before)) problems.push(describe(reading, returnedAt, `${problem}, which neither state of the story explains`));
    }
  }
  return problems;
}

interface Desk {
  page: Page;
  story: E2eStory;
  shown: Shown;
}

async function openDesk(page: Page): Promise<Desk> {
  const story = await createDraftStory("Published while readers ask for it");
  await page.goto(`/dashboard/articles/${story.id}`);
  await expect(page.getByRole("button", { name: "Publish", exact: true })).toBeEnabled();
  return { page, story, shown: { title: story.title, slug: story.slug, slugs: [story.slug, `${story.slug}-moved`], published: false } };
}

/** Every desk clicks at once; done when every editor says what it did. */
async function atEveryDesk(origin: string, desks: Desk[], button: string, message: string, change: (shown: Shown) => Shown): Promise<string[]> {
  const changes = desks.map((desk) => {
    const after = change(desk.shown);
    const newAddress = after.published && (after.slug !== desk.shown.slug || !desk.shown.published) ? `/articles/${after.slug}` : null;
    return { story: desk.story, before: desk.shown, after, newAddress };
  });
  const problems = await underReaders(origin, changes, whileWritten, async () => {
    await Promise.all(
      desks.map(async (desk) => {
        await press(desk.page, button);
        await expectMessage(desk.page, message);
      }),
    );
  });
  desks.forEach((desk, index) => (desk.shown = changes[index]!.after));
  return problems;
}

test.use({ storageState: storageStatePath("EDITOR") });

test("publishing, moving and unpublishing stories show on the first request after the editor is told it is done", async ({ context, baseURL }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  const pages = await Promise.all(Array.from({ length: DESKS }, () => context.newPage()));
  for (let round = 0; round < ROUNDS; round += 1) {
    const desks = await Promise.all(pages.map(openDesk));
    problems.push(...(await atEveryDesk(baseURL!, desks, "Publish", "Published. The story is on the site now.", (shown) => ({ ...shown, published: true }))));
    for (const desk of desks) await desk.page.getByLabel("Slug", { exact: true }).fill(desk.shown.slugs[1]!);
    problems.push(...(await atEveryDesk(baseURL!, desks, "Update", "Update saved. Readers see it now.", (shown) => ({ ...shown, slug: shown.slugs[1]! }))));
    problems.push(...(await atEveryDesk(baseURL!, desks, "Unpublish", "Unpublished. Readers can no longer see the story.", (shown) => ({ ...shown, published: false }))));
  }
  expect(problems).toEqual([]);
});

test("scheduled stories going live show on the first request after the scheduler's run returns", async ({ baseURL }) => {
  test.setTimeout(90_000);
  const problems: string[] = [];
  let rounds = 0;
  while (rounds < 2) {
    // Due already: the test runs the scheduler itself, so that it knows when the run returned.
    const stories = await createScheduledStories("Goes live while readers ask for it", 8, -1);
    const changes: Change[] = stories.map((story) => {
      const before: Shown = { title: story.title, slug: story.slug, slugs: [story.slug], published: false };
      return { story, before, after: { ...before, published: true }, newAddress: `/articles/${story.slug}` };
    });
    let published: string[] = [];
    const later: FirstAsked = async (change, returned) => {
      await whileWritten(change, returned);
      await pause(changes.indexOf(change) * 12 + rounds * 6);
    };
    const found = await underReaders(baseURL!, changes, later, async () => {
      const response = await fetch(`${baseURL}/api/internal/scheduler`, { method: "POST", headers: { [SCHEDULER_HEADER]: schedulerToken() } });
      expect(response.status).toBe(200);
      ({ published } = (await response.json()) as { published: string[] });
    });
    // The server's own timer may have published them a moment earlier; that run's return is not ours to time, so it does not count.
    if (!stories.every((story) => published.includes(story.id))) continue;
    problems.push(...found);
    rounds += 1;
  }
  expect(problems).toEqual([]);
});
