import { apiRoute, jsonResponse, readJson } from "@/lib/api/respond";
import { commentJson, idempotencyKeyFrom, movedPermanently, preflight, requesterFrom } from "@/lib/api/v1";
import { AppError } from "@/lib/errors";
import { submitComment } from "@/lib/services/comments";
import { findCurrentSlug, getPublishedArticle } from "@/lib/services/public-articles";
import { approvedThread } from "@/lib/services/public-comments";
import { commentInputSchema } from "@/lib/validation/comment";

// Not cached: a route that takes POST cannot be statically generated in
// Next.js, and the thread is one indexed query.

type Context = { params: Promise<{ slug: string }> };

/** GET /api/v1/articles/{slug}/comments — the approved comments as a thread, oldest first. */
export const GET = apiRoute(async (_request: Request, { params }: Context) => {
  const { slug } = await params;
  const article = await getPublishedArticle(slug);
  if (!article) {
    const current = await findCurrentSlug(slug);
    if (current) return movedPermanently(`/api/v1/articles/${current}/comments`);
    throw new AppError("not_found", "There is no published story at this address.");
  }
  const thread = await approvedThread(article.id);
  return jsonResponse({ items: thread.map(commentJson) });
});

/**
 * POST /api/v1/articles/{slug}/comments — `{ authorName, authorEmail, body, parentId? }`.
 * 201 `{ id, status }`; a retry with the same Idempotency-Key answers the same
 * without storing twice.
 */
export const POST = apiRoute(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  const idempotencyKey = idempotencyKeyFrom(request);
  const input = await readJson(request, commentInputSchema);
  const comment = await submitComment({ ...input, articleSlug: slug, idempotencyKey }, requesterFrom(request));
  return jsonResponse(
    { id: comment.id, status: comment.status },
    { status: 201, headers: comment.replayed ? { "Idempotent-Replayed": "true" } : {} },
  );
});

export const OPTIONS = preflight;
