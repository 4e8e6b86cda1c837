import { expect, test, type Page } from "@playwright/test";
import { SCHEDULER_HEADER, schedulerToken } from "@/lib/scheduler/token";
import { press } from "./support/editor";
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
const READERS = 4;
/** The crowd keeps two cores busy: the editor may take a while to say it is done. */
const EDITOR_PATIENCE_MS = 30_000;
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

function describe(reading: Reading, change: Change, returnedAt: number, problem: string): string {
  const when = Math.round(reading.sentAt - returnedAt);
  const action = `the action on "${change.story.title}"`;
  return `${reading.path} asked ${when >= 0 ? `${when} ms after` : `${-when} ms before`} ${action} returned ${problem} (cache ${reading.cache})`;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Change {
  story: E2eStory;
  before: Shown;
  after: Shown;
  /** The page whose answer the action changes: nobody asks for it before the action's `firstAsked` resolves. */
  newAddress: string | null;
}

interface Action {
  changes: Change[];
  /** Starts the action; resolves when whoever started it is told it is done. */
  run: () => Promise<void>;
  /** When the first readers of a changed page arrive; `returned` says whether the action is over already. */
  firstAsked: (change: Change, returned: () => boolean) => Promise<void>;
}

/** While the story's transaction is open: the moment a render can read the old state and finish after the revalidation. */
const whileWritten = (change: Change, returned: () => boolean) => whenStoryIsBeingWritten(change.story.id, returned);

/**
 * Runs actions at once under readers and returns every wrong answer: asked
 * for after an action returned, anything but its new state; asked for before,
 * anything neither state explains.
 */
async function underReaders(origin: string, actions: readonly Action[]): Promise<string[]> {
  const changes = actions.flatMap((action) => action.changes);
  const newAddresses = changes.flatMap((change) => (change.newAddress ? [change.newAddress] : []));
  const known = [...new Set([...listings, ...changes.flatMap((change) => storyAddresses(change.after))])];
  const crowds: Crowd[] = [startReaders(origin, known.filter((path) => !newAddresses.includes(path)), READERS * changes.length)];
  const firsts: Reading[] = [];
  const returnedAt = new Map<Change, number>();
  await Promise.all(
    actions.map(async (action) => {
      let returned = false;
      const running = action.run().finally(() => (returned = true));
      const asked = action.changes.map(async (change) => {
        if (!change.newAddress) return;
        await action.firstAsked(change, () => returned);
        crowds.push(startReaders(origin, [change.newAddress], READERS));
      });
      await running;
      const now = performance.now();
      for (const change of action.changes) returnedAt.set(change, now);
      // The first request to each of its addresses after the action returned, while the crowds go on.
      const addresses = [...listings, ...action.changes.flatMap((change) => storyAddresses(change.after))];
      firsts.push(...(await Promise.all(addresses.map((path) => read(origin, path)))));
      await Promise.all(asked);
    }),
  );
  await pause(AFTER_MS);
  const readings = [...firsts, ...(await Promise.all(crowds.map((crowd) => crowd.stop()))).flat()];
  const problems: string[] = [];
  for (const reading of readings) {
    const own = changes.filter((change) => change.after.slugs.some((slug) => reading.path.endsWith(`/${slug}`)));
    for (const change of own.length > 0 ? own : changes) {
      const problem = wrongness(reading, change.after);
      if (!problem) continue;
      const returned = returnedAt.get(change)!;
      if (reading.sentAt > returned) problems.push(describe(reading, change, returned, problem));
      else if (wrongness(reading, change.before)) problems.push(describe(reading, change, returned, `${problem}, which neither state of the story explains`));
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

/** An editor clicks a button; done when the editor says what it did. */
function atDesk(desk: Desk, button: string, message: string, change: (shown: Shown) => Shown): Action {
  const after = change(desk.shown);
  const newAddress = after.published && (after.slug !== desk.shown.slug || !desk.shown.published) ? `/articles/${after.slug}` : null;
  return {
    changes: [{ story: desk.story, before: desk.shown, after, newAddress }],
    async run() {
      await press(desk.page, button);
      await expect(desk.page.getByText(message).first()).toBeVisible({ timeout: EDITOR_PATIENCE_MS });
      desk.shown = after;
    },
    firstAsked: whileWritten,
  };
}

/**
 * The app's scheduler run (the test calls its internal route itself, so that
 * it knows when the run returned) over stories that are due, started while an
 * editor's publication is being written. One UPDATE claims every due story and
 * the run then writes each one's revision before it commits: each story's
 * first readers arrive a little later than the previous one's, across that window.
 */
async function schedulerRun(origin: string, startWhileWriting: E2eStory, round: number): Promise<Action & { ours: () => boolean }> {
  const stories = await createScheduledStories("Goes live while readers ask for it", DESKS, -1);
  const changes: Change[] = stories.map((story) => {
    const before: Shown = { title: story.title, slug: story.slug, slugs: [story.slug], published: false };
    return { story, before, after: { ...before, published: true }, newAddress: `/articles/${story.slug}` };
  });
  let claimed: Promise<void> | undefined;
  let published: string[] = [];
  return {
    changes,
    async run() {
      await whenStoryIsBeingWritten(startWhileWriting.id, () => false);
      const response = await fetch(`${origin}/api/internal/scheduler`, { method: "POST", headers: { [SCHEDULER_HEADER]: schedulerToken() } });
      expect(response.status).toBe(200);
      ({ published } = (await response.json()) as { published: string[] });
    },
    async firstAsked(change, returned) {
      claimed ??= whileWritten(change, returned);
      await claimed;
      await pause(changes.indexOf(change) * 8 + (round % 2) * 4);
    },
    // The server's own timer may have published them a moment earlier: that run's return is not ours to time.
    ours: () => stories.every((story) => published.includes(story.id)),
  };
}

test.use({ storageState: storageStatePath("EDITOR") });

test("stories published, moved, unpublished and going live on schedule show on the first request after each action returns", async ({ context, baseURL }) => {
  test.setTimeout(180_000);
  const origin = baseURL!;
  const problems: string[] = [];
  const pages = await Promise.all(Array.from({ length: DESKS }, () => context.newPage()));
  let scheduledRuns = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const desks = await Promise.all(pages.map(openDesk));
    const scheduler = await schedulerRun(origin, desks[0]!.story, round);
    const published = await underReaders(origin, [
      ...desks.map((desk) => atDesk(desk, "Publish", "Published. The story is on the site now.", (shown) => ({ ...shown, published: true }))),
      scheduler,
    ]);
    // Answers about stories the scheduler did not publish itself are not judged by its return.
    problems.push(...(scheduler.ours() ? published : published.filter((problem) => !scheduler.changes.some((change) => problem.includes(change.story.slug)))));
    if (scheduler.ours()) scheduledRuns += 1;

    for (const desk of desks) await desk.page.getByLabel("Slug", { exact: true }).fill(desk.shown.slugs[1]!);
    problems.push(...(await underReaders(origin, desks.map((desk) => atDesk(desk, "Update", "Update saved. Readers see it now.", (shown) => ({ ...shown, slug: shown.slugs[1]! }))))));
    problems.push(
      ...(await underReaders(origin, desks.map((desk) => atDesk(desk, "Unpublish", "Unpublished. Readers can no longer see the story.", (shown) => ({ ...shown, published: false }))))),
    );
  }
  expect(scheduledRuns, "scheduler runs that published their stories themselves").toBeGreaterThan(0);
  expect(problems).toEqual([]);
});
