import Link from "next/link";
import type { ReactNode } from "react";
import styles from "./status-page.module.css";

/** The frame of the 404, 403 and error pages: a code, a headline, a way on. */
export function StatusPage({ code, title, children }: { code: string; title: string; children?: ReactNode }) {
  return (
    <div className={styles.page}>
      <p className={styles.code}>{code}</p>
      <h1 className={styles.title}>{title}</h1>
      <div className={styles.text}>{children}</div>
      <p>
        <Link href="/">Go to the front page</Link>
      </p>
    </div>
  );
}
