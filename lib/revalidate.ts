import "server-only";
import { revalidatePath } from "next/cache";
import { after } from "next/server";

/**
 * Cache freshness in one place. Public pages are served from Next.js's
 * full-route cache; whenever something readers see changes, every page and
 * feed that shows it is revalidated here, old slugs included, so the next
 * reader gets the new version and everything else stays cached.
 */

export interface StoryLocation {
  slug: string;
  /** Slugs the story answered at before (they now redirect); their cached pages must go. */
  previousSlugs?: readonly string[];
  sectionSlugs?: readonly (string | null | undefined)[];
  tagSlugs?: readonly string[];
  authorSlugs?: readonly string[];
}

/**
 * server.mjs keeps copies of anonymous public pages in front of Next.js
 * (page-cache.mjs) and registers its purge here; whatever is revalidated in
 * Next.js is dropped there too, on every instance. Absent under `next dev`
 * and in tests that do not install one.
 */
const PURGE_HOOK = Symbol.for("newsroom.pageCache.purge");
type Purge = (paths: readonly string[] | "all") => Promise<void>;

function purgeNow(paths: readonly string[] | "all"): void {
  const purge = (globalThis as unknown as Record<symbol, Purge | undefined>)[PURGE_HOOK];
  // The local copies are gone before this returns; only telling other instances is asynchronous.
  purge?.(paths).catch((error: unknown) => console.error("page cache: the purge did not reach other instances", error));
}

/**
 * Next.js applies revalidatePath when the action or handler finishes, so a
 * reader arriving in between could still get (and have copied) the old page:
 * the copies are purged now and once more after the response.
 */
function purgePageCopies(paths: readonly string[] | "all"): void {
  purgeNow(paths);
  try {
    after(() => purgeNow(paths));
  } catch {
    // Outside a request (scripts, tests) there is no "after", and nothing in between.
  }
}

/** Pages that list stories in general: front page, feeds, sitemap, search. */
const listings = ["/", "/feed.xml", "/sitemap.xml", "/search"] as const;

export function storyPaths(story: StoryLocation): string[] {
  const paths = new Set<string>(listings);
  for (const slug of [story.slug, ...(story.previousSlugs ?? [])]) {
    paths.add(`/articles/${slug}`);
    paths.add(`/api/v1/articles/${slug}`);
    paths.add(`/api/v1/articles/${slug}/comments`);
  }
  for (const section of story.sectionSlugs ?? []) {
    if (!section) continue;
    paths.add(`/sections/${section}`);
    paths.add(`/sections/${section}/feed.xml`);
  }
  for (const tag of story.tagSlugs ?? []) paths.add(`/tags/${tag}`);
  for (const author of story.authorSlugs ?? []) paths.add(`/authors/${author}`);
  return [...paths];
}

/** After a story was published, edited, unpublished, deleted or moved to a new slug. */
export function revalidateStory(story: StoryLocation): void {
  const paths = storyPaths(story);
  for (const path of paths) revalidatePath(path);
  purgePageCopies(paths);
}

/** After a comment on a story was approved or taken down: its page, its count, its API answers. */
export function revalidateStoryComments(slug: string): void {
  const paths = [`/articles/${slug}`, `/api/v1/articles/${slug}`, `/api/v1/articles/${slug}/comments`];
  for (const path of paths) revalidatePath(path);
  purgePageCopies(paths);
}

/** After sections or site settings changed: every public page carries the masthead. */
export function revalidateEverything(): void {
  revalidatePath("/", "layout");
  purgePageCopies("all");
}
