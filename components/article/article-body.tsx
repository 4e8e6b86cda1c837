import styles from "./article.module.css";

/**
 * The story's body. `html` is the stored rendering of the rich-text document,
 * produced on save by lib/rich-text/render.ts and passed through an
 * allow-list sanitizer there; it is never user HTML taken as is.
 */
export function ArticleBody({ html }: { html: string }) {
  return <div className={styles.body} dangerouslySetInnerHTML={{ __html: html }} />;
}
