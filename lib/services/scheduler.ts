import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { revalidateStory, type StoryLocation } from "@/lib/revalidate";
import { footprintOf, storyLocation } from "@/lib/services/articles";

/**
 * Scheduled stories going live. One conditional UPDATE … RETURNING claims
 * every due story: row locks make a second app instance running the same
 * statement at the same moment skip the rows the first one took (it re-checks
 * `status = 'SCHEDULED'` after the lock), so each story is published exactly
 * once. Called by the internal scheduler route, which can revalidate pages.
 */

export interface PublishedOnSchedule {
  id: string;
  slug: string;
  version: number;
}

export async function publishDueArticles(): Promise<PublishedOnSchedule[]> {
  const outcome = await db.$transaction(async (tx) => {
    // Timestamps are stored as UTC wall-clock times (Prisma's convention).
    const promoted = await tx.$queryRaw<{ id: string; slug: string; version: number }[]>`
      UPDATE "Article"
      SET "status" = 'PUBLISHED',
          "publishedAt" = COALESCE("publishedAt", "scheduledFor"),
          "updatedAt" = "scheduledFor",
          "scheduledFor" = NULL,
          "version" = "version" + 1
      WHERE "status" = 'SCHEDULED'
        AND "scheduledFor" <= (now() AT TIME ZONE 'UTC')
        AND "deletedAt" IS NULL
      RETURNING "id", "slug", "version"`;

    const locations: StoryLocation[] = [];
    for (const article of promoted) {
      const latest = await tx.articleRevision.findFirst({
        where: { articleId: article.id },
        orderBy: { version: "desc" },
        select: { snapshot: true },
      });
      // Nobody acted: the revision has no author, and the history says "published on schedule".
      await tx.articleRevision.create({
        data: { articleId: article.id, version: article.version, kind: "PUBLISH", authorId: null, snapshot: (latest?.snapshot ?? {}) as Prisma.InputJsonValue },
      });
      const footprint = await footprintOf(tx, article.id);
      const location = footprint && storyLocation(null, footprint);
      if (location) locations.push(location);
    }
    return { promoted, locations };
  });
  await Promise.all(outcome.locations.map(revalidateStory));
  return outcome.promoted;
}

/** When the next scheduled story is due, if any (the scheduler sleeps until then). */
export async function nextScheduledTime(): Promise<Date | null> {
  const next = await db.article.findFirst({
    where: { status: "SCHEDULED", deletedAt: null, scheduledFor: { not: null } },
    orderBy: { scheduledFor: "asc" },
    select: { scheduledFor: true },
  });
  return next?.scheduledFor ?? null;
}
