import { apiRoute, jsonResponse } from "@/lib/api/respond";
import { articleJson, movedPermanently, preflight } from "@/lib/api/v1";
import { AppError } from "@/lib/errors";
import { findCurrentSlug, getPublishedArticle } from "@/lib/services/public-articles";
import { commentsAreOpen, countApproved } from "@/lib/services/public-comments";

// Read on each request (a few indexed queries). A route in Next's cache may
// export no method but GET, and this one must answer CORS preflights itself.

type Context = { params: Promise<{ slug: string }> };

/** GET /api/v1/articles/{slug} — one published story with its bylines, tags, citations and comment count. */
export const GET = apiRoute(async (_request: Request, { params }: Context) => {
  const { slug } = await params;
  const article = await getPublishedArticle(slug);
  if (!article) {
    const current = await findCurrentSlug(slug);
    if (current) return movedPermanently(`/api/v1/articles/${current}`);
    throw new AppError("not_found", "There is no published story at this address.");
  }
  const [commentCount, commentsOpen] = await Promise.all([countApproved(article.id), commentsAreOpen(article)]);
  return jsonResponse(articleJson(article, { commentCount, commentsOpen }));
});

export const OPTIONS = preflight;
