import Link from "next/link";
import type { ReactNode } from "react";
import type { LatestPage } from "@/lib/services/public-articles";
import { StoryList } from "./story-list";
import styles from "./story-archive.module.css";

interface Props {
  kicker: string;
  title: ReactNode;
  description?: ReactNode;
  page: LatestPage;
  /** Where the next page starts, e.g. /latest?section=world — the cursor is appended. */
  olderHref: string;
  feedHref?: string;
  empty: string;
}

/** The page of a section, a topic or an author: a heading and its stories, newest first. */
export function StoryArchive({ kicker, title, description, page, olderHref, feedHref, empty }: Props) {
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <p className={styles.kicker}>{kicker}</p>
        <h1 className={styles.title}>{title}</h1>
        {description ? <div className={styles.description}>{description}</div> : null}
        {feedHref ? (
          <p className={styles.feed}>
            <a href={feedHref}>RSS feed</a>
          </p>
        ) : null}
      </header>
      {page.items.length > 0 ? <StoryList stories={page.items} withImages /> : <p className={styles.empty}>{empty}</p>}
      {page.nextCursor ? (
        <p className={styles.more}>
          <Link href={`${olderHref}${olderHref.includes("?") ? "&" : "?"}cursor=${page.nextCursor}`}>Older stories</Link>
        </p>
      ) : null}
    </div>
  );
}
