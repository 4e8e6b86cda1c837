import Link from "next/link";
import styles from "./moderation.module.css";

const sections = [
  { key: "queue", href: "/dashboard/moderation", label: "Queues" },
  { key: "bans", href: "/dashboard/moderation/bans", label: "Bans" },
  { key: "log", href: "/dashboard/moderation/log", label: "Audit log" },
] as const;

/** The moderation area's title and its three parts. */
export function ModerationHeader({ current, title, lede }: { current: (typeof sections)[number]["key"]; title: string; lede?: string }) {
  return (
    <header className={styles.header}>
      <div>
        <h1 className={styles.title}>{title}</h1>
        {lede ? <p className={styles.lede}>{lede}</p> : null}
      </div>
      <nav aria-label="Moderation" className={styles.sectionNav}>
        <ul>
          {sections.map((section) => (
            <li key={section.key}>
              <Link href={section.href} aria-current={section.key === current ? "page" : undefined}>
                {section.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
