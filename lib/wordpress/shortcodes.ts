/*
 * WordPress shortcodes: `[name attr="value"]`, `[name /]`, and enclosing
 * `[name]content[/name]`; `[[name]]` is an escaped, literal `[name]`.
 * WordPress only expands the names a site's plugins registered, which an
 * export does not list — so a bracket is read as a shortcode when it is
 * shaped like one (a name, then attributes, a "/]", or a matching closing
 * tag), and "[sic]" or "[1]" in a sentence stay text.
 */

export interface Shortcode {
  name: string;
  attributes: Record<string, string>;
  /** Attributes without a name (`[embed https://…]`), in order. */
  positional: string[];
  /** The enclosed content, or null for a self-closing shortcode. */
  content: string | null;
}

const NAME = "[a-zA-Z][a-zA-Z0-9_-]*";
// Attributes hold no "[" (WordPress's own pattern allows it, but then a post of "[a [a [a…" costs quadratic time).
const OPENING = new RegExp(`\\[(\\[?)(${NAME})(?![\\w-])([^\\[\\]\\/]*(?:\\/(?!\\])[^\\[\\]\\/]*)*?)(\\/)?\\](\\]?)`, "g");

/** key="value", key='value', key=value and bare values, as shortcode_parse_atts() reads them. */
export function parseShortcodeAttributes(text: string): Pick<Shortcode, "attributes" | "positional"> {
  const attributes: Record<string, string> = {};
  const positional: string[] = [];
  const normalized = text.replace(/[\u00a0\u200b]/g, " ");
  const pattern = /([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)/g;
  for (const match of normalized.matchAll(pattern)) {
    if (match[1] !== undefined) attributes[match[1].toLowerCase()] = match[2]!;
    else if (match[3] !== undefined) attributes[match[3].toLowerCase()] = match[4]!;
    else if (match[5] !== undefined) attributes[match[5].toLowerCase()] = match[6]!;
    else positional.push(match[7] ?? match[8] ?? match[9] ?? "");
  }
  return { attributes, positional };
}

/**
 * Replaces every shortcode in the text with what `render` returns for it
 * (null leaves it as written). Enclosing shortcodes are found innermost-last:
 * their content is passed on unexpanded, for `render` to recurse into.
 */
export function replaceShortcodes(text: string, render: (shortcode: Shortcode) => string | null): string {
  let result = "";
  let cursor = 0;
  OPENING.lastIndex = 0;
  for (let match = OPENING.exec(text); match; match = OPENING.exec(text)) {
    const [whole, escapeOpen, name = "", rawAttributes = "", selfClosing, escapeClose] = match;
    const start = match.index;
    let end = start + whole.length;
    if (escapeOpen && escapeClose) {
      // [[name]] → the literal [name].
      result += text.slice(cursor, start) + whole.slice(1, -1);
      cursor = end;
      continue;
    }
    let content: string | null = null;
    if (!selfClosing) {
      const closing = text.indexOf(`[/${name}]`, end);
      if (closing >= 0) {
        content = text.slice(end, closing);
        end = closing + name.length + 3;
      }
    }
    const { attributes, positional } = parseShortcodeAttributes(rawAttributes.trim());
    const looksLikeShortcode = content !== null || selfClosing !== undefined || rawAttributes.trim() !== "";
    const replacement = looksLikeShortcode ? render({ name: name.toLowerCase(), attributes, positional, content }) : null;
    if (replacement === null) {
      OPENING.lastIndex = start + 1;
      continue;
    }
    result += text.slice(cursor, start) + replacement;
    cursor = end;
    OPENING.lastIndex = end;
  }
  return result + text.slice(cursor);
}
