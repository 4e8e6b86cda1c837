import { slugFromText } from "@/lib/slug";
import { plainText } from "./text";

/**
 * WordPress stores a non-ASCII slug percent-encoded and lower-case
 * (`cafe-…-summer-%e2%98%95`); this is the slug as a reader saw it in the
 * address bar (`cafe-…-summer-☕`). A malformed escape is left as it is.
 */
export function decodePostName(postName: string): string {
  return postName.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/**
 * The Newsroom slug of an imported post or page: its WordPress slug decoded
 * and made to our rules (lower-case ASCII, transliterated), or — for drafts,
 * which WordPress leaves without a slug — one made from the title.
 * Uniqueness against slugs already taken is the importer's job.
 */
export function importedSlug({ postName, title, wordpressId }: { postName: string; title: string; wordpressId: number }): string {
  const fromName = slugFromText(decodePostName(postName));
  if (fromName) return fromName;
  const fromTitle = slugFromText(plainText(title));
  return fromTitle || `wordpress-${wordpressId}`;
}
