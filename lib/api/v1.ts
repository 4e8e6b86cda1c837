import "server-only";
import { z } from "@/lib/zod";
import { corsHeaders } from "@/lib/api/respond";
import type { PublicComment } from "@/lib/comment-thread";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientAddressFrom } from "@/lib/request-context";
import { parseSearchQuery } from "@/lib/search";
import type { Requester } from "@/lib/services/comments";
import { isValidCursor, type ArticleCard, type PublishedArticle } from "@/lib/services/public-articles";
import { sourceLabel, type PublicSource } from "@/lib/source-labels";
import { mediaUrl } from "@/lib/storage/urls";
import { idempotencyKeySchema } from "@/lib/validation/comment";

/**
 * The public JSON API's shapes: what a story, a comment thread and a list
 * look like to outside callers. Built from the public selects only, so nothing
 * private (commenter emails, IP hashes, source notes) can be serialized.
 */

const absoluteUrl = (path: string) => `${env.SITE_URL}${path}`;

/** The answer to a CORS preflight: anyone may call, without credentials. */
export function preflight(): Response {
  return new Response(null, { status: 204, headers: corsHeaders });
}

export function requesterFrom(request: Request): Requester {
  return { address: clientAddressFrom(request.headers), userAgent: request.headers.get("user-agent") };
}

/** The optional Idempotency-Key header, checked like any other input. */
export function idempotencyKeyFrom(request: Request): string | null {
  const header = request.headers.get("idempotency-key");
  if (header === null) return null;
  const parsed = idempotencyKeySchema.safeParse(header);
  if (!parsed.success) {
    throw new AppError("invalid_input", "The Idempotency-Key header is not valid.", {
      "Idempotency-Key": parsed.error.issues.map((issue) => issue.message),
    });
  }
  return parsed.data;
}

const slugParameter = z.string().trim().min(1).max(200);

export const articleListQuerySchema = z.object({
  section: slugParameter.optional(),
  tag: slugParameter.optional(),
  q: z
    .string()
    .max(1000, "A search can be at most 1,000 characters.")
    .optional()
    .transform((value) => parseSearchQuery(value)),
  cursor: z
    .string()
    .max(200)
    .refine(isValidCursor, "This cursor is not valid: pass the nextCursor of the previous page.")
    .optional(),
  limit: z.coerce
    .number({ error: "limit must be a whole number from 1 to 50." })
    .int("limit must be a whole number from 1 to 50.")
    .min(1, "limit must be a whole number from 1 to 50.")
    .max(50, "limit must be a whole number from 1 to 50.")
    .default(20),
});

/** Query parameters as an object; a repeated parameter keeps its first value. */
export function searchParamsObject(url: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of new URL(url).searchParams) if (!(key in result)) result[key] = value;
  return result;
}

function sourceJson(source: PublicSource) {
  const anonymous = source.kind === "ANONYMOUS";
  // An anonymous source is named only as the editor described it.
  return {
    name: anonymous ? sourceLabel(source) : source.name,
    shortName: anonymous ? null : source.shortName || null,
    kind: source.kind,
    url: anonymous ? null : source.url,
  };
}

export function articleSummaryJson(story: ArticleCard) {
  return {
    slug: story.slug,
    title: story.title,
    dek: story.dek,
    url: absoluteUrl(`/articles/${story.slug}`),
    publishedAt: story.publishedAt?.toISOString() ?? null,
    updatedAt: story.updatedAt.toISOString(),
    section: story.section ? { name: story.section.name, slug: story.section.slug } : null,
    bylines: story.bylines.map(({ user }) => ({ name: user.name, slug: user.slug, url: absoluteUrl(`/authors/${user.slug}`) })),
    image: story.featuredImage
      ? { url: absoluteUrl(mediaUrl(story.featuredImage.key)), alt: story.imageAlt, width: story.featuredImage.width, height: story.featuredImage.height }
      : null,
  };
}

export function articleJson(article: PublishedArticle, details: { commentCount: number; commentsOpen: boolean }) {
  const summary = articleSummaryJson(article);
  return {
    ...summary,
    image: summary.image && { ...summary.image, caption: article.imageCaption, credit: article.imageCredit },
    bodyHtml: article.bodyHtml,
    tags: article.tags.map(({ tag }) => ({ name: tag.name, slug: tag.slug })),
    corrections: article.corrections.map((correction) => ({ text: correction.text, createdAt: correction.createdAt.toISOString() })),
    citations: article.citations.map((citation) => ({
      source: sourceJson(citation.source),
      via: citation.viaSource ? sourceJson(citation.viaSource) : null,
      claim: citation.claim,
      factKey: citation.factKey,
      factValue: citation.factValue,
      reportUrl: citation.reportUrl,
    })),
    commentCount: details.commentCount,
    commentsOpen: details.commentsOpen,
  };
}

export interface CommentJson {
  id: string;
  authorName: string;
  body: string;
  createdAt: string;
  replies: CommentJson[];
}

export function commentJson(comment: PublicComment): CommentJson {
  return {
    id: comment.id,
    authorName: comment.authorName,
    body: comment.body,
    createdAt: comment.createdAt.toISOString(),
    replies: comment.replies.map(commentJson),
  };
}

/** A story that moved to a new slug: its old API address answers with a permanent redirect. */
export function movedPermanently(path: string): Response {
  return new Response(null, { status: 308, headers: { ...corsHeaders, Location: path } });
}
