import slugify from "@sindresorhus/slugify";

const MAX_LENGTH = 80;

/** A URL slug from a title: transliterated, lower-case, at most 80 characters, cut at a word. */
export function slugFromText(text: string): string {
  const slug = slugify(text);
  if (slug.length <= MAX_LENGTH) return slug;
  const cut = slug.slice(0, MAX_LENGTH + 1);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash > 20 ? cut.slice(0, lastDash) : cut.slice(0, MAX_LENGTH)).replace(/-+$/, "");
}

/**
 * Whether a slug reads as made from this title: the title's slug itself, or
 * with the -2, -3… the server adds to step around another story's. For
 * stories saved before the editor recorded whether a slug was typed by hand.
 */
export function slugLooksMadeFromTitle(slug: string, title: string): boolean {
  const base = slugFromText(title) || "story";
  if (slug === base) return true;
  const suffix = /-(\d+)$/.exec(slug);
  if (!suffix || Number(suffix[1]) < 2) return false;
  // firstFreeSlug shortens a long title's slug to make room for the number.
  return slug === `${base.slice(0, MAX_LENGTH - suffix[1]!.length - 1)}${suffix[0]}`;
}

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Whether a slug from an address could name a stored record at all. PostgreSQL
 * text cannot hold NUL, so a lookup with one fails instead of finding nothing:
 * such an address must answer 404, not 500.
 */
export const mayNameStoredRecord = (slug: string): boolean => slug.length <= 1000 && !slug.includes("\u0000");

/** The first of base, base-2, base-3… that `isTaken` says is free. */
export async function firstFreeSlug(base: string, isTaken: (slug: string) => Promise<boolean>): Promise<string> {
  const root = base || "story";
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? root : `${root.slice(0, MAX_LENGTH - String(n).length - 1)}-${n}`;
    if (!(await isTaken(candidate))) return candidate;
  }
}
