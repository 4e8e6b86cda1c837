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
  return (holder.textContent ?? "").replace(/\s+/g, " ").trim();
}
