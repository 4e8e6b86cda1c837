import { describe, expect, test } from "vitest";
import { buildThread, firstLines } from "@/lib/comment-thread";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 12, minute));
const row = (id: string, parentId: string | null, minute: number) => ({
  id,
  parentId,
  authorName: id,
  body: `body ${id}`,
  isStaff: false,
  createdAt: at(minute),
});

describe("buildThread", () => {
  test("replies nest under their parents in order", () => {
    const thread = buildThread([row("a", null, 1), row("b", null, 2), row("a1", "a", 3), row("a1x", "a1", 4), row("a2", "a", 5)]);
    expect(thread.map((comment) => comment.id)).toEqual(["a", "b"]);
    expect(thread[0]?.replies.map((comment) => comment.id)).toEqual(["a1", "a2"]);
    expect(thread[0]?.replies[0]?.replies.map((comment) => comment.id)).toEqual(["a1x"]);
  });

  test("a reply whose parent is not shown moves to the top level rather than disappearing", () => {
    const thread = buildThread([row("a", null, 1), row("orphan", "held-parent", 2)]);
    expect(thread.map((comment) => comment.id)).toEqual(["a", "orphan"]);
  });

  test("the thread never carries the parent id or anything not selected", () => {
    const [comment] = buildThread([row("a", null, 1)]);
    expect(Object.keys(comment ?? {}).sort()).toEqual(["authorName", "body", "createdAt", "id", "isStaff", "replies"]);
  });
});

describe("firstLines (what a reply form quotes)", () => {
  test.each([
    ["a short comment whole", "Thanks for this.", 20, "Thanks for this."],
    ["a long one cut between words", "The figures do not add up at all", 20, "The figures do not…"],
    ["one long word cut where it must be", "Supercalifragilistic", 10, "Supercalif…"],
    ["blank lines squeezed", "First.\n\n\n\nSecond.", 40, "First.\n\nSecond."],
    ["never half an emoji", "😀😀😀😀 done", 3, "😀😀😀…"],
  ])("%s", (_label, text, max, expected) => {
    expect(firstLines(text, max)).toBe(expected);
  });
});
