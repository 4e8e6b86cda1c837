import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { ArticleStatus, CommentStatus, SourceKind } from "@/lib/generated/prisma/enums";
import { paragraphsToDocument, renderBody } from "@/lib/rich-text/render";
import { readSetting, type ModerationSettings } from "@/lib/settings";

/**
 * Stories, comments and settings made for one test. Every slug, email and
 * address carries a random tag, so tests never see each other's data.
 */

export const uniqueTag = () => randomBytes(5).toString("hex");

/** An address from the IPv6 documentation range (RFC 3849) that no other test uses. */
export const uniqueAddress = () => `2001:db8::${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}`;

export interface StoryOptions {
  status?: ArticleStatus;
  title?: string;
  dek?: string;
  paragraphs?: string[];
  publishedAt?: Date | null;
  deletedAt?: Date | null;
  commentsClosed?: boolean;
  sectionSlug?: string;
  tagSlugs?: string[];
  authorId?: string;
  citations?: { source: { name: string; kind: SourceKind; description?: string; notes?: string; shortName?: string }; claim: string; factKey?: string; factValue?: string }[];
}

export async function makeStory(options: StoryOptions = {}) {
  const tag = uniqueTag();
  const status = options.status ?? "PUBLISHED";
  const title = options.title ?? `Story ${tag}`;
  const rendered = renderBody(paragraphsToDocument(options.paragraphs ?? [`The body of story ${tag}.`]));
  const live = status === "PUBLISHED" || status === "UNPUBLISHED";
  const article = await db.article.create({
    data: {
      title,
      dek: options.dek ?? `The dek of story ${tag}.`,
      slug: `story-${tag}`,
      status,
      body: paragraphsToDocument(options.paragraphs ?? [`The body of story ${tag}.`]),
      bodyHtml: rendered.html,
      bodyText: rendered.text,
      publishedAt: options.publishedAt === undefined ? (live ? new Date() : null) : options.publishedAt,
      scheduledFor: status === "SCHEDULED" ? new Date(Date.now() + 86_400_000) : null,
      deletedAt: options.deletedAt ?? null,
      commentsClosed: options.commentsClosed ?? false,
      ...(options.sectionSlug
        ? { section: { connectOrCreate: { where: { slug: options.sectionSlug }, create: { name: `Section ${options.sectionSlug}`, slug: options.sectionSlug } } } }
        : {}),
      tags: {
        create: (options.tagSlugs ?? []).map((slug) => ({
          tag: { connectOrCreate: { where: { slug }, create: { name: `Tag ${slug}`, slug } } },
        })),
      },
      ...(options.authorId ? { bylines: { create: [{ userId: options.authorId, position: 0 }] } } : {}),
    },
    select: { id: true, slug: true, title: true },
  });
  for (const [position, citation] of (options.citations ?? []).entries()) {
    const source = await db.source.create({
      data: {
        name: citation.source.name,
        shortName: citation.source.shortName ?? "",
        kind: citation.source.kind,
        description: citation.source.description ?? "",
        notes: citation.source.notes ?? "",
      },
    });
    await db.citation.create({
      data: { articleId: article.id, sourceId: source.id, claim: citation.claim, factKey: citation.factKey, factValue: citation.factValue, position },
    });
  }
  return article;
}

export async function makeComment(
  articleId: string,
  options: { status?: CommentStatus; parentId?: string; authorEmail?: string; authorName?: string; body?: string; createdAt?: Date } = {},
) {
  const tag = uniqueTag();
  return db.comment.create({
    data: {
      articleId,
      parentId: options.parentId ?? null,
      authorName: options.authorName ?? `Reader ${tag}`,
      authorEmail: options.authorEmail ?? `reader-${tag}@example.test`,
      body: options.body ?? `Comment ${tag}`,
      status: options.status ?? "APPROVED",
      createdAt: options.createdAt ?? new Date(),
    },
    select: { id: true, authorEmail: true, authorName: true, body: true },
  });
}

/** Runs `work` with some moderation settings changed, and puts the old ones back afterwards. */
export async function withModerationSettings<T>(change: Partial<ModerationSettings>, work: () => Promise<T>): Promise<T> {
  const row = await db.setting.findUnique({ where: { key: "moderation" } });
  const next = { ...readSetting("moderation", row?.value), ...change };
  await db.setting.upsert({ where: { key: "moderation" }, update: { value: next }, create: { key: "moderation", value: next } });
  try {
    return await work();
  } finally {
    if (row) await db.setting.update({ where: { key: "moderation" }, data: { value: row.value ?? {} } });
    else await db.setting.delete({ where: { key: "moderation" } });
  }
}
