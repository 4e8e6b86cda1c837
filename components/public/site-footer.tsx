import styles from "./site-footer.module.css";

export function SiteFooter({ siteName }: { siteName: string }) {
  return (
    <footer className={styles.footer}>
      <div className={styles.inner}>
        <p>
          © {new Date().getUTCFullYear()} {siteName}. Reader comments are moderated; email addresses are never published.
        </p>
        <p>
          <a href="/login">Staff sign in</a>
        </p>
      </div>
    </footer>
  );
}
