import { parseHTML } from "linkedom";

const { document } = parseHTML("<!doctype html><html><head></head><body></body></html>");

/**
 * A title or name as plain text: WordPress stores titles as HTML (`Oil &amp;
 * gas`, sometimes with <em>), so tags are dropped and entities decoded once —
 * `&amp;amp;` stays `&amp;`, as WordPress shows it.
 */
export function plainText(html: string): string {
  const holder = document.createElement("div");
  holder.innerHTML = html;
  // ASCII whitespace only: a no-break space in a title is the author's, and WordPress shows it.
  return (holder.textContent ?? "").replace(/[ \t\n\r\f]+/g, " ").replace(/^[ \t\n\r\f]+|[ \t\n\r\f]+$/g, "");
}
