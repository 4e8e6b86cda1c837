import { describe, expect, test } from "vitest";
import { HIGHLIGHT_START as S, HIGHLIGHT_STOP as E, highlightParts, MAX_QUERY_LENGTH, parsePageNumber, parseSearchQuery, replaceWords } from "@/lib/search";

describe("parseSearchQuery", () => {
  test.each<[string, unknown, { text: string; words: string[] } | null]>([
    ["a single word", "Qayyarah", { text: "Qayyarah", words: ["Qayyarah"] }],
    ["surrounding and repeated white space", "  death \t\n toll  ", { text: "death toll", words: ["death", "toll"] }],
    ["a quoted phrase is kept for websearch_to_tsquery", '"buried alive"', { text: '"buried alive"', words: ["buried", "alive"] }],
    ["typographic quotes become straight ones", "“buried alive”", { text: '"buried alive"', words: ["buried", "alive"] }],
    ["guillemets too", "«Mosul»", { text: '"Mosul"', words: ["Mosul"] }],
    ["an unbalanced quote is left for the parser, which tolerates it", '"Mosul', { text: '"Mosul', words: ["Mosul"] }],
    ["exclusions and or", "Mosul -Kirkuk or Anbar", { text: "Mosul -Kirkuk or Anbar", words: ["Mosul", "Kirkuk", "or", "Anbar"] }],
    ["punctuation around words", "ISIS/ISIL (IS)!", { text: "ISIS/ISIL (IS)!", words: ["ISIS", "ISIL", "IS"] }],
    ["SQL-looking input is only text", "'; DROP TABLE \"Article\"; --", { text: "'; DROP TABLE \"Article\"; --", words: ["DROP", "TABLE", "Article"] }],
    ["Arabic", "الجهاد في سبيل الله", { text: "الجهاد في سبيل الله", words: ["الجهاد", "في", "سبيل", "الله"] }],
    ["digits are words", "45", { text: "45", words: ["45"] }],
    ["NUL and other control characters become spaces", "death\u0000toll\u0007", { text: "death toll", words: ["death", "toll"] }],
    ["a lone surrogate is repaired, not passed on", "Mosul\uD800", { text: "Mosul\uFFFD", words: ["Mosul"] }],
    ["the first of repeated parameters", ["Mosul", "Kirkuk"], { text: "Mosul", words: ["Mosul"] }],
    ["empty", "", null],
    ["only spaces", "   ", null],
    ["only punctuation", '"" - !!! ()', null],
    ["only quotes", '"', null],
    ["absent", undefined, null],
    ["not a string", 42, null],
    ["an empty list", [], null],
  ])("%s", (_label, input, expected) => {
    expect(parseSearchQuery(input)).toEqual(expected);
  });

  test("a long query is cut to the maximum length without splitting a character", () => {
    const query = parseSearchQuery("😀".repeat(MAX_QUERY_LENGTH + 50) + " word");
    expect(query).toBeNull(); // emoji are not words, and the word fell past the cut
    const long = parseSearchQuery("ab".repeat(MAX_QUERY_LENGTH));
    expect(Array.from(long?.text ?? "")).toHaveLength(MAX_QUERY_LENGTH);
    const arabic = parseSearchQuery("ة".repeat(MAX_QUERY_LENGTH + 1));
    expect(arabic?.text).toBe("ة".repeat(MAX_QUERY_LENGTH));
  });
});

describe("parsePageNumber", () => {
  test.each<[unknown, number]>([
    [undefined, 1],
    ["1", 1],
    ["3", 3],
    ["0", 1],
    ["-2", 1],
    ["2.5", 1],
    ["abc", 1],
    ["9999", 50],
    [["4", "5"], 4],
  ])("%j → %d", (input, expected) => {
    expect(parsePageNumber(input)).toBe(expected);
  });
});

describe("highlightParts", () => {
  test.each<[string, { text: string; highlighted: boolean }[]]>([
    ["no match here", [{ text: "no match here", highlighted: false }]],
    [`the ${S}executions${E} took place near ${S}Qayyarah${E}.`, [
      { text: "the ", highlighted: false },
      { text: "executions", highlighted: true },
      { text: " took place near ", highlighted: false },
      { text: "Qayyarah", highlighted: true },
      { text: ".", highlighted: false },
    ]],
    [`${S}buried${E}${S} alive${E}`, [{ text: "buried alive", highlighted: true }]],
    [`<script>${S}x${E}</script>`, [
      { text: "<script>", highlighted: false },
      { text: "x", highlighted: true },
      { text: "</script>", highlighted: false },
    ]],
    ["", []],
  ])("%j", (headline, expected) => {
    expect(highlightParts(headline)).toEqual(expected);
  });
});

describe("replaceWords (a spelling suggestion keeps the query's syntax)", () => {
  test.each([
    ["one word", "qayara", [["qayara", "qayyarah"]], "qayyarah"],
    ["case is matched, quotes and exclusions stay", '"Qayara executions" -Mosl', [["qayara", "qayyarah"], ["mosl", "mosul"]], '"qayyarah executions" -mosul'],
    ["only whole words", "mosul mosuls", [["mosul", "x"]], "x mosuls"],
  ] as const)("%s", (_label, text, pairs, expected) => {
    expect(replaceWords(text, new Map(pairs))).toBe(expected);
  });
});
