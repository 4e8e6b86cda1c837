/** A published comment as readers see it, with its replies. */
export interface PublicComment {
  id: string;
  authorName: string;
  body: string;
  isStaff: boolean;
  createdAt: Date;
  replies: PublicComment[];
}

type Row = Omit<PublicComment, "replies"> & { parentId: string | null };

/**
 * Nests replies under their parents, keeping chronological order. A reply
 * whose parent is not visible (held or removed later) is shown at the top
 * level, so the thread always shows exactly the comments the count counts.
 */
export function buildThread(rows: readonly Row[]): PublicComment[] {
  const byId = new Map<string, PublicComment>();
  for (const { parentId: _parentId, ...row } of rows) byId.set(row.id, { ...row, replies: [] });
  const roots: PublicComment[] = [];
  for (const row of rows) {
    const comment = byId.get(row.id);
    if (!comment) continue;
    const parent = row.parentId ? byId.get(row.parentId) : undefined;
    (parent ? parent.replies : roots).push(comment);
  }
  return roots;
}

/** How much of a comment a reply form quotes: its first lines, enough to recognise it. */
const QUOTE_MAX_CHARACTERS = 240;

/** The start of a comment for quoting, cut between words with "…" when the comment goes on. */
export function firstLines(text: string, maxCharacters = QUOTE_MAX_CHARACTERS): string {
  const trimmed = text.replace(/\n{3,}/g, "\n\n").trim();
  const characters = Array.from(trimmed);
  if (characters.length <= maxCharacters) return trimmed;
  const cut = characters.slice(0, maxCharacters).join("");
  const atWord = cut.replace(/\s+\S*$/u, "");
  return `${(atWord || cut).trimEnd()}…`;
}
