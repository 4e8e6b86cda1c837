import Link from "next/link";
import { MIN_SEARCH_LENGTH, type Queue, type QueueFilter } from "@/lib/validation/moderation";
import { queueHref } from "./queue-url";
import styles from "./moderation.module.css";

interface Props {
  queue: Queue;
  filter: QueueFilter;
  articleTitle: string | null;
  problems: string[];
}

/**
 * Search and the active filters. A plain GET form: the address is the state,
 * so a filtered queue can be bookmarked or shared with another moderator.
 */
export function QueueFilters({ queue, filter, articleTitle, problems }: Props) {
  const without = (key: keyof QueueFilter) => queueHref(queue, { ...filter, [key]: undefined });
  const chips = [
    filter.article ? { key: "article" as const, label: `Story: ${articleTitle ?? "unknown story"}` } : null,
    filter.author ? { key: "author" as const, label: `Author: ${filter.author}` } : null,
    filter.ip ? { key: "ip" as const, label: `IP hash: ${filter.ip.slice(0, 10)}…` } : null,
  ].filter((chip) => chip !== null);
  return (
    <div className={styles.filters}>
      <form method="get" action="/dashboard/moderation" role="search" className={styles.searchForm}>
        {queue !== "pending" ? <input type="hidden" name="queue" value={queue} /> : null}
        {filter.article ? <input type="hidden" name="article" value={filter.article} /> : null}
        {filter.author ? <input type="hidden" name="author" value={filter.author} /> : null}
        {filter.ip ? <input type="hidden" name="ip" value={filter.ip} /> : null}
        <label htmlFor="queue-search" className={styles.searchLabel}>
          Search comments
        </label>
        <input
          id="queue-search"
          name="q"
          type="search"
          defaultValue={filter.q ?? ""}
          minLength={MIN_SEARCH_LENGTH}
          maxLength={200}
          placeholder="Words in the comment or the author’s name"
          aria-keyshortcuts="/"
          aria-describedby={problems.length ? "queue-search-problems" : undefined}
          className={styles.searchInput}
        />
        <button type="submit" className={styles.secondaryButton}>
          Search
        </button>
        {filter.q ? (
          <Link href={without("q")} className={styles.clearLink}>
            Clear search
          </Link>
        ) : null}
      </form>
      {problems.length ? (
        <p id="queue-search-problems" className={styles.problem} role="status">
          {problems.join(" ")}
        </p>
      ) : null}
      {chips.length ? (
        <ul className={styles.chips} aria-label="Active filters">
          {chips.map((chip) => (
            <li key={chip.key}>
              <span>{chip.label}</span>
              <Link href={without(chip.key)} aria-label={`Remove filter ${chip.label}`}>
                ×
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
