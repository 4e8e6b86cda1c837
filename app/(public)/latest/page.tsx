import type { Metadata } from "next";
import Link from "next/link";
import { StoryList } from "@/components/public/story-list";
import styles from "@/components/public/front-page.module.css";
import { getAuthor, getSection, getTag, listLatest } from "@/lib/services/public-articles";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

/** The navigation's "Latest" opens the first page; "Older stories" links carry a cursor. */
const pageTitle = (cursor: string | undefined) => (cursor ? "Older stories" : "Latest stories");

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { title: pageTitle(first((await searchParams).cursor)), robots: { index: false, follow: true } };
}

/**
 * Every story, newest first, one keyset page at a time: where the front page
 * and the section, topic and author pages send "Older stories", so that those
 * pages themselves stay cached.
 */
export default async function LatestPage({ searchParams }: Props) {
  const query = await searchParams;
  const filters = { sectionSlug: first(query.section), tagSlug: first(query.tag), authorSlug: first(query.author) };
  const [section, tag, author] = await Promise.all([
    filters.sectionSlug ? getSection(filters.sectionSlug) : null,
    filters.tagSlug ? getTag(filters.tagSlug) : null,
    filters.authorSlug ? getAuthor(filters.authorSlug) : null,
  ]);
  const scope = section ? ` in ${section.name}` : tag ? ` about ${tag.name}` : author ? ` by ${author.name}` : "";
  const back = section ? `/sections/${section.slug}` : tag ? `/tags/${tag.slug}` : author ? `/authors/${author.slug}` : "/";
  // An unknown filter lists nothing rather than everything.
  const unknownFilter = (filters.sectionSlug && !section) || (filters.tagSlug && !tag) || (filters.authorSlug && !author);
  const { items, nextCursor } = unknownFilter ? { items: [], nextCursor: null } : await listLatest({ limit: 30, cursor: first(query.cursor), ...filters });
  const next = new URLSearchParams();
  if (section) next.set("section", section.slug);
  if (tag) next.set("tag", tag.slug);
  if (author) next.set("author", author.slug);
  if (nextCursor) next.set("cursor", nextCursor);

  return (
    <div className={styles.page}>
      <h1 className={styles.heading}>
        {pageTitle(first(query.cursor))}
        {scope}
      </h1>
      {items.length > 0 ? <StoryList stories={items} withImages /> : <p className={styles.empty}>{query.cursor ? "No older stories." : "Nothing has been published yet."}</p>}
      <p className={styles.more}>
        {nextCursor ? <Link href={`/latest?${next.toString()}`}>Older stories</Link> : <Link href={back}>Back to the newest</Link>}
      </p>
    </div>
  );
}
