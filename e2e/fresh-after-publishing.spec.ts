import { expect, test, type Page } from "@playwright/test";
import { press, publishFirstTime } from "./support/editor";
import { schedulerRun, underReaders, whileWritten, type Action, type Shown } from "./support/freshness";
import { createDraftStory, type E2eStory } from "./support/newsroom-data";
import { storageStatePath } from "./support/staff";

/**
 * Issue 11: a story page, its API answers and the listings must show what an
 * editor did on the very first request after the action returns, however the
 * readers' requests interleave with it (the rule and the readers:
 * support/freshness.ts). A render that read the database before the commit
 * must never outlive the revalidation: not in Next's cache, not in the page
 * copies, and not shared with a request that arrives later.
 *
 * Several stories at once are published, moved and unpublished at their desks
 * while the scheduler puts others live (all of them revalidate the same
 * listings). The address whose answer an action changes is asked for the first
 * time while the action's transaction is open, as when an early link or a
 * crawler reaches a story the moment it goes live: that is when a render can
 * read the old state and finish after the revalidation.
 */

const DESKS = 3;
const ROUNDS = 2;
/** The readers keep two cores busy: the editor may take a while to say it is done. */
const EDITOR_PATIENCE_MS = 30_000;

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

/** An editor acts (a click, a confirmation); done when the editor says what it did. */
function atDesk(desk: Desk, act: (page: Page) => Promise<void>, message: string, change: (shown: Shown) => Shown): Action {
  const after = change(desk.shown);
  const newAddress = after.published && (after.slug !== desk.shown.slug || !desk.shown.published) ? `/articles/${after.slug}` : null;
  return {
    changes: [{ story: desk.story, before: desk.shown, after, newAddress }],
    async run() {
      await act(desk.page);
      await expect(desk.page.getByText(message).first()).toBeVisible({ timeout: EDITOR_PATIENCE_MS });
      desk.shown = after;
    },
    firstAsked: whileWritten,
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
    const scheduler = await schedulerRun({ runOn: origin, count: DESKS, round, askedFirstDuringRun: true, startWhileWriting: desks[0]!.story });
    const published = await underReaders(origin, [
      ...desks.map((desk) => atDesk(desk, publishFirstTime, "Published. The story is on the site now.", (shown) => ({ ...shown, published: true }))),
      scheduler,
    ]);
    // Answers about stories the scheduler did not publish itself are not judged by its return.
    problems.push(...(scheduler.ours() ? published : published.filter((problem) => !scheduler.changes.some((change) => problem.includes(change.story.slug)))));
    if (scheduler.ours()) scheduledRuns += 1;

    for (const desk of desks) await desk.page.getByLabel("Slug", { exact: true }).fill(desk.shown.slugs[1]!);
    problems.push(...(await underReaders(origin, desks.map((desk) => atDesk(desk, (page) => press(page, "Update"), "Update saved. Readers see it now.", (shown) => ({ ...shown, slug: shown.slugs[1]! }))))));
    problems.push(
      ...(await underReaders(origin, desks.map((desk) => atDesk(desk, (page) => press(page, "Unpublish"), "Unpublished. Readers can no longer see the story.", (shown) => ({ ...shown, published: false }))))),
    );
  }
  expect(scheduledRuns, "scheduler runs that published their stories themselves").toBeGreaterThan(0);
  expect(problems).toEqual([]);
});
