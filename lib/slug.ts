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
