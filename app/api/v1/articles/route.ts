import { apiRoute, jsonResponse, parseOrThrow } from "@/lib/api/respond";
import { articleListQuerySchema, articleSummaryJson, preflight, searchParamsObject } from "@/lib/api/v1";
import { listLatest } from "@/lib/services/public-articles";

/** GET /api/v1/articles?section=&tag=&q=&cursor=&limit= — published stories, newest first. */
export const GET = apiRoute(async (request: Request) => {
  const query = parseOrThrow(articleListQuerySchema, searchParamsObject(request.url), "The query parameters are not valid.");
  const page = await listLatest({
    limit: query.limit,
    cursor: query.cursor,
    sectionSlug: query.section,
    tagSlug: query.tag,
    query: query.q,
  });
  return jsonResponse({ items: page.items.map(articleSummaryJson), nextCursor: page.nextCursor });
});

export const OPTIONS = preflight;
