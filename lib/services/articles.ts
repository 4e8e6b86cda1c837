import "server-only";
import { isDeepStrictEqual } from "node:util";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatus, RevisionKind, Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/permissions";
import { revalidateStory, type StoryLocation } from "@/lib/revalidate";
import { autosaveStatuses, canEditArticle, canViewArticle, type AccessSubject } from "@/lib/article-access";
import { EDITING_TTL_MS, isEditingFresh } from "@/lib/editing-presence";
import { snapshotOf, type ArticleSnapshot } from "@/lib/revision-snapshot";
import { getTimeZone } from "@/lib/services/settings";
import { InvalidDocumentError, renderBody, type RenderedBody } from "@/lib/rich-text/render";
import type { StaffUser } from "@/lib/services/users";
import { firstFreeSlug, slugFromText } from "@/lib/slug";
import type { ArticleContent, ArticleListFilter } from "@/lib/validation/article";

/**
 * The editorial workflow: every change to a story goes through `commitArticle`,
 * which checks who may touch this story in its state (lib/article-access.ts),
 * refuses a save made from a stale version (compare-and-swap on `version`),
 * stores the content, slug, tags, bylines and citations in one transaction,
 * writes the revision, and afterwards revalidates every public page that
 * shows the story.
 */

export type Tx = Omit<typeof db, "$connect" | "$disconnect" | "$on" | "$use" | "$extends">;

type Actor = Pick<StaffUser, "id" | "name" | "role">;

/** Autosaves by one person within this window of their last autosave share one revision. */
export const AUTOSAVE_COALESCE_MS = 10 * 60 * 1000;

// ---------------------------------------------------------------------------
// Reading a story for the editor

/** An editor's open send-back, as the writer is shown it: who, when, and the note. */
export const sendBackSelect = { note: true, createdAt: true, author: { select: { name: true } } } as const satisfies Prisma.ArticleRevisionSelect;
export type SendBack = Prisma.ArticleRevisionGetPayload<{ select: typeof sendBackSelect }>;

const editorSelect = {
  id: true,
  title: true,
  dek: true,
  slug: true,
  slugFollowsTitle: true,
  status: true,
  body: true,
  sectionId: true,
  featuredImageId: true,
  featuredImage: { select: { id: true, key: true, width: true, height: true } },
  imageAlt: true,
  imageCaption: true,
  imageCredit: true,
  scheduledFor: true,
  publishedAt: true,
  updatedAt: true,
  createdAt: true,
  version: true,
  deletedAt: true,
  createdById: true,
  editingById: true,
  editingSeenAt: true,
  editingBy: { select: { name: true } },
  section: { select: { name: true, slug: true } },
  bylines: { orderBy: { position: "asc" }, select: { user: { select: { id: true, name: true, slug: true } } } },
  tags: { orderBy: { tag: { name: "asc" } }, select: { tag: { select: { name: true, slug: true } } } },
  citations: {
    orderBy: { position: "asc" },
    select: { id: true, sourceId: true, viaSourceId: true, claim: true, factKey: true, factValue: true, reportUrl: true },
  },
  corrections: { orderBy: { createdAt: "asc" }, select: { id: true, text: true, createdAt: true } },
  slugRedirects: { select: { slug: true } },
  sentBack: { select: sendBackSelect },
} as const satisfies Prisma.ArticleSelect;

type StoredArticle = Prisma.ArticleGetPayload<{ select: typeof editorSelect }>;

const accessOf = (article: StoredArticle): AccessSubject => ({
  status: article.status,
  createdById: article.createdById,
  bylineIds: article.bylines.map((byline) => byline.user.id),
  deletedAt: article.deletedAt,
});

export interface LastSave {
  version: number;
  kind: RevisionKind;
  authorName: string | null;
  authorId: string | null;
  at: Date;
}

export interface EditorArticle extends StoredArticle {
  canEdit: boolean;
  lastSave: LastSave | null;
  /** Someone else who has the story open in their editor right now. */
  otherEditor: string | null;
}

function otherEditorOf(
  article: { editingById: string | null; editingSeenAt: Date | null; editingBy: { name: string } | null },
  actorId: string,
  now = Date.now(),
): string | null {
  const fresh = isEditingFresh(article.editingSeenAt, now);
  return article.editingById && article.editingById !== actorId && fresh ? (article.editingBy?.name ?? null) : null;
}

async function lastSaveOf(client: Tx, articleId: string): Promise<LastSave | null> {
  const revision = await client.articleRevision.findFirst({
    where: { articleId },
    orderBy: { version: "desc" },
    select: { version: true, kind: true, createdAt: true, authorId: true, author: { select: { name: true } } },
  });
  return revision
    ? { version: revision.version, kind: revision.kind, authorId: revision.authorId, authorName: revision.author?.name ?? null, at: revision.createdAt }
    : null;
}

/** The story as the editor shows it; 404 when it does not exist, 403 when it is not this person's to see. */
export async function getArticleForEditor(actor: Actor, id: string): Promise<EditorArticle> {
  const article = await db.article.findUnique({ where: { id }, select: editorSelect });
  if (!article) throw new AppError("not_found", "There is no such story.");
  if (!canViewArticle(actor, accessOf(article))) throw new AppError("forbidden", "You can only open stories you wrote or carry a byline on.");
  return { ...article, canEdit: canEditArticle(actor, accessOf(article)), lastSave: await lastSaveOf(db, id), otherEditor: otherEditorOf(article, actor.id) };
}

// ---------------------------------------------------------------------------
// Content → what is stored

const storedSnapshot = (article: StoredArticle): ArticleSnapshot =>
  snapshotOf({
    ...article,
    tags: article.tags.map((entry) => entry.tag.name),
    bylineIds: article.bylines.map((byline) => byline.user.id),
  });

async function slugIsTaken(client: Tx, slug: string, articleId: string | null): Promise<boolean> {
  // One after the other: inside a transaction they share a single connection.
  const article = await client.article.findUnique({ where: { slug }, select: { id: true } });
  const redirect = await client.slugRedirect.findUnique({ where: { slug }, select: { articleId: true } });
  return (!!article && article.id !== articleId) || (!!redirect && redirect.articleId !== articleId);
}

/** The slug a save ends with: the one typed (if free), the current one, or one made from the title. */
async function resolveSlug(
  client: Tx,
  requested: string,
  title: string,
  current: { id: string; slug: string } | null,
  followTitle: boolean,
): Promise<string> {
  if (followTitle) {
    // The story's own slug counts as free, so one already made from this title (perhaps with a -2 to step
    // around another story) is kept, and one made from an earlier title gives way to the new title's.
    return firstFreeSlug(slugFromText(title) || "story", (slug) => slugIsTaken(client, slug, current?.id ?? null));
  }
  if (requested === "") return current?.slug ?? firstFreeSlug(slugFromText(title), (slug) => slugIsTaken(client, slug, null));
  if (requested === current?.slug) return requested;
  if (await slugIsTaken(client, requested, current?.id ?? null)) {
    throw new AppError("conflict", "That slug is taken.", {
      slug: ["Another story uses or used this slug, and its address keeps pointing there. Choose another."],
    });
  }
  return requested;
}

interface PreparedContent {
  scalars: {
    title: string;
    dek: string;
    body: Prisma.InputJsonValue;
    bodyHtml: string;
    bodyText: string;
    sectionId: string | null;
    featuredImageId: string | null;
    imageAlt: string;
    imageCaption: string;
    imageCredit: string;
  };
  tagIds: string[];
  tagNames: string[];
  bylineIds: string[];
}

const writingRoles: readonly Role[] = ["ADMIN", "EDITOR", "WRITER"];

async function prepareContent(client: Tx, content: ArticleContent, existingBylineIds: readonly string[]): Promise<PreparedContent> {
  let rendered: RenderedBody;
  try {
    rendered = renderBody(content.body);
  } catch (error) {
    if (error instanceof InvalidDocumentError) {
      throw new AppError("invalid_input", "The body could not be read, so nothing was saved.", { body: ["The body could not be read."] });
    }
    throw error;
  }

  const sourceIds = [
    ...new Set(content.citations.flatMap((citation) => (citation.viaSourceId ? [citation.sourceId, citation.viaSourceId] : [citation.sourceId]))),
  ];
  const section = content.sectionId ? await client.section.findUnique({ where: { id: content.sectionId }, select: { id: true } }) : null;
  const image = content.featuredImageId ? await client.media.findUnique({ where: { id: content.featuredImageId }, select: { id: true } }) : null;
  const staff = await client.user.findMany({ where: { id: { in: content.bylineIds } }, select: { id: true, active: true, role: true } });
  const sources = await client.source.findMany({ where: { id: { in: sourceIds } }, select: { id: true } });
  const fields: Record<string, string[]> = {};
  if (content.sectionId && !section) fields.sectionId = ["That section no longer exists. Pick another."];
  if (content.featuredImageId && !image) fields.featuredImageId = ["That image is gone. Upload it again."];
  const usable = new Set(
    staff
      // Someone who has left keeps the bylines they already had, but gets no new ones.
      .filter((user) => (user.active && writingRoles.includes(user.role)) || existingBylineIds.includes(user.id))
      .map((user) => user.id),
  );
  if (content.bylineIds.some((id) => !usable.has(id))) fields.bylineIds = ["Bylines can only name active writers, editors and admins."];
  if (sources.length !== sourceIds.length) fields.citations = ["A cited source no longer exists (it may have been merged). Pick it again."];
  if (Object.keys(fields).length > 0) throw new AppError("invalid_input", "Some fields need attention.", fields);

  const tagNames: string[] = [];
  const tagIds: string[] = [];
  for (const name of content.tags) {
    const slug = slugFromText(name);
    if (!slug) continue;
    const tag = await client.tag.upsert({ where: { slug }, update: {}, create: { name, slug }, select: { id: true, name: true } });
    if (!tagIds.includes(tag.id)) {
      tagIds.push(tag.id);
      tagNames.push(tag.name);
    }
  }

  return {
    scalars: {
      title: content.title,
      dek: content.dek,
      body: rendered.document as Prisma.InputJsonValue,
      bodyHtml: rendered.html,
      bodyText: rendered.text,
      sectionId: content.sectionId,
      featuredImageId: content.featuredImageId,
      imageAlt: content.imageAlt,
      imageCaption: content.imageCaption,
      imageCredit: content.imageCredit,
    },
    tagIds,
    tagNames,
    bylineIds: content.bylineIds,
  };
}

async function writeRelations(client: Tx, articleId: string, prepared: PreparedContent, content: ArticleContent, replace: boolean) {
  if (replace) {
    await client.articleTag.deleteMany({ where: { articleId } });
    await client.articleByline.deleteMany({ where: { articleId } });
    await client.citation.deleteMany({ where: { articleId } });
  }
  await client.articleTag.createMany({ data: prepared.tagIds.map((tagId) => ({ articleId, tagId })) });
  await client.articleByline.createMany({ data: prepared.bylineIds.map((userId, position) => ({ articleId, userId, position })) });
  await client.citation.createMany({
    data: content.citations.map((citation, position) => ({ articleId, position, ...citation })),
  });
}

// ---------------------------------------------------------------------------
// Revisions and the stale-version answer

async function writeRevision(
  client: Tx,
  input: { articleId: string; version: number; kind: RevisionKind; authorId: string; snapshot: ArticleSnapshot; now: Date; note?: string },
): Promise<string> {
  const snapshot = input.snapshot as unknown as Prisma.InputJsonValue;
  if (input.kind === "AUTOSAVE" || input.kind === "SAVE") {
    const latest = await client.articleRevision.findFirst({
      where: { articleId: input.articleId },
      orderBy: { version: "desc" },
      select: { id: true, kind: true, authorId: true, createdAt: true },
    });
    // Typing for an hour should leave one entry in the history, not a hundred; an explicit save seals it.
    if (
      latest?.kind === "AUTOSAVE" &&
      latest.authorId === input.authorId &&
      input.now.getTime() - latest.createdAt.getTime() < AUTOSAVE_COALESCE_MS
    ) {
      await client.articleRevision.update({
        where: { id: latest.id },
        data: { version: input.version, kind: input.kind, snapshot, createdAt: input.now },
      });
      return latest.id;
    }
  }
  const created = await client.articleRevision.create({
    data: {
      articleId: input.articleId,
      version: input.version,
      kind: input.kind,
      authorId: input.authorId,
      snapshot,
      createdAt: input.now,
      note: input.note ?? null,
    },
    select: { id: true },
  });
  return created.id;
}

const kindWords: Partial<Record<RevisionKind, string>> = {
  PUBLISH: "published",
  SCHEDULE: "scheduled",
  UNPUBLISH: "unpublished",
  SUBMIT: "submitted",
  RESTORE: "restored an earlier version of",
  DELETE: "moved to the trash",
  UNDELETE: "took out of the trash",
  SEND_BACK: "sent back",
};

/** Who changed the story since this editor loaded it, and when: the message of a refused stale save. */
export async function staleVersionError(client: Tx, articleId: string, actorId: string): Promise<AppError> {
  const last = await lastSaveOf(client, articleId);
  if (!last) return new AppError("stale_version", "Someone else changed this story while you were editing. Nothing was overwritten.");
  const when = formatDateTime(last.at, await getTimeZone());
  const verb = kindWords[last.kind] ?? "saved";
  const who =
    last.authorId === actorId
      ? `You ${verb} this story in another window at ${when}`
      : last.authorName
        ? `${last.authorName} ${verb} this story at ${when}`
        : last.kind === "PUBLISH"
          ? `The story was published on schedule at ${when}`
          : `The story was changed at ${when}`;
  return new AppError(
    "stale_version",
    `${who}, after you opened it. Your changes were not saved and nothing was overwritten: your text is still here. Compare with the latest version before saving again.`,
  );
}

// ---------------------------------------------------------------------------
// Workflow

export type Transition = "save" | "autosave" | "submit" | "publish" | "schedule" | "unpublish" | "restore" | "sendBack";

/**
 * Sending a story back is the other verdict on a story in review, so it needs
 * what publishing it needs (article:publish): whoever may decide a story goes
 * out may decide it is not ready.
 */
const transitionNeeds: Record<Transition, "article:draft" | "article:publish"> = {
  save: "article:draft",
  autosave: "article:draft",
  submit: "article:draft",
  restore: "article:draft",
  publish: "article:publish",
  schedule: "article:publish",
  unpublish: "article:publish",
  sendBack: "article:publish",
};

const allowedFrom: Record<Transition, readonly (ArticleStatus | "NEW")[]> = {
  save: ["NEW", "DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "UNPUBLISHED"],
  restore: ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "UNPUBLISHED"],
  autosave: ["NEW", ...autosaveStatuses],
  submit: ["NEW", "DRAFT", "UNPUBLISHED"],
  publish: ["NEW", "DRAFT", "IN_REVIEW", "SCHEDULED", "UNPUBLISHED"],
  schedule: ["NEW", "DRAFT", "IN_REVIEW", "SCHEDULED", "UNPUBLISHED"],
  unpublish: ["PUBLISHED", "SCHEDULED"],
  sendBack: ["IN_REVIEW"],
};

const refusedTransition: Record<Transition, string> = {
  save: "This story cannot be saved.",
  restore: "This story cannot be restored.",
  autosave: "Autosave is off while a story is live or scheduled: use Update to change it.",
  submit: "Only a draft can be submitted for review.",
  publish: "This story is already published. Use Update to change it.",
  schedule: "A published story cannot be scheduled. Unpublish it first.",
  unpublish: "Only a published or scheduled story can be unpublished.",
  sendBack: "Only a story in review can be sent back: this one has moved on since you opened it.",
};

const revisionKindOf: Record<Transition, RevisionKind> = {
  save: "SAVE",
  autosave: "AUTOSAVE",
  submit: "SUBMIT",
  publish: "PUBLISH",
  schedule: "SCHEDULE",
  unpublish: "UNPUBLISH",
  restore: "RESTORE",
  sendBack: "SEND_BACK",
};

export interface CommitRequest {
  id?: string;
  version?: number;
  /** For a story not saved yet: the editor's key for it, so a repeated create finds the story it made. */
  creationKey?: string;
  /** Set on the one retry of a create that lost the race for its key to a create sent beside it. */
  afterKeyRace?: boolean;
  content: ArticleContent;
  transition: Transition;
  scheduledFor?: Date;
  /** Restores keep the story's current address: a slug change has consequences a restore should not bring. */
  keepSlug?: boolean;
  /** The editor's note to the writer (sendBack only). */
  note?: string;
}

/** Moves that settle a send-back: once the story is submitted again or goes out, the note has been answered. */
const settlesSendBack: readonly Transition[] = ["submit", "publish", "schedule"];

export interface SavedArticle {
  id: string;
  version: number;
  status: ArticleStatus;
  slug: string;
  scheduledFor: Date | null;
  publishedAt: Date | null;
  savedAt: Date;
}

interface PublicFootprint {
  status: ArticleStatus;
  deleted: boolean;
  slug: string;
  sectionSlug: string | null;
  tagSlugs: string[];
  authorSlugs: string[];
  redirectSlugs: string[];
}

export async function footprintOf(client: Tx, articleId: string): Promise<PublicFootprint | null> {
  const article = await client.article.findUnique({
    where: { id: articleId },
    select: {
      status: true,
      deletedAt: true,
      slug: true,
      section: { select: { slug: true } },
      tags: { select: { tag: { select: { slug: true } } } },
      bylines: { select: { user: { select: { slug: true } } } },
      slugRedirects: { select: { slug: true } },
    },
  });
  if (!article) return null;
  return {
    status: article.status,
    deleted: article.deletedAt !== null,
    slug: article.slug,
    sectionSlug: article.section?.slug ?? null,
    tagSlugs: article.tags.map((entry) => entry.tag.slug),
    authorSlugs: article.bylines.map((byline) => byline.user.slug),
    redirectSlugs: article.slugRedirects.map((redirect) => redirect.slug),
  };
}

const isPublic = (footprint: PublicFootprint | null) => !!footprint && footprint.status === "PUBLISHED" && !footprint.deleted;

/** Every public page that showed the story before or shows it now. */
export function storyLocation(before: PublicFootprint | null, after: PublicFootprint): StoryLocation | null {
  if (!isPublic(before) && !isPublic(after)) return null;
  const previous = new Set([...(before ? [before.slug, ...before.redirectSlugs] : []), ...after.redirectSlugs]);
  previous.delete(after.slug);
  return {
    slug: after.slug,
    previousSlugs: [...previous],
    sectionSlugs: [...new Set([before?.sectionSlug, after.sectionSlug])],
    tagSlugs: [...new Set([...(before?.tagSlugs ?? []), ...after.tagSlugs])],
    authorSlugs: [...new Set([...(before?.authorSlugs ?? []), ...after.authorSlugs])],
  };
}

/** Saves, submits, sends back, publishes, schedules, unpublishes or restores a story: one transaction, one revision. */
export async function commitArticle(actor: Actor, request: CommitRequest): Promise<SavedArticle> {
  const { transition } = request;
  if (!can(actor.role, transitionNeeds[transition])) throw new AppError("forbidden", "You are not allowed to do that.");
  const now = new Date();
  if (transition === "schedule" && (!request.scheduledFor || request.scheduledFor.getTime() <= now.getTime())) {
    throw new AppError("invalid_input", "Pick a time in the future.", { scheduledFor: ["Pick a time in the future."] });
  }
  const note = request.note?.trim() ?? "";
  if (transition === "sendBack" && !note) {
    throw new AppError("invalid_input", "Tell the writer what to change.", { note: ["Tell the writer what to change before it comes back."] });
  }

  let result: CommitOutcome;
  try {
    result = await db.$transaction(async (tx) => {
      let target = { id: request.id, version: request.version };
      if (!target.id) {
        const earlier = request.creationKey
          ? await tx.article.findUnique({ where: { creationKey: request.creationKey }, select: { id: true } })
          : null;
        if (!earlier) return createArticle(tx, actor, request, now);
        const unchanged = await repeatedCreate(tx, actor, request, earlier.id, now);
        if (unchanged) return unchanged;
        target = { id: earlier.id, version: 1 };
      }

      const article = await tx.article.findUnique({ where: { id: target.id }, select: editorSelect });
      if (!article) throw new AppError("not_found", "There is no such story. It may have been deleted.");
      const access = accessOf(article);
      if (!canViewArticle(actor, access)) throw new AppError("forbidden", "You can only edit stories you wrote or carry a byline on.");
      if (!canEditArticle(actor, access)) {
        throw new AppError(
          "forbidden",
          article.deletedAt ? "This story is in the trash. Restore it before editing." : "Once a story is scheduled or published, only editors can change it.",
        );
      }
      if (target.version !== article.version) throw await staleVersionError(tx, article.id, actor.id);
      if (!allowedFrom[transition].includes(article.status)) throw new AppError("conflict", refusedTransition[transition]);

      const before = await footprintOf(tx, article.id);
      const prepared = await prepareContent(tx, request.content, access.bylineIds);
      // Once readers could have seen the story, its slug only changes when someone types a new one.
      const followTitle = request.content.slugAuto && !article.publishedAt;
      const slug = request.keepSlug ? article.slug : await resolveSlug(tx, request.content.slug, request.content.title, article, followTitle);
      const next = nextState(article, transition, now, request.scheduledFor);
      const snapshot = snapshotOf({ ...prepared.scalars, slug, tags: prepared.tagNames, bylineIds: prepared.bylineIds, citations: request.content.citations });
      const contentChanged = JSON.stringify(snapshot) !== JSON.stringify(storedSnapshot(article));
      const version = article.version + 1;

      const swapped = await tx.article.updateMany({
        where: { id: article.id, version: article.version },
        data: {
          ...prepared.scalars,
          slug,
          slugFollowsTitle: request.keepSlug ? article.slugFollowsTitle : followTitle,
          ...next,
          version,
          // Readers see "Updated" when what they read changed, not when a story merely moved through review.
          ...(contentChanged || next.status === "PUBLISHED" ? { updatedAt: now } : {}),
          ...(settlesSendBack.includes(transition) ? { sentBackRevisionId: null } : {}),
        },
      });
      if (swapped.count === 0) throw await staleVersionError(tx, article.id, actor.id);

      if (slug !== article.slug) {
        await tx.slugRedirect.deleteMany({ where: { slug, articleId: article.id } });
        // Once readers could have seen a story, its old address keeps working.
        if (article.publishedAt) await tx.slugRedirect.create({ data: { slug: article.slug, articleId: article.id } });
      }
      await writeRelations(tx, article.id, prepared, request.content, true);
      const revisionId = await writeRevision(tx, {
        articleId: article.id,
        version,
        kind: revisionKindOf[transition],
        authorId: actor.id,
        snapshot,
        now,
        ...(transition === "sendBack" ? { note } : {}),
      });
      // The writer sees this note on the desk and in the editor until the story moves on.
      if (transition === "sendBack") await tx.article.update({ where: { id: article.id }, data: { sentBackRevisionId: revisionId } });

      const after = await footprintOf(tx, article.id);
      return {
        before,
        saved: {
          id: article.id,
          version,
          status: next.status,
          slug,
          scheduledFor: next.scheduledFor,
          publishedAt: next.publishedAt,
          savedAt: now,
        },
        after: after!,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      // A create that ran beside another with the same key (sent again before the first answered) lost the
      // race for the key: once more, it finds the story the other one made.
      if (!request.id && request.creationKey && !request.afterKeyRace) return commitArticle(actor, { ...request, afterKeyRace: true });
      throw new AppError("conflict", "That slug was taken a moment ago.", { slug: ["Another story took this slug a moment ago. Choose another."] });
    }
    throw error;
  }

  const location = storyLocation(result.before, result.after);
  if (location) await revalidateStory(location);
  return result.saved;
}

type CommitOutcome = { saved: SavedArticle; before: PublicFootprint | null; after: PublicFootprint };

const savedOf = (article: StoredArticle, savedAt: Date): SavedArticle => ({
  id: article.id,
  version: article.version,
  status: article.status,
  slug: article.slug,
  scheduledFor: article.scheduledFor,
  publishedAt: article.publishedAt,
  savedAt,
});

/**
 * Whether two snapshots hold the same story, whatever the order of keys
 * (PostgreSQL's jsonb reorders them) and of tags (stored by name).
 */
function sameContent(a: ArticleSnapshot, b: ArticleSnapshot): boolean {
  // Through JSON: ProseMirror's attribute objects have no prototype, the stored ones do.
  const comparable = (snapshot: ArticleSnapshot): unknown => JSON.parse(JSON.stringify({ ...snapshot, tags: [...snapshot.tags].sort() }));
  return isDeepStrictEqual(comparable(a), comparable(b));
}

/**
 * A create whose key already made a story: the editor sent it again because
 * the first answer never arrived (a dropped connection, a server that failed
 * after the commit, Retry). Sent unchanged, it answers with that story as it
 * is. With newer text it continues from the version the first create made,
 * as the editor would have had the answer arrived; if the story has changed
 * since, nothing is overwritten. Null: go on and save it as an edit of version 1.
 */
async function repeatedCreate(tx: Tx, actor: Actor, request: CommitRequest, articleId: string, now: Date): Promise<CommitOutcome | null> {
  const article = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: editorSelect });
  if (article.createdById !== actor.id) throw new AppError("conflict", "This story was started by someone else. Open it from the story list.");
  const prepared = await prepareContent(tx, request.content, accessOf(article).bylineIds);
  const slug = await resolveSlug(tx, request.content.slug, request.content.title, article, request.content.slugAuto && !article.publishedAt);
  const snapshot = snapshotOf({ ...prepared.scalars, slug, tags: prepared.tagNames, bylineIds: prepared.bylineIds, citations: request.content.citations });
  const next = nextState(article, request.transition, now, request.scheduledFor);
  const unchanged =
    sameContent(snapshot, storedSnapshot(article)) &&
    next.status === article.status &&
    next.scheduledFor?.getTime() === article.scheduledFor?.getTime() &&
    article.deletedAt === null;
  if (unchanged) {
    const footprint = await footprintOf(tx, article.id);
    return { before: footprint, after: footprint!, saved: savedOf(article, now) };
  }
  if (article.version !== 1) {
    throw new AppError(
      "conflict",
      "This story was saved from here before and has changed since, so your newer changes were not saved over it. They are still here: open the story from the story list to compare.",
    );
  }
  return null;
}

function nextState(
  article: { status: ArticleStatus; publishedAt: Date | null; scheduledFor: Date | null },
  transition: Transition,
  now: Date,
  scheduledFor?: Date,
): { status: ArticleStatus; publishedAt: Date | null; scheduledFor: Date | null } {
  switch (transition) {
    case "submit":
      return { status: "IN_REVIEW", publishedAt: article.publishedAt, scheduledFor: null };
    case "sendBack":
      return { status: "DRAFT", publishedAt: article.publishedAt, scheduledFor: null };
    case "publish":
      // First publication is remembered through unpublishing and republishing.
      return { status: "PUBLISHED", publishedAt: article.publishedAt ?? now, scheduledFor: null };
    case "schedule":
      return { status: "SCHEDULED", publishedAt: article.publishedAt, scheduledFor: scheduledFor ?? null };
    case "unpublish":
      return article.status === "SCHEDULED"
        ? { status: "DRAFT", publishedAt: article.publishedAt, scheduledFor: null }
        : { status: "UNPUBLISHED", publishedAt: article.publishedAt, scheduledFor: null };
    default:
      return { status: article.status, publishedAt: article.publishedAt, scheduledFor: article.scheduledFor };
  }
}

async function createArticle(tx: Tx, actor: Actor, request: CommitRequest, now: Date) {
  const { transition, content } = request;
  if (!allowedFrom[transition].includes("NEW")) throw new AppError("conflict", refusedTransition[transition]);
  const prepared = await prepareContent(tx, content, []);
  const slug = await resolveSlug(tx, content.slug, content.title, null, content.slugAuto);
  const status: ArticleStatus =
    transition === "submit" ? "IN_REVIEW" : transition === "publish" ? "PUBLISHED" : transition === "schedule" ? "SCHEDULED" : "DRAFT";
  const publishedAt = status === "PUBLISHED" ? now : null;
  const scheduledFor = status === "SCHEDULED" ? (request.scheduledFor ?? null) : null;
  const article = await tx.article.create({
    data: {
      ...prepared.scalars,
      slug,
      slugFollowsTitle: content.slugAuto && publishedAt === null,
      creationKey: request.creationKey ?? null,
      status,
      publishedAt,
      scheduledFor,
      createdById: actor.id,
      version: 1,
      updatedAt: now,
      createdAt: now,
    },
    select: { id: true },
  });
  await writeRelations(tx, article.id, prepared, content, false);
  const snapshot = snapshotOf({ ...prepared.scalars, slug, tags: prepared.tagNames, bylineIds: prepared.bylineIds, citations: content.citations });
  const kind: RevisionKind = status === "DRAFT" ? "CREATE" : revisionKindOf[transition];
  await writeRevision(tx, { articleId: article.id, version: 1, kind, authorId: actor.id, snapshot, now });
  const after = await footprintOf(tx, article.id);
  return { before: null, saved: { id: article.id, version: 1, status, slug, scheduledFor, publishedAt, savedAt: now }, after: after! };
}

// ---------------------------------------------------------------------------
// Trash

async function moveToTrash(actor: Actor, id: string, trash: boolean): Promise<SavedArticle> {
  if (!can(actor.role, "article:publish")) throw new AppError("forbidden", "Only editors can delete or restore stories.");
  const now = new Date();
  const outcome = await db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id }, select: editorSelect });
    if (!article) throw new AppError("not_found", "There is no such story.");
    if ((article.deletedAt !== null) === trash) {
      throw new AppError("conflict", trash ? "This story is already in the trash." : "This story is not in the trash.");
    }
    const before = await footprintOf(tx, id);
    const version = article.version + 1;
    const swapped = await tx.article.updateMany({ where: { id, version: article.version }, data: { deletedAt: trash ? now : null, version } });
    if (swapped.count === 0) throw await staleVersionError(tx, id, actor.id);
    await writeRevision(tx, { articleId: id, version, kind: trash ? "DELETE" : "UNDELETE", authorId: actor.id, snapshot: storedSnapshot(article), now });
    const after = await footprintOf(tx, id);
    return {
      before,
      after: after!,
      saved: { id, version, status: article.status, slug: article.slug, scheduledFor: article.scheduledFor, publishedAt: article.publishedAt, savedAt: now },
    };
  });
  const location = storyLocation(outcome.before, outcome.after);
  if (location) await revalidateStory(location);
  return outcome.saved;
}

/** Soft delete: readers get 404 at once; editors can undo it from the trash. */
export const deleteArticle = (actor: Actor, id: string) => moveToTrash(actor, id, true);
export const undeleteArticle = (actor: Actor, id: string) => moveToTrash(actor, id, false);

// ---------------------------------------------------------------------------
// Corrections

export async function addCorrection(actor: Actor, articleId: string, text: string): Promise<{ id: string; createdAt: Date }> {
  if (!can(actor.role, "article:edit-any")) throw new AppError("forbidden", "Only editors can add corrections.");
  const now = new Date();
  const outcome = await db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { publishedAt: true, deletedAt: true } });
    if (!article || article.deletedAt) throw new AppError("not_found", "There is no such story.");
    if (!article.publishedAt) {
      throw new AppError("conflict", "Corrections are for stories readers have seen. Edit the draft instead.", {
        text: ["This story has never been published: fix the text itself."],
      });
    }
    const correction = await tx.correction.create({ data: { articleId, text, authorId: actor.id, createdAt: now }, select: { id: true, createdAt: true } });
    // A correction changes what readers see, so the story counts as updated.
    await tx.article.update({ where: { id: articleId }, data: { updatedAt: now } });
    return { correction, footprint: await footprintOf(tx, articleId) };
  });
  if (outcome.footprint) {
    const location = storyLocation(outcome.footprint, outcome.footprint);
    if (location) await revalidateStory(location);
  }
  return outcome.correction;
}

export async function removeCorrection(actor: Actor, correctionId: string): Promise<void> {
  if (!can(actor.role, "article:edit-any")) throw new AppError("forbidden", "Only editors can remove corrections.");
  const correction = await db.correction.findUnique({ where: { id: correctionId }, select: { articleId: true } });
  if (!correction) throw new AppError("not_found", "That correction was already removed.");
  await db.correction.delete({ where: { id: correctionId } });
  const footprint = await footprintOf(db, correction.articleId);
  const location = footprint && storyLocation(footprint, footprint);
  if (location) await revalidateStory(location);
}

// ---------------------------------------------------------------------------
// Who is editing

export interface EditingStatus {
  version: number;
  status: ArticleStatus;
  deleted: boolean;
  /** Someone else with this story open right now. */
  otherEditor: string | null;
  lastSave: LastSave | null;
}

/** The editor's heartbeat: marks the story as being edited by this person and tells them what changed meanwhile. */
export async function editingHeartbeat(actor: Actor, id: string, editing: boolean): Promise<EditingStatus> {
  // Every open editor calls this twice a minute: only the columns it needs.
  const article = await db.article.findUnique({
    where: { id },
    select: {
      status: true,
      version: true,
      deletedAt: true,
      createdById: true,
      editingById: true,
      editingSeenAt: true,
      editingBy: { select: { name: true } },
      bylines: { select: { userId: true } },
    },
  });
  if (!article) throw new AppError("not_found", "There is no such story.");
  const access: AccessSubject = { ...article, bylineIds: article.bylines.map((byline) => byline.userId) };
  if (!canViewArticle(actor, access)) throw new AppError("forbidden", "You can only open stories you wrote or carry a byline on.");
  const now = new Date();
  const staleBefore = new Date(now.getTime() - EDITING_TTL_MS);
  if (editing && canEditArticle(actor, access)) {
    // The first person in keeps the mark until their editor goes quiet.
    await db.article.updateMany({
      where: { id, OR: [{ editingById: null }, { editingById: actor.id }, { editingSeenAt: { lt: staleBefore } }] },
      data: { editingById: actor.id, editingSeenAt: now },
    });
  } else if (!editing) {
    await db.article.updateMany({ where: { id, editingById: actor.id }, data: { editingById: null, editingSeenAt: null } });
  }
  return {
    version: article.version,
    status: article.status,
    deleted: article.deletedAt !== null,
    otherEditor: otherEditorOf(article, actor.id, now.getTime()),
    lastSave: await lastSaveOf(db, id),
  };
}

// ---------------------------------------------------------------------------
// The dashboard's article list

const PAGE_SIZE = 25;

const listSelect = {
  id: true,
  title: true,
  slug: true,
  status: true,
  updatedAt: true,
  scheduledFor: true,
  publishedAt: true,
  deletedAt: true,
  editingSeenAt: true,
  editingBy: { select: { id: true, name: true } },
  sentBack: { select: sendBackSelect },
  section: { select: { name: true } },
  bylines: { orderBy: { position: "asc" }, select: { user: { select: { id: true, name: true } } } },
} as const satisfies Prisma.ArticleSelect;

export type DeskArticleRow = Prisma.ArticleGetPayload<{ select: typeof listSelect }> & { editingNow: string | null };

export interface DeskArticlePage {
  items: DeskArticleRow[];
  nextCursor: string | null;
}

function encodeCursor(updatedAt: Date, id: string): string {
  return Buffer.from(`${updatedAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string | undefined): { updatedAt: Date; id: string } | null {
  if (!cursor) return null;
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const updatedAt = new Date(iso ?? "");
  if (!id || Number.isNaN(updatedAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) return null;
  return { updatedAt, id };
}

/** Writers see the stories they wrote or are bylined on; editors see everything. */
export function deskScope(actor: Pick<Actor, "id" | "role">): Prisma.ArticleWhereInput {
  return can(actor.role, "article:edit-any") ? {} : { OR: [{ createdById: actor.id }, { bylines: { some: { userId: actor.id } } }] };
}

/**
 * Most recently changed first, keyset-paginated on (updatedAt, id), which the
 * (updatedAt, id) and (status, updatedAt, id) indexes serve without sorting;
 * the title search is an ILIKE served by the trigram index.
 */
export async function listDeskArticles(actor: Actor, filter: ArticleListFilter, limit = PAGE_SIZE): Promise<DeskArticlePage> {
  const after = decodeCursor(filter.cursor);
  const trash = filter.status === "TRASH";
  const where: Prisma.ArticleWhereInput = {
    AND: [
      deskScope(actor),
      { deletedAt: trash ? { not: null } : null },
      filter.status && filter.status !== "TRASH" ? { status: filter.status } : {},
      filter.section ? { sectionId: filter.section } : {},
      filter.author ? { bylines: { some: { userId: filter.author } } } : {},
      filter.q ? { title: { contains: filter.q, mode: "insensitive" } } : {},
      // The plain `<=` is what lets PostgreSQL start the index scan at the cursor; the OR alone is only a filter.
      after ? { updatedAt: { lte: after.updatedAt }, OR: [{ updatedAt: { lt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { lt: after.id } }] } : {},
    ],
  };
  const rows = await db.article.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: listSelect,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const now = Date.now();
  return {
    items: page.map((row) => ({
      ...row,
      editingNow: row.editingBy && isEditingFresh(row.editingSeenAt, now) ? row.editingBy.name : null,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.updatedAt, last.id) : null,
  };
}

// ---------------------------------------------------------------------------
// Choices the editor offers

export interface Choice {
  id: string;
  name: string;
}

export function listSectionChoices(): Promise<Choice[]> {
  return db.section.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } });
}

/** Who can carry a byline: active writers, editors and admins. */
export function listBylineChoices(): Promise<Choice[]> {
  return db.user.findMany({
    where: { active: true, role: { in: [...writingRoles] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** For the list's author filter: everyone who ever had a byline, leavers included. */
export function listAuthorChoices(): Promise<Choice[]> {
  return db.user.findMany({ where: { bylines: { some: {} } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

// ---------------------------------------------------------------------------
// Preview

const publicSourceColumns = { id: true, name: true, shortName: true, kind: true, url: true, description: true } as const;

const previewSelect = {
  id: true,
  title: true,
  dek: true,
  slug: true,
  status: true,
  bodyHtml: true,
  publishedAt: true,
  updatedAt: true,
  scheduledFor: true,
  deletedAt: true,
  createdById: true,
  imageAlt: true,
  imageCaption: true,
  imageCredit: true,
  featuredImage: { select: { key: true, width: true, height: true } },
  section: { select: { name: true, slug: true } },
  bylines: { orderBy: { position: "asc" }, select: { user: { select: { id: true, name: true, slug: true } } } },
  corrections: { orderBy: { createdAt: "asc" }, select: { id: true, text: true, createdAt: true } },
  citations: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      claim: true,
      factKey: true,
      factValue: true,
      reportUrl: true,
      // The same columns readers get: a preview shows exactly what the public page will.
      source: { select: publicSourceColumns },
      viaSource: { select: publicSourceColumns },
    },
  },
} as const satisfies Prisma.ArticleSelect;

export type PreviewArticle = Prisma.ArticleGetPayload<{ select: typeof previewSelect }>;

/** The last saved version of a story as readers would see it, for staff who may open it. */
export async function getArticleForPreview(actor: Actor, id: string): Promise<PreviewArticle> {
  const article = await db.article.findUnique({ where: { id }, select: previewSelect });
  if (!article) throw new AppError("not_found", "There is no such story.");
  const access = { ...article, bylineIds: article.bylines.map((byline) => byline.user.id) };
  if (!canViewArticle(actor, access)) throw new AppError("forbidden", "You can only preview stories you wrote or carry a byline on.");
  return article;
}
