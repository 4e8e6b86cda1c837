import { describe, expect, test } from "vitest";
import { decisionLabel, decisionsFor, decisionsForQueue } from "@/components/moderation/decisions";
import { ruleLabel } from "@/components/moderation/held-reasons";
import { formatCount, queueHref } from "@/components/moderation/queue-url";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { decodeKeysetCursor, encodeKeysetCursor } from "@/lib/keyset";
import { auditFilterSchema, banFormSchema, bulkSelectionSchema, parseQueueParams } from "@/lib/validation/moderation";
import { moderationSettingsFormSchema, wordList } from "@/lib/validation/settings";
import { createStaffSchema } from "@/lib/validation/staff";

describe("what a moderator can do with a comment", () => {
  test.each<[CommentStatus, boolean, string[]]>([
    ["PENDING", false, ["approve", "spam", "trash"]],
    ["PENDING", true, ["approve", "spam", "trash"]],
    ["APPROVED", false, ["pending", "spam", "trash"]],
    // Reported while published: approving keeps it and clears the reports.
    ["APPROVED", true, ["approve", "pending", "spam", "trash"]],
    ["SPAM", false, ["approve", "pending", "trash"]],
    ["TRASH", false, ["approve", "pending", "spam"]],
  ])("%s (reported: %s) → %j", (status, reported, expected) => {
    expect(decisionsFor(status, reported)).toEqual(expected);
  });

  test.each<[CommentStatus | null, string]>([
    ["APPROVED", "Unapprove"],
    ["SPAM", "Not spam"],
    ["TRASH", "Restore"],
    [null, "Move to pending"],
  ])("moving back to pending from %s reads “%s”", (from, label) => {
    expect(decisionLabel("pending", from)).toBe(label);
  });

  test("the row buttons keep the names PRODUCT.md promises", () => {
    expect(["approve", "spam", "trash"].map((decision) => decisionLabel(decision as "approve", "PENDING"))).toEqual(["Approve", "Spam", "Trash"]);
  });

  test.each([
    ["pending", ["approve", "spam", "trash"]],
    ["approved", ["pending", "spam", "trash"]],
    ["reported", ["approve", "pending", "spam", "trash"]],
    ["spam", ["approve", "pending", "trash"]],
  ] as const)("bulk decisions on %s", (queue, expected) => {
    expect(decisionsForQueue(queue)).toEqual(expected);
  });
});

describe("held reasons in words", () => {
  test.each([
    ["links", "Links"],
    ["block-word", "Block word"],
    ["holdWord", "Hold word"],
    ["rate_limit", "Rate limit"],
    ["", "Rule"],
  ])("%j → %s", (rule, label) => {
    expect(ruleLabel(rule)).toBe(label);
  });
});

describe("queue addresses", () => {
  test("parse back to the same queue and filters", () => {
    const filter = { q: "100% sure", article: "0193a0c4-1d2e-7f00-8000-000000000001", author: "ana@example.com" };
    const href = queueHref("spam", filter, "cursor123");
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseQueueParams(params)).toEqual({ queue: "spam", filter, cursor: "cursor123", problems: [] });
  });

  test("drop what is malformed instead of failing, and say why a search was ignored", () => {
    expect(parseQueueParams({ queue: "everything", article: "nope", q: "ab", author: "not-an-email" })).toEqual({
      queue: "pending",
      filter: {},
      cursor: null,
      problems: ["That story filter was not understood, so it was left out.", "Type at least 3 characters to search.", "Enter a valid email address."],
    });
  });

  test("counts say when they stopped counting", () => {
    expect(formatCount({ count: 10_000, capped: true })).toBe("10,000+");
    expect(formatCount({ count: 3, capped: false })).toBe("3");
  });
});

describe("keyset cursors", () => {
  test("round-trip a timestamp and a uuid or a bigint id", () => {
    const at = new Date("2026-11-25T10:11:12.345Z");
    expect(decodeKeysetCursor(encodeKeysetCursor(at, "0193a0c4-1d2e-7f00-8000-000000000001"))).toEqual({ at, id: "0193a0c4-1d2e-7f00-8000-000000000001" });
    expect(decodeKeysetCursor(encodeKeysetCursor(at, "12345"))).toEqual({ at, id: "12345" });
  });

  test.each(["", "garbage", Buffer.from("not-a-date|x").toString("base64url"), Buffer.from("2026-01-01T00:00:00Z|'; drop").toString("base64url")])(
    "reject %j",
    (cursor) => {
      expect(decodeKeysetCursor(cursor)).toBeNull();
    },
  );
});

describe("bulk selections", () => {
  test("need at least one comment and at most 10,000", () => {
    expect(bulkSelectionSchema.safeParse({ kind: "ids", items: [] }).success).toBe(false);
    const many = Array.from({ length: 10_001 }, () => ({ id: "0193a0c4-1d2e-7f00-8000-000000000001", seenStatus: "PENDING" }));
    expect(bulkSelectionSchema.safeParse({ kind: "ids", items: many }).success).toBe(false);
  });

  test("“everything matching” names the moment the list was loaded", () => {
    expect(bulkSelectionSchema.safeParse({ kind: "filter", queue: "pending", filter: {}, upTo: "yesterday" }).success).toBe(false);
    expect(bulkSelectionSchema.safeParse({ kind: "filter", queue: "pending", filter: { q: "casino" }, upTo: "2026-11-25T10:00:00.000Z" }).success).toBe(true);
  });
});

describe("the settings form", () => {
  test.each([
    ["one\ntwo", ["one", "two"]],
    ["  spaced  \r\n\r\nlines ", ["spaced", "lines"]],
    ["Casino\ncasino\nCASINO", ["Casino"]],
    ["كازينو\nКазино", ["كازينو", "Казино"]],
    ["", []],
  ])("word list %j → %j", (text, words) => {
    expect(wordList.parse(text)).toEqual(words);
  });

  test("numbers must be whole and in range", () => {
    const base = { mode: "RETURNING", holdWords: "", blockWords: "", linkHoldThreshold: "2", rateLimitPerMinute: "5", closeAfterDays: "0" };
    expect(moderationSettingsFormSchema.safeParse(base).success).toBe(true);
    for (const [field, value] of [
      ["linkHoldThreshold", "2.5"],
      ["linkHoldThreshold", "101"],
      ["rateLimitPerMinute", "0"],
      ["closeAfterDays", ""],
    ]) {
      expect(moderationSettingsFormSchema.safeParse({ ...base, [field as string]: value }).success, `${field}=${value}`).toBe(false);
    }
  });
});

describe("other forms", () => {
  test("a ban names an email, an IP hash or both", () => {
    expect(banFormSchema.safeParse({ email: "", ipHash: "", reason: "" }).success).toBe(false);
    expect(banFormSchema.parse({ email: " Troll@Example.COM ", ipHash: "", reason: "" })).toEqual({ email: "troll@example.com", ipHash: undefined, reason: "" });
    expect(banFormSchema.safeParse({ email: "", ipHash: "x y z", reason: "" }).success).toBe(false);
  });

  test("staff passwords have at least 12 characters; emails are stored lower-case", () => {
    expect(createStaffSchema.safeParse({ name: "A", email: "a@b.co", role: "WRITER", password: "elevenchars" }).success).toBe(false);
    expect(createStaffSchema.parse({ name: " A ", email: "A@B.co", role: "WRITER", password: "twelve chars" })).toMatchObject({ name: "A", email: "a@b.co" });
  });

  test("audit log filters drop what they cannot use", () => {
    expect(auditFilterSchema.parse({ actor: "me", action: "comment.delete", from: "2026-02-30x", targetId: "", batch: "x" })).toEqual({});
    expect(auditFilterSchema.parse({ action: "comment.spam", from: "2026-11-01" })).toEqual({ action: "comment.spam", from: "2026-11-01" });
  });
});
