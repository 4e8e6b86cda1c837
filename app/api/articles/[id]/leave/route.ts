import { apiRoute } from "@/lib/api/respond";
import { requireUser } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { isCrossSiteWrite } from "@/lib/http/cross-site";
import { editingHeartbeat } from "@/lib/services/articles";
import { z } from "@/lib/zod";

/**
 * POST /api/articles/{id}/leave — the article editor's last word as its tab
 * closes (navigator.sendBeacon on pagehide): this person no longer has the
 * story open, so nobody else is told they do. A route handler because a
 * beacon can only POST to an address; server actions need the page alive.
 */
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const POST = apiRoute(async (request: Request, { params }: Context) => {
  const user = await requireUser("article:draft");
  // proxy.ts refuses these first; checked again here, as every handler checks what it relies on.
  if (isCrossSiteWrite(request.method, request.headers)) throw new AppError("forbidden", "Only the dashboard can close its own editor.");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) throw new AppError("not_found", "There is no such story.");
  await editingHeartbeat(user, id.data, false);
  return new Response(null, { status: 204 });
});
