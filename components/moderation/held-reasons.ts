import { plural } from "@/lib/format";
import { MODE_ALL_DETAIL, MODE_FIRST_COMMENT_DETAIL } from "@/lib/moderation/rules";

/*
 * Why a comment was held or sent to spam, in a moderator's words. The rules
 * stored their reasons when the comment came in (lib/moderation/rules.ts);
 * some stop being true later — the newcomer gets a comment approved, a ban is
 * lifted — so each reason is read against the commenter as they are now and
 * says so when it no longer holds, instead of repeating what was true then.
 */

export interface StoredReason {
  rule: string;
  detail: string;
}

/** What the desk knows now about the comment and its commenter (the row's status, history and bans). */
export interface CommenterNow {
  /** Approved comments from this email, this one not counted. */
  approvedComments: number;
  emailBanned: boolean;
  ipBanned: boolean;
  /** A moderator has approved or trashed it: its reasons are history. */
  decided: boolean;
}

export interface HeldReasonView {
  /** The rule, as the moderation settings name it. */
  title: string;
  /** The specifics: the word, how many links, what changed since. */
  detail: string;
  /** The reason held when the comment came in but does not any more. */
  outdated: boolean;
}

/** The word a word rule matched, from its stored detail (contains the held word “refund”). */
function quotedWord(detail: string): string | null {
  return /“(.+)”/u.exec(detail)?.[1] ?? null;
}

export function describeHeldReason(reason: StoredReason, now: CommenterNow): HeldReasonView {
  const current = (title: string, detail: string): HeldReasonView => ({ title, detail, outdated: false });
  switch (reason.rule) {
    case "mode":
      if (reason.detail === MODE_ALL_DETAIL) return current("Every comment held", "the moderation rules held every comment when this one came in");
      if (reason.detail !== MODE_FIRST_COMMENT_DETAIL) return current("Moderation rules", reason.detail);
      if (now.decided) return { title: "New commenter", detail: "it was their first comment", outdated: true };
      return now.approvedComments > 0
        ? {
            title: "New commenter",
            detail: `it was their first comment; ${plural(now.approvedComments, "comment")} from this email approved since`,
            outdated: true,
          }
        : current("New commenter", "no comment from this email has been approved yet");
    case "hold_word": {
      const word = quotedWord(reason.detail);
      return current("Hold word", word ? `contains “${word}”` : reason.detail);
    }
    case "block_word": {
      const word = quotedWord(reason.detail);
      return current("Block word", word ? `contains “${word}”` : reason.detail);
    }
    case "links":
      return current("Many links", reason.detail);
    case "honeypot":
      return current("Looks like a bot", "it filled in a form field people never see");
    case "banned_email":
      return now.emailBanned
        ? current("Banned email", "this email address is banned")
        : { title: "Banned email", detail: "the email was banned when this came in; the ban has been lifted", outdated: true };
    case "banned_ip":
      return now.ipBanned
        ? current("Banned IP address", "this IP address is banned")
        : { title: "Banned IP address", detail: "the address was banned when this came in; the ban has been lifted", outdated: true };
    default:
      return current(ruleLabel(reason.rule), reason.detail);
  }
}

/** A rule name the desk has no words for ("rate_limit", "linkCount"), made readable. */
export function ruleLabel(rule: string): string {
  const words = rule
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[-_.]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : "Rule";
}
