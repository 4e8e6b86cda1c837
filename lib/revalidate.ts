import "server-only";
import { revalidatePath } from "next/cache";

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
  for (const path of storyPaths(story)) revalidatePath(path);
}

/** After a comment on a story was approved or taken down: its page, its count, its API answers. */
export function revalidateStoryComments(slug: string): void {
  revalidatePath(`/articles/${slug}`);
  revalidatePath(`/api/v1/articles/${slug}`);
  revalidatePath(`/api/v1/articles/${slug}/comments`);
}

/** After sections or site settings changed: every public page carries the masthead. */
export function revalidateEverything(): void {
  revalidatePath("/", "layout");
}
