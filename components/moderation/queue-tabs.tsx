import Link from "next/link";
import type { QueueCounts } from "@/lib/services/moderation";
import { queueLabels, queues, type Queue, type QueueFilter } from "@/lib/validation/moderation";
import { formatCount, queueHref } from "./queue-url";
import styles from "./moderation.module.css";

/** The five queues with their live counts (under the current filters). */
export function QueueTabs({ current, counts, filter }: { current: Queue; counts: QueueCounts; filter: QueueFilter }) {
  return (
    <nav aria-label="Queues" className={styles.queueTabs}>
      <ul>
        {queues.map((queue) => (
          <li key={queue}>
            <Link
              href={queueHref(queue, filter)}
              aria-current={queue === current ? "page" : undefined}
              className={queue === "reported" && counts.reported.count > 0 ? styles.attention : undefined}
            >
              <span>{queueLabels[queue]}</span>
              <span className={styles.count} aria-label={`${formatCount(counts[queue])} comments`}>
                {formatCount(counts[queue])}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
