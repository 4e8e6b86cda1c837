import Link from "next/link";
import type { SectionLink } from "@/lib/services/sections";
import styles from "./masthead.module.css";

export function Masthead({ siteName, tagline, sections }: { siteName: string; tagline: string; sections: SectionLink[] }) {
  return (
    <header className={styles.masthead}>
      <div className={styles.inner}>
        <Link href="/" className={styles.name}>
          {siteName}
        </Link>
        {tagline ? <p className={styles.tagline}>{tagline}</p> : null}
      </div>
      <nav aria-label="Sections" className={styles.nav}>
        <ul>
          <li>
            <Link href="/latest">Latest</Link>
          </li>
          {sections.map((section) => (
            <li key={section.slug}>
              <Link href={`/sections/${section.slug}`}>{section.name}</Link>
            </li>
          ))}
          <li className={styles.search}>
            <Link href="/search">
              <svg aria-hidden="true" viewBox="0 0 20 20" width="15" height="15" focusable="false">
                <circle cx="8.5" cy="8.5" r="5.75" fill="none" stroke="currentColor" strokeWidth="2" />
                <path d="M13 13l5 5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              </svg>
              Search
            </Link>
          </li>
        </ul>
      </nav>
    </header>
  );
}
