import { describe, expect, test } from "vitest";
import { decisionLabel, decisionsFor, decisionsForQueue } from "@/components/moderation/decisions";
import { describeHeldReason, ruleLabel, type CommenterNow, type StoredReason } from "@/components/moderation/held-reasons";
import { decisionChange, scaleChange, withChanges, type CountChange } from "@/components/moderation/queue-counts";
import { formatCount, queueHref } from "@/components/moderation/queue-url";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { decodeKeysetCursor, encodeKeysetCursor } from "@/lib/keyset";
import { MODE_ALL_DETAIL, MODE_FIRST_COMMENT_DETAIL } from "@/lib/moderation/rules";
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

describe("held reasons in a moderator's words, as true now as when the comment came in", () => {
  const newcomer: CommenterNow = { approvedComments: 0, emailBanned: false, ipBanned: false, decided: false };
  test.each<[string, StoredReason, CommenterNow, string, boolean]>([
    ["a first comment", { rule: "mode", detail: MODE_FIRST_COMMENT_DETAIL }, newcomer, "New commenter — no comment from this email has been approved yet", false],
    [
      "a first comment whose author has had one approved since",
      { rule: "mode", detail: MODE_FIRST_COMMENT_DETAIL },
      { ...newcomer, approvedComments: 1 },
      "New commenter — it was their first comment; 1 comment from this email approved since",
      true,
    ],
    ["a first comment already decided", { rule: "mode", detail: MODE_FIRST_COMMENT_DETAIL }, { ...newcomer, decided: true }, "New commenter — it was their first comment", true],
    ["every comment held", { rule: "mode", detail: MODE_ALL_DETAIL }, newcomer, "Every comment held — the moderation rules held every comment when this one came in", false],
    ["a hold word", { rule: "hold_word", detail: "contains the held word “refund”" }, newcomer, "Hold word — contains “refund”", false],
    ["a block word", { rule: "block_word", detail: "contains the blocked word “casino”" }, newcomer, "Block word — contains “casino”", false],
    ["links", { rule: "links", detail: "3 links (held at 2 or more)" }, newcomer, "Many links — 3 links (held at 2 or more)", false],
    ["the bot trap", { rule: "honeypot", detail: "the hidden trap field was filled in" }, newcomer, "Looks like a bot — it filled in a form field people never see", false],
    ["a banned email, still banned", { rule: "banned_email", detail: "the email address is banned" }, { ...newcomer, emailBanned: true }, "Banned email — this email address is banned", false],
    [
      "a banned email, ban lifted",
      { rule: "banned_email", detail: "the email address is banned" },
      newcomer,
      "Banned email — the email was banned when this came in; the ban has been lifted",
      true,
    ],
    [
      "a banned address, ban lifted",
      { rule: "banned_ip", detail: "the IP address is banned" },
      newcomer,
      "Banned IP address — the address was banned when this came in; the ban has been lifted",
      true,
    ],
    ["a rule the desk has no words for", { rule: "rate_limit", detail: "too fast" }, newcomer, "Rate limit — too fast", false],
  ])("%s", (_label, reason, now, text, outdated) => {
    const view = describeHeldReason(reason, now);
    expect(`${view.title} — ${view.detail}`).toBe(text);
    expect(view.outdated).toBe(outdated);
  });

  test.each([
    ["linkCount", "Link count"],
    ["block-word", "Block word"],
    ["", "Rule"],
  ])("an unknown rule %j reads %s", (rule, label) => {
    expect(ruleLabel(rule)).toBe(label);
  });
});

describe("queue badges while decisions are on their way", () => {
  const counts = (pending: number, reported: number, spam: number, approved: number, trash: number) => ({
    pending: { count: pending, capped: false },
    reported: { count: reported, capped: false },
    spam: { count: spam, capped: false },
    approved: { count: approved, capped: false },
    trash: { count: trash, capped: false },
  });

  test.each<[string, { status: CommentStatus; reported: boolean }, CommentStatus, CountChange]>([
    ["approving a pending comment", { status: "PENDING", reported: false }, "APPROVED", { pending: -1, approved: 1 }],
    ["trashing a reported published comment", { status: "APPROVED", reported: true }, "TRASH", { approved: -1, trash: 1, reported: -1 }],
    ["approving a reported published comment only clears the report", { status: "APPROVED", reported: true }, "APPROVED", { reported: -1 }],
    ["restoring from spam", { status: "SPAM", reported: false }, "PENDING", { spam: -1, pending: 1 }],
  ])("%s", (_label, comment, target, change) => {
    expect(decisionChange(comment, target)).toEqual(change);
  });

  test("every change still on its way is added to what the server last counted", () => {
    const changes = [decisionChange({ status: "PENDING", reported: false }, "APPROVED"), decisionChange({ status: "PENDING", reported: false }, "SPAM")];
    expect(withChanges(counts(5, 1, 0, 10, 0), changes)).toEqual(counts(3, 1, 1, 11, 0));
    expect(withChanges(counts(5, 1, 0, 10, 0), [scaleChange({ pending: -1, trash: 1 }, 5)])).toEqual(counts(0, 1, 0, 10, 5));
  });

  test("a capped count stays a floor, and no count goes below zero", () => {
    const capped = { ...counts(0, 0, 0, 0, 0), approved: { count: 10_000, capped: true } };
    expect(withChanges(capped, [{ approved: 1, pending: -1 }])).toEqual(capped);
    expect(withChanges(counts(1, 0, 0, 0, 0), [{ pending: -1 }, { pending: -1 }]).pending).toEqual({ count: 0, capped: false });
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
