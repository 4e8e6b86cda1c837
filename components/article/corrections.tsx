import { NewsroomTime } from "@/components/ui/newsroom-time";
import styles from "./article.module.css";

export function Corrections({ corrections }: { corrections: { id: string; text: string; createdAt: Date }[] }) {
  if (corrections.length === 0) return null;
  return (
    <section className={styles.corrections} aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">{corrections.length === 1 ? "Correction" : "Corrections"}</h2>
      <ul>
        {corrections.map((correction) => (
          <li key={correction.id}>
            <NewsroomTime date={correction.createdAt} dateOnly />:{" "}
            <span dir="auto">{correction.text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
