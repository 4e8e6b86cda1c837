import Link from "next/link";
import styles from "./article.module.css";

export function ArticleTags({ tags }: { tags: { name: string; slug: string }[] }) {
  if (tags.length === 0) return null;
  return (
    <nav className={styles.tags} aria-label="Topics">
      <h2 className="visually-hidden">Topics</h2>
      <ul>
        {tags.map((tag) => (
          <li key={tag.slug}>
            <Link href={`/tags/${tag.slug}`} dir="auto">
              {tag.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
