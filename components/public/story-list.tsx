import Image from "next/image";
import Link from "next/link";
import { formatDate, joinNames } from "@/lib/format";
import type { ArticleCard } from "@/lib/services/public-articles";
import { mediaUrl } from "@/lib/storage/urls";
import styles from "./story-list.module.css";

function Byline({ story }: { story: ArticleCard }) {
  const names = joinNames(story.bylines.map((byline) => byline.user.name));
  return (
    <p className={styles.meta}>
      {story.section ? <span className={styles.section}>{story.section.name}</span> : null}
      {names ? <span>By {names}</span> : null}
      {story.publishedAt ? <time dateTime={story.publishedAt.toISOString()}>{formatDate(story.publishedAt)}</time> : null}
    </p>
  );
}

/** The most prominent story: big headline, dek, picture. */
export function LeadStory({ story }: { story: ArticleCard }) {
  return (
    <article className={styles.lead}>
      {story.featuredImage ? (
        <Link href={`/articles/${story.slug}`} tabIndex={-1} aria-hidden="true" className={styles.leadImage}>
          <Image
            src={mediaUrl(story.featuredImage.key)}
            width={story.featuredImage.width}
            height={story.featuredImage.height}
            alt=""
            unoptimized
            priority
            sizes="(max-width: 48rem) 100vw, 40rem"
          />
        </Link>
      ) : null}
      <div>
        <h2 className={styles.leadTitle}>
          <Link href={`/articles/${story.slug}`}>{story.title}</Link>
        </h2>
        {story.dek ? <p className={styles.dek}>{story.dek}</p> : null}
        <Byline story={story} />
      </div>
    </article>
  );
}

export function StoryList({ stories, headingLevel = 2 }: { stories: ArticleCard[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ol className={styles.list}>
      {stories.map((story) => (
        <li key={story.id}>
          <article>
            <Heading className={styles.title}>
              <Link href={`/articles/${story.slug}`}>{story.title}</Link>
            </Heading>
            {story.dek ? <p className={styles.dek}>{story.dek}</p> : null}
            <Byline story={story} />
          </article>
        </li>
      ))}
    </ol>
  );
}
