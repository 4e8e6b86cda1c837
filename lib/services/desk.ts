import "server-only";
import { db } from "@/lib/db";
import type { ArticleStatus, RevisionKind } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deskScope, sendBackSelect, type SendBack } from "@/lib/services/articles";
import { countQueue, type QueueCounts } from "@/lib/services/moderation";
import type { StaffUser } from "@/lib/services/users";

export interface DeskSummary {
  /** Null for those who do not write (moderators): stories are not their work. */
  stories: { myDrafts: number; inReview: number; scheduled: number } | null;
  /** Null for those who do not moderate. */
  comments: { pending: QueueCounts["pending"]; reported: QueueCounts["reported"] } | null;
}

const mine = (user: StaffUser) => ({ OR: [{ createdById: user.id }, { bylines: { some: { userId: user.id } } }] });

/**
 * The desk's story queues for this person, as one rule read by both the
 * numbers and the lists beside them: a tile can never count a story its panel
 * does not show. Writers see their own stories, as everywhere on the desk.
 */
function storyQueues(user: StaffUser) {
  const scope = deskScope(user);
  return {
    myDrafts: { deletedAt: null, status: "DRAFT", ...mine(user) },
    inReview: { AND: [scope, { deletedAt: null, status: "IN_REVIEW" }] },
    scheduled: { AND: [scope, { deletedAt: null, status: "SCHEDULED" }] },
  } satisfies Record<string, Prisma.ArticleWhereInput>;
}

async function storyCounts(user: StaffUser): Promise<DeskSummary["stories"]> {
  const queues = storyQueues(user);
  const [myDrafts, inReview, scheduled] = await Promise.all([
    db.article.count({ where: queues.myDrafts }),
    db.article.count({ where: queues.inReview }),
    db.article.count({ where: queues.scheduled }),
  ]);
  return { myDrafts, inReview, scheduled };
}

/** The numbers on the dashboard home: what needs this person now, by what their role does. */
export async function deskSummary(user: StaffUser): Promise<DeskSummary> {
  const [stories, comments] = await Promise.all([
    can(user.role, "article:draft") ? storyCounts(user) : null,
    can(user.role, "comment:moderate") ? Promise.all([countQueue("pending"), countQueue("reported")]).then(([pending, reported]) => ({ pending, reported })) : null,
  ]);
  return { stories, comments };
}

export interface DeskStory {
  id: string;
  title: string;
  status: ArticleStatus;
  updatedAt: Date;
  scheduledFor: Date | null;
  bylines: string[];
  /** The editor's note while the story is back with its writer. */
  sentBack: SendBack | null;
}

export interface DeskActivity {
  id: string;
  articleId: string;
  articleTitle: string;
  kind: RevisionKind;
  authorName: string | null;
  createdAt: Date;
}

export interface DeskLists {
  myDrafts: DeskStory[];
  inReview: DeskStory[];
  scheduled: DeskStory[];
  activity: DeskActivity[];
}

const storySelect = {
  id: true,
  title: true,
  status: true,
  updatedAt: true,
  scheduledFor: true,
  bylines: { orderBy: { position: "asc" as const }, select: { user: { select: { name: true } } } },
  sentBack: { select: sendBackSelect },
} satisfies Prisma.ArticleSelect;

const toStory = (row: Prisma.ArticleGetPayload<{ select: typeof storySelect }>): DeskStory => ({
  ...row,
  bylines: row.bylines.map((byline) => byline.user.name),
});

/**
 * The stories behind the numbers, for those who write: their own drafts, what
 * waits for review, what goes live next, and the latest saves. Writers see
 * only their own stories here, as everywhere on the desk.
 */
export async function deskLists(user: StaffUser): Promise<DeskLists | null> {
  if (!can(user.role, "article:draft")) return null;
  const scope = deskScope(user);
  const queues = storyQueues(user);
  const [myDrafts, inReview, scheduled, activity] = await Promise.all([
    db.article.findMany({
      where: queues.myDrafts,
      // Stories an editor sent back come first: they are waiting on this writer.
      orderBy: [{ sentBackRevisionId: { sort: "asc", nulls: "last" } }, { updatedAt: "desc" }, { id: "desc" }],
      take: 6,
      select: storySelect,
    }),
    db.article.findMany({
      where: queues.inReview,
      // Oldest first: the story waiting longest is the one to pick up.
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      take: 8,
      select: storySelect,
    }),
    db.article.findMany({
      where: queues.scheduled,
      orderBy: [{ scheduledFor: "asc" }, { id: "asc" }],
      take: 8,
      select: storySelect,
    }),
    db.articleRevision.findMany({
      where: { article: scope },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 10,
      select: { id: true, kind: true, createdAt: true, author: { select: { name: true } }, article: { select: { id: true, title: true } } },
    }),
  ]);
  return {
    myDrafts: myDrafts.map(toStory),
    inReview: inReview.map(toStory),
    scheduled: scheduled.map(toStory),
    activity: activity.map((revision) => ({
      id: revision.id,
      articleId: revision.article.id,
      articleTitle: revision.article.title,
      kind: revision.kind,
      authorName: revision.author?.name ?? null,
      createdAt: revision.createdAt,
    })),
  };
}
