import Link from "next/link";
import { NewsroomTime } from "@/components/ui/newsroom-time";
import { plural } from "@/lib/format";
import styles from "./article.module.css";

interface Props {
  title: string;
  dek: string;
  section: { name: string; slug: string } | null;
  authors: { name: string; slug: string }[];
  publishedAt: Date | null;
  updatedAt: Date;
  /** Approved comments; omitted where the page has no thread (previews). */
  commentCount?: number;
}

/** Edits within a few minutes of publication are part of publishing, not an update. */
const UPDATE_GRACE_MS = 5 * 60 * 1000;

export function ArticleHeader({ title, dek, section, authors, publishedAt, updatedAt, commentCount }: Props) {
  const updated = publishedAt && updatedAt.getTime() - publishedAt.getTime() > UPDATE_GRACE_MS ? updatedAt : null;
  return (
    <header className={styles.header}>
      {section ? (
        <p className={styles.kicker}>
          <Link href={`/sections/${section.slug}`}>{section.name}</Link>
        </p>
      ) : null}
      <h1 className={styles.title}>{title}</h1>
      {dek ? <p className={styles.dek}>{dek}</p> : null}
      <div className={styles.meta}>
        {authors.length > 0 ? (
          <p className={styles.byline}>
            By{" "}
            {authors.map((author, index) => (
              <span key={author.slug}>
                {index > 0 ? (index === authors.length - 1 ? " and " : ", ") : null}
                <Link href={`/authors/${author.slug}`} rel="author">
                  {author.name}
                </Link>
              </span>
            ))}
          </p>
        ) : null}
        <p className={styles.dates}>
          {publishedAt ? (
            <>
              Published <NewsroomTime date={publishedAt} />
            </>
          ) : null}
          {updated ? (
            <>
              {" · "}Updated <NewsroomTime date={updated} />
            </>
          ) : null}
          {commentCount !== undefined ? (
            <>
              {" · "}
              <a href="#comments">{commentCount === 0 ? "Comment" : plural(commentCount, "comment")}</a>
            </>
          ) : null}
        </p>
      </div>
    </header>
  );
}
