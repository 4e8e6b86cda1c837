import type { Metadata } from "next";
import Link from "next/link";
import { LeadStory, StoryList, TopStories } from "@/components/public/story-list";
import styles from "@/components/public/front-page.module.css";
import { listLatest } from "@/lib/services/public-articles";
import { getSetting } from "@/lib/services/settings";

// The front page is served from the full-route cache and revalidated when a
// story is published, edited or taken down.
export const revalidate = 3600;

export const metadata: Metadata = { alternates: { canonical: "/", types: { "application/rss+xml": "/feed.xml" } } };

export default async function FrontPage() {
  const [{ items, nextCursor }, site] = await Promise.all([listLatest({ limit: 24 }), getSetting("site")]);
  const [lead, ...rest] = items;
  const top = rest.slice(0, 3);
  const latest = rest.slice(3);
  return (
    <div className={styles.page}>
      <h1 className="visually-hidden">{site.name}: the latest stories</h1>
      {lead ? (
        <section aria-label="Lead story" className={styles.lead}>
          <LeadStory story={lead} />
        </section>
      ) : (
        <p className={styles.empty}>Nothing has been published yet.</p>
      )}
      {top.length > 0 ? (
        <section aria-labelledby="top-heading" className={styles.top}>
          <h2 id="top-heading" className="visually-hidden">
            Top stories
          </h2>
          <TopStories stories={top} />
        </section>
      ) : null}
      {latest.length > 0 ? (
        <section aria-labelledby="latest-heading" className={styles.latest}>
          <h2 id="latest-heading" className={styles.heading}>
            Latest
          </h2>
          <StoryList stories={latest} headingLevel={3} withImages />
        </section>
      ) : null}
      {nextCursor ? (
        <p className={styles.more}>
          <Link href={`/latest?cursor=${nextCursor}`}>Older stories</Link>
        </p>
      ) : null}
    </div>
  );
}
