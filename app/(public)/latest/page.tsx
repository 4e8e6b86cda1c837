import type { Metadata } from "next";
import Link from "next/link";
import { StoryList } from "@/components/public/story-list";
import styles from "@/components/public/front-page.module.css";
import { listLatest } from "@/lib/services/public-articles";

export const metadata: Metadata = { title: "Older stories", robots: { index: false, follow: true } };

type Props = { searchParams: Promise<{ cursor?: string | string[] }> };

/** Every story, newest first, one keyset page at a time (the front page links here). */
export default async function LatestPage({ searchParams }: Props) {
  const { cursor } = await searchParams;
  const { items, nextCursor } = await listLatest({ limit: 30, cursor: typeof cursor === "string" ? cursor : null });
  return (
    <div className={styles.page}>
      <h1 className={styles.heading}>Older stories</h1>
      {items.length > 0 ? <StoryList stories={items} /> : <p className={styles.empty}>No older stories.</p>}
      <p className={styles.more}>
        {nextCursor ? <Link href={`/latest?cursor=${nextCursor}`}>Older stories</Link> : <Link href="/">Back to the front page</Link>}
      </p>
    </div>
  );
}
