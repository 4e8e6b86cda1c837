import { formatDate } from "@/lib/format";
import styles from "./article.module.css";

export function Corrections({ corrections }: { corrections: { id: string; text: string; createdAt: Date }[] }) {
  if (corrections.length === 0) return null;
  return (
    <section className={styles.corrections} aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">{corrections.length === 1 ? "Correction" : "Corrections"}</h2>
      <ul>
        {corrections.map((correction) => (
          <li key={correction.id}>
            <time dateTime={correction.createdAt.toISOString()}>{formatDate(correction.createdAt)}</time>:{" "}
            <span dir="auto">{correction.text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
