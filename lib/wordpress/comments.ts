import type { WxrComment } from "./wxr-types";

export type ImportedCommentStatus = "PENDING" | "APPROVED" | "SPAM" | "TRASH";

/** comment_approved as WordPress stores it → our moderation state; unknown values wait in the queue. */
export function commentStatus(approved: string): { status: ImportedCommentStatus; note?: string } {
  switch (approved.trim()) {
    case "1":
      return { status: "APPROVED" };
    case "0":
      return { status: "PENDING" };
    case "spam":
      return { status: "SPAM" };
    case "trash":
    case "post-trashed":
      return { status: "TRASH" };
    default:
      return { status: "PENDING", note: `WordPress comment state ${JSON.stringify(approved.trim())} is not one Newsroom knows: held for moderation` };
  }
}

export interface ThreadedComment {
  comment: WxrComment & { wordpressId: number };
  status: ImportedCommentStatus;
  /** The WordPress id of the parent this comment is imported under, or null at the top level. */
  parentWordpressId: number | null;
  /** 1 for a top-level comment, 2 for a reply to it… */
  depth: number;
  notes: string[];
}

export interface SkippedComment {
  comment: WxrComment;
  /** What kind it was, for the report's counts: "pingback", "trackback", "comment"… */
  kind: string;
  reason: string;
}

export interface CommentThread {
  /** Parents always come before their replies. */
  comments: ThreadedComment[];
  skipped: SkippedComment[];
}

/** Types a reader wrote; WordPress 5.5+ writes "comment", older sites left it empty. */
const READER_COMMENT_TYPES = new Set(["", "comment"]);

/**
 * The comments of one post as a thread: pingbacks and trackbacks are counted
 * and skipped (PRODUCT.md), as are comments of a plugin's own type; a reply
 * whose parent is not in the file (WordPress never exports spam, so replies
 * to spam lose their parent), was skipped, or is the reply itself through a
 * loop of parents, is kept at the top level and named in the report.
 */
export function threadComments(comments: readonly WxrComment[]): CommentThread {
  const skipped: SkippedComment[] = [];
  const candidates = new Map<number, WxrComment & { wordpressId: number }>();
  for (const comment of comments) {
    const kind = comment.type.trim() || "comment";
    if (!READER_COMMENT_TYPES.has(comment.type.trim())) {
      skipped.push({ comment, kind, reason: `a ${kind}, not a reader's comment` });
    } else if (comment.wordpressId === null) {
      skipped.push({ comment, kind, reason: "it has no wp:comment_id" });
    } else if (candidates.has(comment.wordpressId)) {
      skipped.push({ comment, kind, reason: `a second comment with id ${comment.wordpressId}` });
    } else {
      candidates.set(comment.wordpressId, { ...comment, wordpressId: comment.wordpressId });
    }
  }

  const skippedIds = new Set(skipped.flatMap(({ comment }) => (comment.wordpressId === null ? [] : [comment.wordpressId])));
  const placed = new Map<number, ThreadedComment>();
  const ordered: ThreadedComment[] = [];

  const place = (comment: WxrComment & { wordpressId: number }, visiting: Set<number>): ThreadedComment => {
    const done = placed.get(comment.wordpressId);
    if (done) return done;
    const { status, note } = commentStatus(comment.approved);
    const notes = note ? [note] : [];
    let parent: ThreadedComment | null = null;
    const parentId = comment.parentId;
    if (parentId > 0) {
      const parentComment = candidates.get(parentId);
      if (!parentComment) {
        notes.push(
          skippedIds.has(parentId)
            ? `its parent comment ${parentId} was not imported: kept at the top level`
            : `its parent comment ${parentId} is not in the file: kept at the top level`,
        );
      } else if (visiting.has(parentId) || parentId === comment.wordpressId) {
        notes.push(`its parents loop back to it: kept at the top level`);
      } else {
        parent = place(parentComment, new Set([...visiting, comment.wordpressId]));
      }
    }
    const threaded: ThreadedComment = {
      comment,
      status,
      parentWordpressId: parent ? parent.comment.wordpressId : null,
      depth: parent ? parent.depth + 1 : 1,
      notes,
    };
    placed.set(comment.wordpressId, threaded);
    ordered.push(threaded);
    return threaded;
  };

  for (const comment of candidates.values()) place(comment, new Set());
  return { comments: ordered, skipped };
}
