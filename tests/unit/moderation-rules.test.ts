import { describe, expect, test } from "vitest";
import {
  closedReason,
  matchingWords,
  moderateComment,
  type ModerationRule,
  type ModerationRules,
  type SubmissionFacts,
} from "@/lib/moderation/rules";

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-11-20T12:00:00Z");

/** The defaults of PRODUCT.md, with one word on each list so the word rules can fire. */
const rules: ModerationRules = {
  mode: "RETURNING",
  linkHoldThreshold: 2,
  holdWords: ["refund"],
  blockWords: ["casino"],
  closeAfterDays: 0,
};

/** A returning author on an open story: nothing holds the comment. */
const facts: SubmissionFacts = {
  authorHasApprovedComment: true,
  emailBanned: false,
  ipBanned: false,
  honeypotFilled: false,
  article: { commentsClosed: false, publishedAt: new Date(now.getTime() - 3 * DAY) },
  now,
};

const plain = { authorName: "Mariam K.", body: "Is there any independent confirmation of either figure?" };

const rulesOf = (reasons: { rule: ModerationRule }[]) => reasons.map((reason) => reason.rule);

describe("each rule on its own", () => {
  test.each<[string, { comment?: Partial<typeof plain>; rules?: Partial<ModerationRules>; facts?: Partial<SubmissionFacts> }, string, ModerationRule[]]>([
    ["nothing fires for a returning author", {}, "APPROVED", []],
    ["mode NONE publishes a first-time author", { rules: { mode: "NONE" }, facts: { authorHasApprovedComment: false } }, "APPROVED", []],
    ["mode RETURNING holds a first-time author", { facts: { authorHasApprovedComment: false } }, "PENDING", ["mode"]],
    ["mode RETURNING publishes a returning author", { facts: { authorHasApprovedComment: true } }, "APPROVED", []],
    ["mode ALL holds even a returning author", { rules: { mode: "ALL" } }, "PENDING", ["mode"]],
    ["a hold word holds", { comment: { body: "I want a refund for this article." } }, "PENDING", ["hold_word"]],
    ["a block word is spam", { comment: { body: "Best casino bonus here" } }, "SPAM", ["block_word"]],
    ["a block word in the name is spam", { comment: { authorName: "Casino Royale" } }, "SPAM", ["block_word"]],
    ["a hold word in the name holds", { comment: { authorName: "Refund desk" } }, "PENDING", ["hold_word"]],
    ["a banned email is spam", { facts: { emailBanned: true } }, "SPAM", ["banned_email"]],
    ["a banned IP is spam", { facts: { ipBanned: true } }, "SPAM", ["banned_ip"]],
    ["a filled honeypot is spam", { facts: { honeypotFilled: true } }, "SPAM", ["honeypot"]],
    ["one link is below the threshold of 2", { comment: { body: "Source: https://example.com/report" } }, "APPROVED", []],
    ["two links reach the threshold of 2", { comment: { body: "https://a.example.com and https://b.example.com" } }, "PENDING", ["links"]],
    ["three links are over the threshold", { comment: { body: "https://a.example.com https://b.example.com https://c.example.com" } }, "PENDING", ["links"]],
    ["a threshold of 1 holds a single link", { rules: { linkHoldThreshold: 1 }, comment: { body: "see https://example.com" } }, "PENDING", ["links"]],
    ["a threshold of 0 turns the link rule off", { rules: { linkHoldThreshold: 0 }, comment: { body: "https://a.example.com https://b.example.com https://c.example.com" } }, "APPROVED", []],
    ["empty word lists hold nothing", { rules: { holdWords: [], blockWords: [] }, comment: { body: "refund casino" } }, "APPROVED", []],
  ])("%s", (_label, change, status, fired) => {
    const outcome = moderateComment({ ...plain, ...change.comment }, { ...rules, ...change.rules }, { ...facts, ...change.facts });
    expect(outcome).toMatchObject({ kind: "accepted", status });
    if (outcome.kind === "accepted") expect(rulesOf(outcome.reasons)).toEqual(fired);
  });
});

describe("closed comments", () => {
  test.each<[string, { commentsClosed?: boolean; closeAfterDays: number; publishedDaysAgo: number | null; extraMs?: number }, boolean]>([
    ["open story, no time limit", { closeAfterDays: 0, publishedDaysAgo: 4000 }, false],
    ["closed by the editor", { commentsClosed: true, closeAfterDays: 0, publishedDaysAgo: 1 }, true],
    ["inside the time limit", { closeAfterDays: 14, publishedDaysAgo: 13 }, false],
    ["a moment before the limit", { closeAfterDays: 14, publishedDaysAgo: 14, extraMs: -1 }, false],
    ["exactly at the limit", { closeAfterDays: 14, publishedDaysAgo: 14 }, true],
    ["past the limit", { closeAfterDays: 14, publishedDaysAgo: 30 }, true],
    ["one day limit, two days on", { closeAfterDays: 1, publishedDaysAgo: 2 }, true],
    ["no publication date: the time limit cannot apply", { closeAfterDays: 1, publishedDaysAgo: null }, false],
  ])("%s → closed=%s", (_label, setup, closed) => {
    const publishedAt =
      setup.publishedDaysAgo === null ? null : new Date(now.getTime() - setup.publishedDaysAgo * DAY - (setup.extraMs ?? 0));
    const articleFacts = { ...facts, article: { commentsClosed: setup.commentsClosed ?? false, publishedAt } };
    const outcome = moderateComment(plain, { ...rules, closeAfterDays: setup.closeAfterDays }, articleFacts);
    expect(outcome.kind).toBe(closed ? "refused" : "accepted");
    expect(closedReason({ closeAfterDays: setup.closeAfterDays }, articleFacts) !== null).toBe(closed);
  });

  test("a closed story refuses even a comment that would be spam, and says why", () => {
    const outcome = moderateComment(
      { authorName: "x", body: "casino" },
      { ...rules, closeAfterDays: 7 },
      { ...facts, honeypotFilled: true, emailBanned: true, article: { commentsClosed: false, publishedAt: new Date(now.getTime() - 8 * DAY) } },
    );
    expect(outcome).toEqual({ kind: "refused", reason: { rule: "closed", detail: "comments close 7 days after publication" } });
  });
});

/*
 * Every combination of the rules that can fire, against a model of the
 * precedence: closed refuses; else any spam rule → SPAM (with every reason);
 * else any hold rule → PENDING; else APPROVED.
 */
const switches = ["closed", "honeypot", "banned_email", "banned_ip", "block_word", "hold_word", "links", "mode"] as const;
type Switch = (typeof switches)[number];
const spamRules: Switch[] = ["honeypot", "banned_email", "banned_ip", "block_word"];

const combinations: Switch[][] = Array.from({ length: 2 ** switches.length }, (_, mask) =>
  switches.filter((_rule, bit) => (mask >> bit) & 1),
);

describe("every combination of rules", () => {
  test.each(combinations.map((on) => [on.join(" + ") || "none", on] as const))("%s", (_label, on) => {
    const has = (rule: Switch) => on.includes(rule);
    const words = [has("block_word") ? "casino" : "", has("hold_word") ? "refund" : ""].filter(Boolean).join(" ");
    const links = has("links") ? "https://a.example.com https://b.example.com" : "";
    const outcome = moderateComment(
      { authorName: "Reader", body: `A comment ${words} ${links}`.trim() },
      rules,
      {
        ...facts,
        authorHasApprovedComment: !has("mode"),
        honeypotFilled: has("honeypot"),
        emailBanned: has("banned_email"),
        ipBanned: has("banned_ip"),
        article: { ...facts.article, commentsClosed: has("closed") },
      },
    );

    if (has("closed")) {
      expect(outcome).toMatchObject({ kind: "refused", reason: { rule: "closed" } });
      return;
    }
    const spam = on.filter((rule) => spamRules.includes(rule));
    const hold = on.filter((rule) => !spamRules.includes(rule));
    const expectedStatus = spam.length > 0 ? "SPAM" : hold.length > 0 ? "PENDING" : "APPROVED";
    expect(outcome).toMatchObject({ kind: "accepted", status: expectedStatus });
    if (outcome.kind !== "accepted") return;
    // Every rule that fired is on record for the moderators, each with a readable detail.
    expect(new Set(rulesOf(outcome.reasons))).toEqual(new Set(expectedStatus === "SPAM" ? on : hold));
    for (const reason of outcome.reasons) expect(reason.detail.length).toBeGreaterThan(5);
  });
});

describe("whole-word matching", () => {
  test.each<[string, string, string[]]>([
    ["SPAM here", "spam", ["spam"]],
    ["spam!", "spam", ["spam"]],
    ["(spam)", "spam", ["spam"]],
    ["“Spam”, they said", "spam", ["spam"]],
    ["spammer", "spam", []],
    ["antispam", "spam", []],
    ["spam123", "spam", []],
    ["spam_bot", "spam", []],
    ["a classic mistake", "ass", []],
    ["you are an ass.", "ass", ["ass"]],
    ["Café society", "CAFÉ", ["CAFÉ"]],
    ["ＳＰＡＭ in full-width letters", "spam", ["spam"]],
    ["Buy   NOW while it lasts", "buy now", ["buy now"]],
    ["buy something now", "buy now", []],
    ["I write c++ daily", "c++", ["c++"]],
    ["visit example.com/offer", "example.com", ["example.com"]],
    ["visit myexample.com", "example.com", []],
    ["nothing here", "", []],
    // Arabic: separate words, attached prefixes, short-vowel marks and tatweel.
    ["هذا كلب كبير", "كلب", ["كلب"]],
    ["هذا كلب!", "كلب", ["كلب"]],
    ["الكلب نائم", "كلب", []],
    ["هذا كَلْب", "كلب", ["كلب"]],
    ["هذا كلـــب", "كلب", ["كلب"]],
    ["© الجهاد في سبيل الله", "الجهاد", ["الجهاد"]],
    ["© الجهاد في سبيل الله", "جهاد", []],
    ["Mixed English and عربي text", "عربي", ["عربي"]],
  ])("%j with %j → %j", (text, word, expected) => {
    expect(matchingWords(text, [word])).toEqual(expected);
  });

  test("reports each listed word that occurs, in list order, once", () => {
    expect(matchingWords("casino casino and refund", ["refund", "loan", "casino", "Casino"])).toEqual(["refund", "casino", "Casino"]);
  });

  test("the detail names the matched word", () => {
    const outcome = moderateComment({ authorName: "A", body: "Try our CASINO" }, rules, facts);
    expect(outcome).toEqual({ kind: "accepted", status: "SPAM", reasons: [{ rule: "block_word", detail: "contains the blocked word “casino”" }] });
  });
});
