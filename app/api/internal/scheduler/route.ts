import { apiRoute, jsonResponse } from "@/lib/api/respond";
import { AppError } from "@/lib/errors";
import { isSchedulerToken, SCHEDULER_HEADER } from "@/lib/scheduler/token";
import { nextScheduledTime, publishDueArticles } from "@/lib/services/scheduler";

/**
 * Called over loopback by the app's own scheduler (lib/scheduler/timer.ts),
 * never by outsiders: the header must carry the token derived from AUTH_SECRET.
 * Publishes what is due, revalidates its pages, and says when to call again.
 */
export const dynamic = "force-dynamic";

export const POST = apiRoute(async (request: Request) => {
  if (!isSchedulerToken(request.headers.get(SCHEDULER_HEADER))) {
    throw new AppError("forbidden", "This endpoint is for the app's own scheduler.");
  }
  const published = await publishDueArticles();
  const nextAt = await nextScheduledTime();
  return jsonResponse({ published: published.map((article) => article.id), nextAt: nextAt?.toISOString() ?? null });
});
