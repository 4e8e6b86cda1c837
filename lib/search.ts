/**
 * What a reader typed into the search box, made safe to hand to PostgreSQL's
 * websearch_to_tsquery (which already understands "quoted phrases", `or` and
 * -exclusions and never raises on odd syntax), and the highlighted snippets
 * that come back, split into parts that render as escaped text.
 */

export const MAX_QUERY_LENGTH = 200;

export interface SearchQuery {
  /** The cleaned query, for websearch_to_tsquery. */
  text: string;
  /** The words in it, for "no results for …" and for logging nothing else. */
  words: string[];
}

const TYPOGRAPHIC_QUOTES = /[“”„‟«»「」＂]/g;
const CONTROL = /[\p{Cc}\p{Cs}\u2028\u2029]/gu;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * The query to run, or null when there is nothing to search for (empty, only
 * punctuation, not a string). Curly quotes count as quotes, control characters
 * (NUL would make PostgreSQL refuse the text) become spaces, and the length is
 * capped without splitting a character.
 */
export function parseSearchQuery(input: unknown): SearchQuery | null {
  const raw = Array.isArray(input) ? input[0] : input;
  if (typeof raw !== "string") return null;
  const cleaned = raw
    .toWellFormed()
    .normalize("NFC")
    .replace(CONTROL, " ")
    .replace(TYPOGRAPHIC_QUOTES, '"')
    .replace(/\s+/gu, " ")
    .trim();
  const text = Array.from(cleaned).slice(0, MAX_QUERY_LENGTH).join("").trim();
  const words = text.match(WORD) ?? [];
  if (words.length === 0) return null;
  return { text, words };
}

/** The query with each word found in `replacements` (by its lower case) replaced; quotes, `or` and minus signs stay as typed. */
export function replaceWords(text: string, replacements: ReadonlyMap<string, string>): string {
  return text.replace(WORD, (word) => replacements.get(word.toLowerCase()) ?? word);
}

/** A results page number from the query string: 1 when absent or nonsense, capped. */
export function parsePageNumber(input: unknown, last = 50): number {
  const raw = Array.isArray(input) ? input[0] : input;
  const page = typeof raw === "string" && /^\d{1,4}$/.test(raw) ? Number(raw) : 1;
  return Math.min(Math.max(page, 1), last);
}

/*
 * ts_headline marks matches with whatever we ask. We ask for two characters
 * from Unicode's private use area, which never occur in stories, and split on
 * them here: the snippet is then rendered as React text (escaped), with the
 * matches in <mark>, so nothing in a story can become markup in the results.
 */
export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_STOP = "\uE001";

export interface HighlightPart {
  text: string;
  highlighted: boolean;
}

export function highlightParts(headline: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let highlighted = false;
  let text = "";
  const flush = () => {
    if (text) parts.push({ text, highlighted });
    text = "";
  };
  for (const character of headline) {
    if (character === HIGHLIGHT_START || character === HIGHLIGHT_STOP) {
      flush();
      highlighted = character === HIGHLIGHT_START;
    } else {
      text += character;
    }
  }
  flush();
  // Adjacent parts with the same emphasis read as one.
  return parts.reduce<HighlightPart[]>((merged, part) => {
    const previous = merged.at(-1);
    if (previous && previous.highlighted === part.highlighted) previous.text += part.text;
    else merged.push({ ...part });
    return merged;
  }, []);
}
