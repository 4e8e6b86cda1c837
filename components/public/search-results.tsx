import Link from "next/link";
import { NewsroomTime } from "@/components/ui/newsroom-time";
import { joinNames } from "@/lib/format";
import { highlightParts } from "@/lib/search";
import type { SearchHit } from "@/lib/services/public-articles";
import styles from "./search.module.css";

/** Text with the search's matches in <mark>; every part is React text, so nothing in a story becomes markup. */
function Highlighted({ text }: { text: string }) {
  return (
    <>
      {highlightParts(text).map((part, index) => (part.highlighted ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </>
  );
}

export function SearchResultList({ hits }: { hits: SearchHit[] }) {
  return (
    <ol className={styles.results}>
      {hits.map(({ story, titleHighlight, snippetHighlight }) => (
        <li key={story.id}>
          <article>
            {story.section ? <p className={styles.kicker}>{story.section.name}</p> : null}
            <h3 className={styles.resultTitle}>
              <Link href={`/articles/${story.slug}`}>
                <Highlighted text={titleHighlight} />
              </Link>
            </h3>
            <p className={styles.snippet} dir="auto">
              <Highlighted text={snippetHighlight} />
            </p>
            <p className={styles.meta}>
              {story.bylines.length ? <span>By {joinNames(story.bylines.map(({ user }) => user.name))}</span> : null}
              {story.publishedAt ? <NewsroomTime date={story.publishedAt} dateOnly /> : null}
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}
