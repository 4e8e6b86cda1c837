import "server-only";
import { revalidatePath } from "next/cache";
import { invalidateRoutesHook, type Paths } from "@/server/names.mjs";

/**
 * Cache freshness in one place. Public pages are served from Next.js's
 * full-route cache; whenever something readers see changes, every page and
 * feed that shows it is revalidated here, old slugs included, so the next
 * reader gets the new version and everything else stays cached. Call these
 * after the change is committed, and await them before answering.
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
 * Next.js applies revalidatePath only when an action or route handler
 * finishes — for a route handler, after its response is sent — so the change
 * is also pushed to the cache directly, and waited for, right after the
 * commit: server/cache-handler.mjs stamps the paths' tags (for every instance,
 * with Redis), purges their page copies everywhere (server/page-cache.mjs) and
 * waits until every instance has confirmed; each then keeps later requests for
 * them clear of renders from before (server/route-renders.mjs). When this
 * resolves, the next request for any of these paths, on any instance, gets the
 * new state. Absent in tests that do not load the handler.
 */
async function invalidate(paths: Paths): Promise<void> {
  await invalidateRoutesHook.get()?.(paths);
}

/** Pages that list stories in general: front page, feeds, sitemap, search. */
const listings = ["/", "/feed.xml", "/sitemap.xml", "/search"] as const;

function storyPaths(story: StoryLocation): string[] {
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
export async function revalidateStory(story: StoryLocation): Promise<void> {
  const paths = storyPaths(story);
  for (const path of paths) revalidatePath(path);
  await invalidate(paths);
}

/** After a comment on a story was approved or taken down: its page, its count, its API answers. */
export async function revalidateStoryComments(slug: string): Promise<void> {
  const paths = [`/articles/${slug}`, `/api/v1/articles/${slug}`, `/api/v1/articles/${slug}/comments`];
  for (const path of paths) revalidatePath(path);
  await invalidate(paths);
}

/** After sections or site settings changed: every public page carries the masthead. */
export async function revalidateEverything(): Promise<void> {
  revalidatePath("/", "layout");
  await invalidate("all");
}
