import { describe, expect, test } from "vitest";
import {
  citationLine,
  diffSnapshots,
  documentBlocks,
  parseSnapshot,
  readableSnapshot,
  snapshotOf,
  type ArticleSnapshot,
  type SnapshotNames,
} from "@/lib/revision-snapshot";
import { paragraphsToDocument } from "@/lib/rich-text/render";

const names: SnapshotNames = {
  sections: new Map([["s1", "World"], ["s2", "Politics"]]),
  users: new Map([["u1", "Nadia Haddad"], ["u2", "Tom Reyes"]]),
  sources: new Map([["a", "AhlulBayt News Agency"], ["b", "Iraqi News"], ["c", "Anonymous provincial source"]]),
};

function snapshot(overrides: Partial<ArticleSnapshot> = {}): ArticleSnapshot {
  return snapshotOf({
    title: "ISIS buries alive dozens of defectors",
    dek: "Accounts differ.",
    slug: "isis-buries-alive",
    body: paragraphsToDocument(["First paragraph.", "Second paragraph about the toll.", "Third.", "Fourth.", "Fifth."]),
    sectionId: "s1",
    tags: ["Iraq"],
    bylineIds: ["u1"],
    featuredImageId: null,
    imageAlt: "",
    imageCaption: "",
    imageCredit: "",
    citations: [{ sourceId: "a", viaSourceId: null, claim: "35 fighters were killed", factKey: "death toll", factValue: "35", reportUrl: null }],
    ...overrides,
  });
}

const readable = (value: ArticleSnapshot) => readableSnapshot(value, names);

describe("documentBlocks", () => {
  test("turns a rich-text document into readable lines, one per block", () => {
    const body = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "What we know" }] },
        { type: "paragraph", content: [{ type: "text", text: "See " }, { type: "text", text: "the report", marks: [{ type: "link", attrs: { href: "https://example.com/r" } }] }] },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "one" }] }] }] },
        { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "three" }] }] }] },
        { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "quoted" }] }] },
        { type: "image", attrs: { src: "/media/x.jpg", alt: "A map" } },
        { type: "paragraph" },
      ],
    };
    expect(documentBlocks(body)).toEqual([
      "## What we know",
      "See the report <https://example.com/r>",
      "• one",
      "3. three",
      "> quoted",
      "[Image: A map] /media/x.jpg",
    ]);
  });

  test("anything that is not a document reads as empty", () => {
    expect(documentBlocks(null)).toEqual([]);
    expect(documentBlocks("text")).toEqual([]);
  });
});

describe("parseSnapshot", () => {
  test("reads an older snapshot with missing fields as empty ones", () => {
    const parsed = parseSnapshot({ title: "Old", body: { type: "doc" } });
    expect(parsed).toMatchObject({ title: "Old", dek: "", citations: [], bylineIds: [], sectionId: null });
  });
});

describe("diffSnapshots", () => {
  test("identical versions have no differences", () => {
    expect(diffSnapshots(readable(snapshot()), readable(snapshot()))).toEqual({ fields: [], body: [] });
  });

  test("a changed title shows the words removed and added", () => {
    const diff = diffSnapshots(readable(snapshot()), readable(snapshot({ title: "ISIS buries alive 45 defectors" })));
    expect(diff.fields.map((field) => field.key)).toEqual(["title"]);
    const parts = diff.fields[0]!.parts;
    expect(parts.filter((part) => part.change === "removed").map((part) => part.text.trim())).toEqual(["dozens of"]);
    expect(parts.filter((part) => part.change === "added").map((part) => part.text.trim())).toEqual(["45"]);
  });

  test("references are compared by what people call them", () => {
    const diff = diffSnapshots(readable(snapshot()), readable(snapshot({ sectionId: "s2", bylineIds: ["u1", "u2"] })));
    const section = diff.fields.find((field) => field.key === "section");
    expect(section?.parts).toEqual([
      { text: "World", change: "removed" },
      { text: "Politics", change: "added" },
    ]);
    const bylines = diff.fields.find((field) => field.key === "bylines");
    expect(bylines?.parts.filter((part) => part.change === "added").map((part) => part.text).join("")).toContain("Tom Reyes");
  });

  test("an edited paragraph is shown word by word; untouched ones stay unchanged", () => {
    const edited = snapshot({
      body: paragraphsToDocument(["First paragraph.", "Second paragraph about the revised toll.", "Third.", "Fourth.", "Fifth.", "A new closing line."]),
    });
    const diff = diffSnapshots(readable(snapshot()), readable(edited));
    expect(diff.fields).toEqual([]);
    expect(diff.body.map((change) => change.kind)).toEqual(["same", "changed", "same", "added"]);
    const changed = diff.body[1];
    expect(changed?.kind === "changed" && changed.parts.filter((part) => part.change === "added").map((part) => part.text.trim())).toEqual(["revised"]);
    expect(diff.body[3]).toEqual({ kind: "added", text: "A new closing line." });
  });

  test("citations are compared line by line", () => {
    const more = snapshot({
      citations: [
        { sourceId: "a", viaSourceId: null, claim: "35 fighters were killed", factKey: "death toll", factValue: "35", reportUrl: null },
        { sourceId: "c", viaSourceId: "a", claim: "Near Qayyarah", factKey: null, factValue: null, reportUrl: null },
      ],
    });
    const diff = diffSnapshots(readable(snapshot()), readable(more));
    const citations = diff.fields.find((field) => field.key === "citations");
    expect(citations?.parts).toEqual([
      { text: "AhlulBayt News Agency: “35 fighters were killed” — death toll: 35\n", change: "same" },
      { text: "Anonymous provincial source (via AhlulBayt News Agency): “Near Qayyarah”\n", change: "added" },
    ]);
  });

  test("a source since removed is named as such instead of disappearing", () => {
    expect(citationLine({ sourceId: "gone", viaSourceId: null, claim: "x", factKey: null, factValue: null, reportUrl: null }, names.sources)).toBe(
      "(removed source): “x”",
    );
  });
});
