import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Every public read of articles goes through here, and here only published,
 * not-deleted stories exist. Drafts are reached through the dashboard preview.
 * The selects name each column a reader may see: commenter emails and IPs,
 * source staff notes and anything else private are never selected.
 */

export const publishedWhere = { status: "PUBLISHED", deletedAt: null } as const satisfies Prisma.ArticleWhereInput;

const publicSource = { id: true, name: true, shortName: true, kind: true, url: true, description: true } as const;

const articleCard = {
  id: true,
  title: true,
  dek: true,
  slug: true,
  publishedAt: true,
  updatedAt: true,
  imageAlt: true,
  featuredImage: { select: { key: true, width: true, height: true } },
  section: { select: { name: true, slug: true } },
  bylines: { orderBy: { position: "asc" }, select: { user: { select: { name: true, slug: true } } } },
} as const satisfies Prisma.ArticleSelect;

const articlePage = {
  ...articleCard,
  bodyHtml: true,
  imageCaption: true,
  imageCredit: true,
  commentsClosed: true,
  tags: { select: { tag: { select: { name: true, slug: true } } } },
  corrections: { orderBy: { createdAt: "asc" }, select: { id: true, text: true, createdAt: true } },
  citations: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      claim: true,
      factKey: true,
      factValue: true,
      reportUrl: true,
      source: { select: publicSource },
      viaSource: { select: publicSource },
    },
  },
} as const satisfies Prisma.ArticleSelect;

export type ArticleCard = Prisma.ArticleGetPayload<{ select: typeof articleCard }>;
export type PublishedArticle = Prisma.ArticleGetPayload<{ select: typeof articlePage }>;

/** The published article at this slug, shared by generateMetadata and the page. */
export const getPublishedArticle = cache(async (slug: string): Promise<PublishedArticle | null> => {
  return db.article.findFirst({ where: { slug, ...publishedWhere }, select: articlePage });
});

/** Where an old slug of a published story now lives, for a permanent redirect. */
export async function findCurrentSlug(oldSlug: string): Promise<string | null> {
  const redirect = await db.slugRedirect.findUnique({
    where: { slug: oldSlug },
    select: { article: { select: { slug: true, status: true, deletedAt: true } } },
  });
  const article = redirect?.article;
  return article && article.status === "PUBLISHED" && !article.deletedAt ? article.slug : null;
}

export interface LatestPage {
  items: ArticleCard[];
  nextCursor: string | null;
}

/** Newest first, keyset-paginated on (publishedAt, id) so deep pages cost the same as the first. */
export async function listLatest(options: { limit: number; cursor?: string | null; sectionSlug?: string }): Promise<LatestPage> {
  const after = options.cursor ? decodeCursor(options.cursor) : null;
  const items = await db.article.findMany({
    where: {
      ...publishedWhere,
      ...(options.sectionSlug ? { section: { slug: options.sectionSlug } } : {}),
      ...(after
        ? { OR: [{ publishedAt: { lt: after.publishedAt } }, { publishedAt: after.publishedAt, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: options.limit + 1,
    select: articleCard,
  });
  const page = items.slice(0, options.limit);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: items.length > options.limit && last?.publishedAt ? encodeCursor(last.publishedAt, last.id) : null,
  };
}

function encodeCursor(publishedAt: Date, id: string): string {
  return Buffer.from(`${publishedAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { publishedAt: Date; id: string } | null {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const publishedAt = new Date(iso ?? "");
  if (!id || Number.isNaN(publishedAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) return null;
  return { publishedAt, id };
}
