import { describe, expect, test } from "vitest";
import { countLinks, linkifyPlainText } from "@/lib/plain-text";

describe("linkifyPlainText", () => {
  test("web addresses become links, the rest stays text", () => {
    expect(linkifyPlainText("See https://example.com/a?b=1 and www.bbc.co.uk for more.")).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", text: "https://example.com/a?b=1", href: "https://example.com/a?b=1" },
      { kind: "text", text: " and " },
      { kind: "link", text: "www.bbc.co.uk", href: "http://www.bbc.co.uk" },
      { kind: "text", text: " for more." },
    ]);
  });

  test.each([
    "javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "<a href='https://evil.example'>x</a>",
  ])("never produces a link that is not http(s): %s", (input) => {
    for (const part of linkifyPlainText(input)) {
      if (part.kind === "link") expect(part.href).toMatch(/^https?:\/\//);
    }
  });

  test("text without links is one text part, unchanged", () => {
    expect(linkifyPlainText("Whether it’s true or not")).toEqual([{ kind: "text", text: "Whether it’s true or not" }]);
  });

  test("Arabic text passes through untouched", () => {
    expect(linkifyPlainText("الجهاد في سبيل الله")).toEqual([{ kind: "text", text: "الجهاد في سبيل الله" }]);
  });
});

describe("countLinks", () => {
  test.each([
    ["no links here", 0],
    ["one https://a.example", 1],
    ["two: https://a.example and b.example.com", 2],
  ])("%s → %i", (text, count) => {
    expect(countLinks(text)).toBe(count);
  });
});
