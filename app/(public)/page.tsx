import Link from "next/link";
import { LeadStory, StoryList } from "@/components/public/story-list";
import styles from "@/components/public/front-page.module.css";
import { listLatest } from "@/lib/services/public-articles";

// The front page is served from the full-route cache and revalidated when a
// story is published, edited or taken down.
export const revalidate = 3600;

export default async function FrontPage() {
  const { items, nextCursor } = await listLatest({ limit: 21 });
  const [lead, ...rest] = items;
  return (
    <div className={styles.page}>
      <h1 className="visually-hidden">Latest stories</h1>
      {lead ? (
        <LeadStory story={lead} />
      ) : (
        <p className={styles.empty}>Nothing has been published yet.</p>
      )}
      {rest.length > 0 ? (
        <section aria-labelledby="latest-heading" className={styles.latest}>
          <h2 id="latest-heading" className={styles.heading}>
            Latest
          </h2>
          <StoryList stories={rest} headingLevel={3} />
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
