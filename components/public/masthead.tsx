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
            <Link href="/">Latest</Link>
          </li>
          {sections.map((section) => (
            <li key={section.slug}>
              <Link href={`/sections/${section.slug}`}>{section.name}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
