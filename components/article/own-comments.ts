import { useSyncExternalStore } from "react";
import type { ReaderCommentStatus } from "@/lib/services/comments";
import { OWN_COMMENTS_MAX } from "@/lib/validation/comment-limits";

/*
 * The comments this browser posted that may still await moderation, kept in
 * localStorage so that a reload (or a visit next week) still shows the reader
 * what they wrote, as WordPress shows a commenter their held comment. Story
 * pages are one cached copy for everyone, so this can only live in the
 * browser: no other browser ever sees it, and neither email nor address is
 * kept. Whether a comment still waits is the server's to say (see
 * ownCommentStatusesAction): until it has said so during this visit, a stored
 * comment is not shown, so a comment approved meanwhile never shows twice.
 */

export interface OwnComment {
  id: string;
  articleSlug: string;
  authorName: string;
  body: string;
  /** The comment answered, when it is a reply. */
  parent: { id: string; authorName: string } | null;
  postedAt: string;
}

export interface OwnCommentsSnapshot {
  comments: readonly OwnComment[];
  /** Ids the server said (or the post answered) are awaiting moderation, during this visit. */
  awaiting: ReadonlySet<string>;
}

const STORAGE_KEY = "newsroom:own-comments";
const CHANGE_EVENT = "newsroom:own-comments-changed";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const isString = (value: unknown): value is string => typeof value === "string";

/** Storage is shared with anything else on this origin and older versions of this code: keep only well-formed entries. */
function isOwnComment(value: unknown): value is OwnComment {
  if (!isRecord(value)) return false;
  const { id, articleSlug, authorName, body, parent, postedAt } = value;
  const parentOk = parent === null || (isRecord(parent) && isString(parent.id) && isString(parent.authorName));
  return [id, articleSlug, authorName, body, postedAt].every(isString) && parentOk;
}

function parse(raw: string | null): OwnComment[] {
  try {
    const value: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(value) ? value.filter(isOwnComment) : [];
  } catch {
    return [];
  }
}

function readStorage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage turned off (private modes, policies): nothing is remembered across reloads.
    return null;
  }
}

function writeStorage(comments: readonly OwnComment[]): void {
  try {
    if (comments.length === 0) window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, JSON.stringify(comments));
  } catch {
    // Full or refused: the comment is still shown for this visit.
  }
}

const awaiting = new Set<string>();
/** Comments posted during this visit, kept here too in case storage refuses them. */
let postedThisVisit: OwnComment[] = [];
let snapshot: OwnCommentsSnapshot = { comments: [], awaiting: new Set() };
let snapshotRaw: string | null | undefined;
let snapshotVersion = -1;
let version = 0;

function changed(): void {
  version += 1;
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

function currentComments(): OwnComment[] {
  const stored = parse(readStorage());
  const storedIds = new Set(stored.map((comment) => comment.id));
  return [...stored, ...postedThisVisit.filter((comment) => !storedIds.has(comment.id))];
}

function getSnapshot(): OwnCommentsSnapshot {
  const raw = readStorage();
  if (raw !== snapshotRaw || version !== snapshotVersion) {
    snapshotRaw = raw;
    snapshotVersion = version;
    snapshot = { comments: currentComments(), awaiting: new Set(awaiting) };
  }
  return snapshot;
}

const serverSnapshot: OwnCommentsSnapshot = { comments: [], awaiting: new Set() };

function subscribe(onChange: () => void): () => void {
  // "storage" brings changes made in other tabs; CHANGE_EVENT those made here.
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/** Everything this browser remembers; empty on the server and while the page hydrates. */
export function useOwnComments(): OwnCommentsSnapshot {
  return useSyncExternalStore(subscribe, getSnapshot, () => serverSnapshot);
}

/** A comment just posted and held for moderation: remembered, and known to be waiting. */
export function rememberHeldComment(comment: OwnComment): void {
  const others = currentComments().filter((kept) => kept.id !== comment.id);
  // The newest are kept when there are too many.
  const kept = [...others, comment].slice(-OWN_COMMENTS_MAX);
  postedThisVisit = [...postedThisVisit.filter((kept) => kept.id !== comment.id), comment];
  writeStorage(kept);
  awaiting.add(comment.id);
  changed();
}

/** What the server said: comments still waiting are shown; published or removed ones are forgotten. */
export function recordStatuses(statuses: Record<string, ReaderCommentStatus>): void {
  const settled = new Set(Object.entries(statuses).flatMap(([id, status]) => (status === "awaiting" ? [] : [id])));
  for (const [id, status] of Object.entries(statuses)) if (status === "awaiting") awaiting.add(id);
  if (settled.size > 0) {
    for (const id of settled) awaiting.delete(id);
    writeStorage(parse(readStorage()).filter((comment) => !settled.has(comment.id)));
    postedThisVisit = postedThisVisit.filter((comment) => !settled.has(comment.id));
  }
  changed();
}
