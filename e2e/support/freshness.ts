import { expect } from "@playwright/test";
import { SCHEDULER_HEADER, schedulerToken } from "@/lib/scheduler/token";
import { createScheduledStories, whenStoryIsBeingWritten, type E2eStory } from "./newsroom-data";
import { read, startReaders, type Crowd, type Reading } from "./readers";

/**
 * Issue 11's rule, as the race specs check it: a story page, its API answers
 * and the listings show what an action did on the very first request after
 * the action returns, however readers' requests interleave with it. Readers
 * ask for every address a story has before, during and after an action; an
 * answer asked for after the action returned must show the new state, one
 * asked for before it may show either state but nothing else.
 */

/** Concurrent readers per story. */
const READERS = 4;
/** How long the readers go on after the actions returned: every one of these answers must be right. */
const AFTER_MS = 400;

export interface Shown {
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

export interface Change {
  story: E2eStory;
  before: Shown;
  after: Shown;
  /** The page whose answer the action changes: nobody asks for it before the action's `firstAsked` resolves. */
  newAddress: string | null;
}

export interface Action {
  changes: Change[];
  /** Starts the action; resolves when whoever started it is told it is done. */
  run: () => Promise<void>;
  /** When the first readers of a changed page arrive; `returned` says whether the action is over already. */
  firstAsked: (change: Change, returned: () => boolean) => Promise<void>;
}

/** While the story's transaction is open: the moment a render can read the old state and finish after the revalidation. */
export const whileWritten = (change: Change, returned: () => boolean) => whenStoryIsBeingWritten(change.story.id, returned);

/**
 * Runs actions at once under readers and returns every wrong answer: asked
 * for after an action returned, anything but its new state; asked for before,
 * anything neither state explains.
 */
export async function underReaders(origin: string, actions: readonly Action[]): Promise<string[]> {
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

export interface SchedulerRun extends Action {
  /** Whether this run published every one of its stories (a server's own timer may have been first: its return is not ours to time). */
  ours(): boolean;
}

/**
 * The app's scheduler run over `count` stories that are due, through the
 * internal route of the server at `runOn` (called by the test itself, so that
 * it knows when the run returned), optionally once `startWhileWriting` is
 * being written. With `askedFirstDuringRun`, each story's page is first asked
 * for after the run's UPDATE claimed them, each a little later than the
 * previous one, across the window before its commit; otherwise readers ask
 * for it from the start.
 */
export async function schedulerRun(options: {
  runOn: string;
  count: number;
  round: number;
  askedFirstDuringRun: boolean;
  startWhileWriting?: E2eStory;
}): Promise<SchedulerRun> {
  const stories = await createScheduledStories("Goes live while readers ask for it", options.count, -1);
  const changes: Change[] = stories.map((story) => {
    const before: Shown = { title: story.title, slug: story.slug, slugs: [story.slug], published: false };
    return { story, before, after: { ...before, published: true }, newAddress: options.askedFirstDuringRun ? `/articles/${story.slug}` : null };
  });
  let claimed: Promise<void> | undefined;
  let published: string[] = [];
  return {
    changes,
    async run() {
      if (options.startWhileWriting) {
        // Or, should that transaction be over before it is seen, a few seconds on.
        const deadline = Date.now() + 5_000;
        await whenStoryIsBeingWritten(options.startWhileWriting.id, () => Date.now() > deadline);
      }
      const response = await fetch(`${options.runOn}/api/internal/scheduler`, { method: "POST", headers: { [SCHEDULER_HEADER]: schedulerToken() } });
      expect(response.status).toBe(200);
      ({ published } = (await response.json()) as { published: string[] });
    },
    async firstAsked(change, returned) {
      claimed ??= whileWritten(change, returned);
      await claimed;
      await pause(changes.indexOf(change) * 8 + (options.round % 2) * 4);
    },
    ours: () => stories.every((story) => published.includes(story.id)),
  };
}
