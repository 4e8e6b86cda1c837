import type { Metadata } from "next";
import Link from "next/link";
import { ModerationDesk } from "@/components/moderation/moderation-desk";
import { ModerationHeader } from "@/components/moderation/moderation-header";
import { QueueFilters } from "@/components/moderation/queue-filters";
import { queueHref } from "@/components/moderation/queue-url";
import styles from "@/components/moderation/moderation.module.css";
import { requirePageUser } from "@/lib/auth";
import { can } from "@/lib/permissions";
import { articleForFilter, listQueue, queueCounts } from "@/lib/services/moderation";
import { parseQueueParams, queueLabels } from "@/lib/validation/moderation";

export const metadata: Metadata = { title: "Moderation" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ModerationPage({ searchParams }: Props) {
  const user = await requirePageUser("comment:moderate", "/dashboard/moderation");
  const { queue, filter, cursor, problems } = parseQueueParams(await searchParams);
  const loadedAt = new Date().toISOString();
  const [page, counts, article] = await Promise.all([
    listQueue(queue, filter, cursor),
    queueCounts(filter),
    filter.article ? articleForFilter(filter.article) : Promise.resolve(null),
  ]);

  return (
    <>
      <ModerationHeader current="queue" title="Moderation" lede="Decide what readers see. Every decision is logged." />
      <ModerationDesk
        // A new queue, filter or page starts a fresh desk (cursor, selection, notices).
        key={`${queue}|${filter.q ?? ""}|${filter.article ?? ""}|${filter.author ?? ""}|${filter.ip ?? ""}|${cursor ?? ""}`}
        queue={queue}
        filter={filter}
        rows={page.items}
        counts={counts}
        filters={<QueueFilters queue={queue} filter={filter} articleTitle={article?.title ?? null} problems={problems} />}
        loadedAt={loadedAt}
        canBan={can(user.role, "commenter:ban")}
        staffName={user.name}
      />
      {cursor || page.nextCursor ? (
        <nav aria-label={`${queueLabels[queue]} pages`} className={styles.pager}>
          {cursor ? <Link href={queueHref(queue, filter)}>← Newest</Link> : <span />}
          {page.nextCursor ? <Link href={queueHref(queue, filter, page.nextCursor)}>Older comments →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
