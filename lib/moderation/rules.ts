import { countLinks } from "@/lib/plain-text";
import type { ModerationSettings } from "@/lib/settings";

/**
 * The moderation rules a reader's comment meets at submission, as one pure
 * function: no database, no clock, no request. The service gathers the facts
 * (is this email returning? banned? is the story closed?) and stores what this
 * answers — the status and every reason a rule gave — so moderators can see why
 * a comment waits in their queue.
 *
 * Precedence: a closed story refuses the comment outright; otherwise any spam
 * rule (honeypot, ban, block word) sends it to Spam; otherwise any hold rule
 * (hold word, links, moderation mode) sends it to Pending; otherwise it is
 * published. Every rule that fired is recorded, not only the deciding one.
 */

export type ModerationRule = "closed" | "honeypot" | "banned_email" | "banned_ip" | "block_word" | "hold_word" | "links" | "mode";

export interface HeldReason {
  rule: ModerationRule;
  detail: string;
}

export interface CommentDraft {
  authorName: string;
  body: string;
}

export interface SubmissionFacts {
  /** The author's email already has an approved comment (the RETURNING mode). */
  authorHasApprovedComment: boolean;
  /** An active ban names this email. */
  emailBanned: boolean;
  /** An active ban names this client's IP hash. */
  ipBanned: boolean;
  /** The form's hidden trap field came back filled in: a bot. */
  honeypotFilled: boolean;
  article: { commentsClosed: boolean; publishedAt: Date | null };
  now: Date;
}

export type ModerationRules = Pick<ModerationSettings, "mode" | "linkHoldThreshold" | "holdWords" | "blockWords" | "closeAfterDays">;

export type ModerationOutcome =
  | { kind: "refused"; reason: HeldReason }
  | { kind: "accepted"; status: "APPROVED" | "PENDING" | "SPAM"; reasons: HeldReason[] };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The stored details of the two "mode" reasons, which the desk tells apart (components/moderation/held-reasons.ts). */
export const MODE_ALL_DETAIL = "every comment is held for review";
export const MODE_FIRST_COMMENT_DETAIL = "first comment from this email";

/** Why comments on this story are closed at `now`, or null when they are open. */
export function closedReason(rules: Pick<ModerationRules, "closeAfterDays">, facts: Pick<SubmissionFacts, "article" | "now">): HeldReason | null {
  if (facts.article.commentsClosed) return { rule: "closed", detail: "comments are closed on this story" };
  const { publishedAt } = facts.article;
  if (rules.closeAfterDays > 0 && publishedAt && facts.now.getTime() >= publishedAt.getTime() + rules.closeAfterDays * DAY_MS) {
    return { rule: "closed", detail: `comments close ${rules.closeAfterDays} ${rules.closeAfterDays === 1 ? "day" : "days"} after publication` };
  }
  return null;
}

export function moderateComment(comment: CommentDraft, rules: ModerationRules, facts: SubmissionFacts): ModerationOutcome {
  const closed = closedReason(rules, facts);
  if (closed) return { kind: "refused", reason: closed };

  const text = `${comment.authorName}\n${comment.body}`;
  const spam: HeldReason[] = [];
  const hold: HeldReason[] = [];

  if (facts.honeypotFilled) spam.push({ rule: "honeypot", detail: "the hidden trap field was filled in" });
  if (facts.emailBanned) spam.push({ rule: "banned_email", detail: "the email address is banned" });
  if (facts.ipBanned) spam.push({ rule: "banned_ip", detail: "the IP address is banned" });
  for (const word of matchingWords(text, rules.blockWords)) spam.push({ rule: "block_word", detail: `contains the blocked word “${word}”` });
  for (const word of matchingWords(text, rules.holdWords)) hold.push({ rule: "hold_word", detail: `contains the held word “${word}”` });

  const links = countLinks(comment.body);
  if (rules.linkHoldThreshold > 0 && links >= rules.linkHoldThreshold) {
    hold.push({ rule: "links", detail: `${links} ${links === 1 ? "link" : "links"} (held at ${rules.linkHoldThreshold} or more)` });
  }
  if (rules.mode === "ALL") hold.push({ rule: "mode", detail: MODE_ALL_DETAIL });
  if (rules.mode === "RETURNING" && !facts.authorHasApprovedComment) hold.push({ rule: "mode", detail: MODE_FIRST_COMMENT_DETAIL });

  if (spam.length > 0) return { kind: "accepted", status: "SPAM", reasons: [...spam, ...hold] };
  if (hold.length > 0) return { kind: "accepted", status: "PENDING", reasons: hold };
  return { kind: "accepted", status: "APPROVED", reasons: [] };
}

/*
 * Whole words in any script. A "word" character is a letter, a combining mark
 * or a digit in Unicode's sense, so "ass" is not found in "class" or "assess",
 * and "كلب" is not found in "الكلب" but is found in "كلب!". Case is ignored
 * (Unicode case folding), and so are the Arabic short-vowel marks and the
 * tatweel that only stretch a word, so a decorated spelling matches the plain one.
 */

const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}_]`;
const ARABIC_DECORATION = /[\u0640\u064B-\u065F\u0670]/gu;

export function normalizeForMatching(text: string): string {
  return text.normalize("NFKC").replace(ARABIC_DECORATION, "");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function wordPattern(word: string): RegExp | null {
  const normalized = normalizeForMatching(word).trim();
  if (!normalized) return null;
  // Words of a phrase may be separated by any run of white space.
  const body = normalized.split(/\s+/u).map(escapeRegExp).join(String.raw`\s+`);
  return new RegExp(`(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`, "iu");
}

/** The listed words (or phrases) that occur in `text` as whole words, in list order. */
export function matchingWords(text: string, words: readonly string[]): string[] {
  const haystack = normalizeForMatching(text);
  const found: string[] = [];
  for (const word of words) {
    const pattern = wordPattern(word);
    if (pattern?.test(haystack) && !found.includes(word)) found.push(word);
  }
  return found;
}
