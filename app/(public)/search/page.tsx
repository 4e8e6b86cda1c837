import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { SearchResultList } from "@/components/public/search-results";
import { StoryList } from "@/components/public/story-list";
import styles from "@/components/public/search.module.css";
import { MAX_QUERY_LENGTH, parsePageNumber, parseSearchQuery } from "@/lib/search";
import { listLatest, searchPublished, spellingSuggestion } from "@/lib/services/public-articles";

export const metadata: Metadata = { title: "Search", robots: { index: false, follow: true } };

const PER_PAGE = 10;
const RECENT_STORIES = 5;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const raw = Array.isArray(params.q) ? params.q[0] : params.q;
  const query = parseSearchQuery(raw);
  const page = parsePageNumber(params.page);
  const results = query ? await searchPublished(query, { page, perPage: PER_PAGE }) : null;
  // Nothing found: offer a spelling that finds something, and the newest stories to read instead.
  const [suggestion, recent] =
    query && results?.total === 0 ? await Promise.all([spellingSuggestion(query), listLatest({ limit: RECENT_STORIES })]) : [null, null];
  const lastPage = results ? Math.max(1, Math.ceil(results.total / PER_PAGE)) : 1;
  const pageHref = (number: number) => `/search?${new URLSearchParams({ q: query?.text ?? "", ...(number > 1 ? { page: String(number) } : {}) })}`;

  return (
    <div className={styles.page}>
      <h1 className={styles.title}>Search</h1>
      <Form action="/search" className={styles.form} role="search">
        <label htmlFor="search-query" className={styles.label}>
          Search stories
        </label>
        <div className={styles.row}>
          <input
            id="search-query"
            type="search"
            name="q"
            defaultValue={raw ?? ""}
            maxLength={MAX_QUERY_LENGTH}
            className={styles.input}
            aria-describedby="search-tips"
            dir="auto"
            // Opened to search, or searched in vain: the reader's next move is to type.
            autoFocus={!results || results.total === 0}
          />
          <button type="submit" className={styles.button}>
            Search
          </button>
        </div>
        <p id="search-tips" className={styles.tips}>
          Put a phrase in quotes (&quot;buried alive&quot;); put a minus before a word to leave it out (Mosul -Kirkuk).
        </p>
      </Form>

      {raw !== undefined && !query ? <p className={styles.status}>Type a word or a phrase to search for.</p> : null}
      {query && results ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className={styles.status} aria-live="polite">
            {results.total === 0
              ? `No stories match “${query.text}”.`
              : results.more
                ? `More than ${results.total.toLocaleString("en")} stories match “${query.text}”; the newest are ranked`
                : `${results.total} ${results.total === 1 ? "story matches" : "stories match"} “${query.text}”`}
            {results.total > PER_PAGE ? <span className={styles.pageOf}> · page {page} of {lastPage}</span> : null}
          </h2>
          {suggestion ? (
            <p className={styles.suggestion}>
              Did you mean{" "}
              <Link href={`/search?${new URLSearchParams({ q: suggestion })}`} dir="auto">
                {suggestion}
              </Link>
              ?
            </p>
          ) : results.total === 0 ? (
            <p className={styles.suggestion}>Check the spelling, or search for fewer words.</p>
          ) : null}
          {results.hits.length > 0 ? <SearchResultList hits={results.hits} /> : null}
          {results.total > 0 && results.hits.length === 0 ? <p>There are no more results. <Link href={pageHref(1)}>Back to the first page</Link></p> : null}
          {results.total > PER_PAGE ? (
            <nav aria-label="Result pages" className={styles.pager}>
              {page > 1 ? <Link href={pageHref(page - 1)}>Previous page</Link> : <span />}
              {page < lastPage ? <Link href={pageHref(page + 1)}>Next page</Link> : null}
            </nav>
          ) : null}
        </section>
      ) : null}
      {recent && recent.items.length > 0 ? (
        <section aria-labelledby="recent-heading" className={styles.recent}>
          <h2 id="recent-heading" className={styles.status}>
            Recent stories
          </h2>
          <StoryList stories={recent.items} headingLevel={3} />
        </section>
      ) : null}
    </div>
  );
}
