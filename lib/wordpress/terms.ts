import type { WxrItemTerm, WxrTerm } from "./wxr-types";

/** What the importer needs to know of each category: its parent's slug (WordPress links categories by slug). */
export type CategoryParents = ReadonlyMap<string, string>;

export function categoryParents(terms: Iterable<WxrTerm>): Map<string, string> {
  const parents = new Map<string, string>();
  for (const term of terms) if (term.taxonomy === "category") parents.set(term.slug, term.parentSlug);
  return parents;
}

/** The top-most ancestor of a category (itself when it has no parent); a loop of parents stops where it repeats. */
export function rootCategory(slug: string, parents: CategoryParents): string {
  const seen = new Set<string>([slug]);
  let current = slug;
  for (;;) {
    const parent = parents.get(current);
    if (!parent || seen.has(parent)) return current;
    seen.add(parent);
    current = parent;
  }
}

export interface StoryTaxonomy {
  /** The section's category slug, or null when the post has no category. */
  sectionSlug: string | null;
  /** Tags by slug, with their names: the post's tags, child categories and any further categories. */
  tags: { slug: string; name: string }[];
  notes: string[];
}

/**
 * PRODUCT.md: categories become sections; a child category keeps its
 * parent's section and becomes a tag; tags stay tags. A story has one
 * section: the first category WordPress lists for it (or the one Yoast marked
 * primary, when the importer passes it); any other category becomes a tag too,
 * named in the report.
 */
export function storyTaxonomy(terms: readonly WxrItemTerm[], parents: CategoryParents, primaryCategorySlug?: string): StoryTaxonomy {
  const categories = terms.filter((term) => term.taxonomy === "category");
  const tags = new Map<string, string>();
  const notes: string[] = [];
  const primary = categories.find((term) => term.slug === primaryCategorySlug) ?? categories[0];
  const sectionSlug = primary ? rootCategory(primary.slug, parents) : null;
  for (const category of categories) {
    const root = rootCategory(category.slug, parents);
    if (category.slug !== root) tags.set(category.slug, category.name);
    if (root !== sectionSlug) {
      tags.set(category.slug, category.name);
      notes.push(`also in category ${JSON.stringify(category.name)}, kept as a tag (a story has one section)`);
    }
  }
  for (const term of terms) if (term.taxonomy === "post_tag") tags.set(term.slug, term.name);
  return { sectionSlug, tags: [...tags].map(([slug, name]) => ({ slug, name })), notes };
}
