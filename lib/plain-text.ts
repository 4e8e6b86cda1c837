import { find } from "linkifyjs";

/**
 * Links in reader comments. Comments are plain text: nothing in them is ever
 * treated as markup. Web addresses are found with linkifyjs (which knows the
 * real list of top-level domains) and only http(s) targets become links, so a
 * `javascript:` or `data:` "address" stays inert text.
 */

export type TextPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

export function linkifyPlainText(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let position = 0;
  for (const match of find(text, "url")) {
    if (!/^https?:\/\//i.test(match.href)) continue;
    if (match.start > position) parts.push({ kind: "text", text: text.slice(position, match.start) });
    parts.push({ kind: "link", text: match.value, href: match.href });
    position = match.end;
  }
  if (position < text.length) parts.push({ kind: "text", text: text.slice(position) });
  return parts;
}

/** How many web addresses a text contains (the moderation rules' link count). */
export function countLinks(text: string): number {
  return find(text, "url").length;
}
