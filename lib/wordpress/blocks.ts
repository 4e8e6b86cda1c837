/*
 * Block editor (Gutenberg) markup: each block is its saved HTML between
 * comment delimiters, `<!-- wp:image {"id":8} -->…<!-- /wp:image -->`, or a
 * lone `<!-- wp:latest-posts /-->` for blocks WordPress renders when the page
 * is shown. The saved HTML carries nearly everything, so the delimiters are
 * read for what the HTML lacks — an embed's address, and the names of the
 * blocks for the report — and otherwise left for the HTML parser to ignore.
 * The delimiter grammar follows WordPress's block parser (WP_Block_Parser).
 */

// WordPress writes block attributes with <, > and -- escaped (\u003c…), so they never hold "<": the
// attributes stop at the next tag, which keeps the pattern linear on hostile input.
const DELIMITER = /<!--\s+(\/)?wp:([a-z][a-z0-9_-]*(?:\/[a-z][a-z0-9_-]*)?)\s+(?:(\{[^<]*?\})\s+)?(\/)?-->/g;

export const hasBlocks = (content: string): boolean => /<!--\s+wp:[a-z]/.test(content);

export interface BlockDelimiter {
  /** "paragraph", "image", "embed", "jetpack/slideshow"… (core/ left off, as WordPress writes it). */
  name: string;
  attributes: Record<string, unknown>;
  kind: "open" | "close" | "void";
  start: number;
  end: number;
}

function attributesOf(json: string | undefined): Record<string, unknown> {
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function blockDelimiters(content: string): BlockDelimiter[] {
  return [...content.matchAll(DELIMITER)].map((match) => ({
    name: match[2]!.replace(/^core\//, ""),
    attributes: attributesOf(match[3]),
    kind: match[1] ? "close" : match[4] ? "void" : "open",
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** Blocks that hold no saved HTML: WordPress builds them when the page is shown, so there is nothing to import. */
export const isDynamicVoidBlock = (delimiter: BlockDelimiter) => delimiter.kind === "void" && !["more", "nextpage", "separator", "spacer"].includes(delimiter.name);

/** Embed blocks: "embed" since WordPress 5.6, "core-embed/youtube" and kin before. */
export const isEmbedBlock = (name: string) => name === "embed" || name.startsWith("core-embed/");

/**
 * Replaces each embed block, delimiters and saved figure together, with what
 * `render(url)` gives for its address (the block's `url` attribute, else the
 * address its saved HTML shows).
 */
export function replaceEmbedBlocks(content: string, render: (url: string) => string): string {
  let result = "";
  let cursor = 0;
  const delimiters = blockDelimiters(content);
  for (let index = 0; index < delimiters.length; index += 1) {
    const opener = delimiters[index]!;
    if (opener.kind === "close" || !isEmbedBlock(opener.name) || opener.start < cursor) continue;
    const closer = opener.kind === "void" ? opener : delimiters.slice(index + 1).find((delimiter) => delimiter.kind === "close" && delimiter.name === opener.name);
    if (!closer) continue;
    const saved = content.slice(opener.end, closer.start);
    const url = typeof opener.attributes.url === "string" ? opener.attributes.url : (/https?:\/\/[^\s<>"]+/.exec(saved)?.[0] ?? "");
    result += content.slice(cursor, opener.start) + (url ? render(url) : "");
    cursor = closer.end;
  }
  return result + content.slice(cursor);
}
