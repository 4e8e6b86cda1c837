import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RevisionKind } from "@/lib/generated/prisma/enums";
import {
  diffSnapshots,
  parseSnapshot,
  readableSnapshot,
  type ArticleSnapshot,
  type RevisionDiff,
  type SnapshotNames,
} from "@/lib/revision-snapshot";
import { canViewArticle } from "@/lib/article-access";
import { commitArticle, type SavedArticle } from "@/lib/services/articles";
import type { StaffUser } from "@/lib/services/users";
import { articleContentSchema } from "@/lib/validation/article";

/**
 * A story's history: who saved what when, the difference between any two
 * versions, and restoring one (which is itself a new save, so the history
 * only ever grows and a restore can be undone by restoring again).
 */

type Actor = Pick<StaffUser, "id" | "name" | "role">;

export interface RevisionEntry {
  id: string;
  /** The story's version counter when this was saved: gaps where autosaves were merged into one entry. */
  version: number;
  /** What the history calls it: "Version 3" is the third entry shown, so the list never skips a number. */
  number: number;
  kind: RevisionKind;
  authorName: string | null;
  createdAt: Date;
}

async function viewableArticle(actor: Actor, articleId: string) {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      version: true,
      deletedAt: true,
      createdById: true,
      bylines: { select: { userId: true } },
    },
  });
  if (!article) throw new AppError("not_found", "There is no such story.");
  const access = { ...article, bylineIds: article.bylines.map((byline) => byline.userId) };
  if (!canViewArticle(actor, access)) throw new AppError("forbidden", "You can only open stories you wrote or carry a byline on.");
  return article;
}

export async function listRevisions(actor: Actor, articleId: string) {
  const article = await viewableArticle(actor, articleId);
  const revisions = await db.articleRevision.findMany({
    where: { articleId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, kind: true, createdAt: true, note: true, author: { select: { name: true } } },
  });
  return {
    article,
    revisions: revisions.map(
      (revision, index): RevisionEntry & { note: string | null } => ({
        id: revision.id,
        version: revision.version,
        number: revisions.length - index,
        note: revision.note,
        kind: revision.kind,
        createdAt: revision.createdAt,
        authorName: revision.author?.name ?? null,
      }),
    ),
  };
}

/** Names for the ids a set of snapshots mention, including sections, people and sources since removed. */
async function namesFor(snapshots: ArticleSnapshot[]): Promise<SnapshotNames> {
  const sectionIds = new Set<string>();
  const userIds = new Set<string>();
  const sourceIds = new Set<string>();
  for (const snapshot of snapshots) {
    if (snapshot.sectionId) sectionIds.add(snapshot.sectionId);
    snapshot.bylineIds.forEach((id) => userIds.add(id));
    for (const citation of snapshot.citations) {
      sourceIds.add(citation.sourceId);
      if (citation.viaSourceId) sourceIds.add(citation.viaSourceId);
    }
  }
  const uuid = (id: string) => /^[0-9a-f-]{36}$/i.test(id);
  const [sections, users, sources] = await Promise.all([
    db.section.findMany({ where: { id: { in: [...sectionIds].filter(uuid) } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: [...userIds].filter(uuid) } }, select: { id: true, name: true } }),
    db.source.findMany({ where: { id: { in: [...sourceIds].filter(uuid) } }, select: { id: true, name: true } }),
  ]);
  return {
    sections: new Map(sections.map((row) => [row.id, row.name])),
    users: new Map(users.map((row) => [row.id, row.name])),
    sources: new Map(sources.map((row) => [row.id, row.name])),
  };
}

export interface RevisionComparison {
  from: Omit<RevisionEntry, "number">;
  to: Omit<RevisionEntry, "number">;
  diff: RevisionDiff;
}

/** The readable difference from one revision to another (either order: the older one is always "from"). */
export async function compareRevisions(actor: Actor, articleId: string, firstId: string, secondId: string): Promise<RevisionComparison> {
  await viewableArticle(actor, articleId);
  const rows = await db.articleRevision.findMany({
    where: { articleId, id: { in: [firstId, secondId] } },
    select: { id: true, version: true, kind: true, createdAt: true, snapshot: true, author: { select: { name: true } } },
  });
  const first = rows.find((row) => row.id === firstId);
  const second = rows.find((row) => row.id === secondId);
  if (!first || !second) throw new AppError("not_found", "One of those revisions does not belong to this story.");
  const [older, newer] = first.version <= second.version ? [first, second] : [second, first];
  const snapshots = [parseSnapshot(older.snapshot), parseSnapshot(newer.snapshot)] as const;
  const names = await namesFor([...snapshots]);
  const entry = (row: typeof older): Omit<RevisionEntry, "number"> => ({
    id: row.id,
    version: row.version,
    kind: row.kind,
    createdAt: row.createdAt,
    authorName: row.author?.name ?? null,
  });
  return {
    from: entry(older),
    to: entry(newer),
    diff: diffSnapshots(readableSnapshot(snapshots[0], names), readableSnapshot(snapshots[1], names)),
  };
}

export interface RestoreOutcome extends SavedArticle {
  /** The restored entry's number in the history list (RevisionEntry.number). */
  restoredVersion: number;
  /** Citations of the old version whose source has since been deleted. */
  droppedCitations: number;
}

/**
 * Brings back the text, bylines, tags, image and sources of an earlier
 * version as a new revision. The story keeps its state and its current slug.
 * Goes through the ordinary save, so permissions, validation and the
 * stale-version check all apply.
 */
export async function restoreRevision(actor: Actor, articleId: string, revisionId: string, version: number): Promise<RestoreOutcome> {
  const article = await viewableArticle(actor, articleId);
  const revision = await db.articleRevision.findFirst({ where: { id: revisionId, articleId }, select: { version: true, snapshot: true } });
  if (!revision) throw new AppError("not_found", "That revision does not belong to this story.");
  const snapshot = parseSnapshot(revision.snapshot);

  const referenced = snapshot.citations.flatMap((citation) => [citation.sourceId, citation.viaSourceId ?? ""]).filter(Boolean);
  const existing = new Set(
    (await db.source.findMany({ where: { id: { in: referenced } }, select: { id: true } })).map((source) => source.id),
  );
  const citations = snapshot.citations
    .filter((citation) => existing.has(citation.sourceId))
    .map((citation) => ({ ...citation, viaSourceId: citation.viaSourceId && existing.has(citation.viaSourceId) ? citation.viaSourceId : null }));

  const [activeByline, sectionExists, imageExists] = await Promise.all([
    db.user.findMany({ where: { id: { in: snapshot.bylineIds } }, select: { id: true } }),
    snapshot.sectionId ? db.section.count({ where: { id: snapshot.sectionId } }) : Promise.resolve(0),
    snapshot.featuredImageId ? db.media.count({ where: { id: snapshot.featuredImageId } }) : Promise.resolve(0),
  ]);
  const bylineIds = snapshot.bylineIds.filter((id) => activeByline.some((user) => user.id === id));

  const parsed = articleContentSchema.safeParse({
    ...snapshot,
    slug: article.slug,
    sectionId: sectionExists ? snapshot.sectionId : null,
    featuredImageId: imageExists ? snapshot.featuredImageId : null,
    bylineIds: bylineIds.length > 0 ? bylineIds : [actor.id],
    citations: citations.map((citation) => ({
      ...citation,
      factKey: citation.factKey ?? "",
      factValue: citation.factValue ?? "",
      reportUrl: citation.reportUrl ?? "",
    })),
  });
  if (!parsed.success) throw new AppError("conflict", "That version cannot be restored: it does not meet today’s rules for a story.");

  const number = await db.articleRevision.count({ where: { articleId, version: { lte: revision.version } } });
  const saved = await commitArticle(actor, { id: articleId, version, content: parsed.data, transition: "restore", keepSlug: true });
  return { ...saved, restoredVersion: number, droppedCitations: snapshot.citations.length - citations.length };
}
