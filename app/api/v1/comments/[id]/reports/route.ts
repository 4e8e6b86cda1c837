import { z } from "@/lib/zod";
import { apiRoute, jsonResponse, readJson } from "@/lib/api/respond";
import { preflight, requesterFrom } from "@/lib/api/v1";
import { AppError } from "@/lib/errors";
import { reportComment } from "@/lib/services/comments";
import { reportInputSchema } from "@/lib/validation/comment";

type Context = { params: Promise<{ id: string }> };

/** A report may come with no body at all; a body, when sent, must be JSON. */
async function reportBody(request: Request): Promise<z.output<typeof reportInputSchema>> {
  const declaresBody = request.headers.has("content-type") || Number(request.headers.get("content-length") ?? 0) > 0;
  return declaresBody ? readJson(request, reportInputSchema) : { reason: undefined };
}

/** POST /api/v1/comments/{id}/reports — `{ reason? }` → 202; each reader reports a comment once (409 after). */
export const POST = apiRoute(async (request: Request, { params }: Context) => {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "There is no published comment with this id.");
  const { reason } = await reportBody(request);
  await reportComment(id, reason, requesterFrom(request));
  return jsonResponse({ reported: true }, { status: 202 });
});

export const OPTIONS = preflight;
