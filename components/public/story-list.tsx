import Image from "next/image";
import Link from "next/link";
import { NewsroomTime } from "@/components/ui/newsroom-time";
import { joinNames } from "@/lib/format";
import type { ArticleCard } from "@/lib/services/public-articles";
import { mediaUrl } from "@/lib/storage/urls";
import styles from "./story-list.module.css";

function Byline({ story, showSection = true }: { story: ArticleCard; showSection?: boolean }) {
  const names = joinNames(story.bylines.map((byline) => byline.user.name));
  return (
    <p className={styles.meta}>
      {showSection && story.section ? <span className={styles.section}>{story.section.name}</span> : null}
      {names ? <span>By {names}</span> : null}
      {story.publishedAt ? <NewsroomTime date={story.publishedAt} dateOnly /> : null}
    </p>
  );
}

function Picture({ story, sizes, priority = false, className }: { story: ArticleCard; sizes: string; priority?: boolean; className?: string }) {
  if (!story.featuredImage) return null;
  // The headline beside it is the link readers and screen readers use; the picture repeats it for the mouse only.
  return (
    <Link href={`/articles/${story.slug}`} tabIndex={-1} aria-hidden="true" className={className}>
      <Image
        src={mediaUrl(story.featuredImage.key)}
        width={story.featuredImage.width}
        height={story.featuredImage.height}
        alt=""
        unoptimized
        priority={priority}
        sizes={sizes}
      />
    </Link>
  );
}

/** The most prominent story: big headline, dek, picture. */
export function LeadStory({ story }: { story: ArticleCard }) {
  return (
    <article className={styles.lead}>
      <Picture story={story} sizes="(max-width: 48rem) 100vw, 40rem" priority className={styles.leadImage} />
      <div>
        {story.section ? <p className={styles.kicker}>{story.section.name}</p> : null}
        <h2 className={styles.leadTitle}>
          <Link href={`/articles/${story.slug}`}>{story.title}</Link>
        </h2>
        {story.dek ? <p className={styles.leadDek}>{story.dek}</p> : null}
        <Byline story={story} showSection={false} />
      </div>
    </article>
  );
}

/** Second-tier stories beside or under the lead: headline, dek, picture when there is one. */
export function TopStories({ stories }: { stories: ArticleCard[] }) {
  return (
    <ul className={styles.top}>
      {stories.map((story) => (
        <li key={story.id}>
          <article>
            <Picture story={story} sizes="(max-width: 48rem) 100vw, 20rem" className={styles.topImage} />
            {story.section ? <p className={styles.kicker}>{story.section.name}</p> : null}
            <h3 className={styles.topTitle}>
              <Link href={`/articles/${story.slug}`}>{story.title}</Link>
            </h3>
            {story.dek ? <p className={styles.dek}>{story.dek}</p> : null}
            <Byline story={story} showSection={false} />
          </article>
        </li>
      ))}
    </ul>
  );
}

export function StoryList({ stories, headingLevel = 2, withImages = false }: { stories: ArticleCard[]; headingLevel?: 2 | 3; withImages?: boolean }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ol className={withImages ? styles.rows : styles.list}>
      {stories.map((story) => (
        <li key={story.id}>
          <article className={withImages ? styles.row : undefined}>
            <div>
              <Heading className={styles.title}>
                <Link href={`/articles/${story.slug}`}>{story.title}</Link>
              </Heading>
              {story.dek ? <p className={styles.dek}>{story.dek}</p> : null}
              <Byline story={story} />
            </div>
            {withImages ? <Picture story={story} sizes="12rem" className={styles.thumb} /> : null}
          </article>
        </li>
      ))}
    </ol>
  );
}
