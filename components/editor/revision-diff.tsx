import type { BodyChange, DiffPart, RevisionDiff } from "@/lib/revision-snapshot";
import styles from "./history.module.css";

function Parts({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.change === "added" ? (
          <ins key={index} className={styles.added}>
            {part.text}
          </ins>
        ) : part.change === "removed" ? (
          <del key={index} className={styles.removed}>
            {part.text}
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

function BodyBlock({ change }: { change: BodyChange }) {
  switch (change.kind) {
    case "same":
      if (change.blocks.length <= 2) {
        return (
          <>
            {change.blocks.map((block, index) => (
              <p key={index} className={styles.same}>
                {block}
              </p>
            ))}
          </>
        );
      }
      return (
        <details className={styles.collapsed}>
          <summary>{change.blocks.length} unchanged paragraphs</summary>
          {change.blocks.map((block, index) => (
            <p key={index} className={styles.same}>
              {block}
            </p>
          ))}
        </details>
      );
    case "changed":
      return (
        <p className={styles.changed}>
          <Parts parts={change.parts} />
        </p>
      );
    case "added":
      return (
        <p className={styles.blockAdded}>
          <span className="visually-hidden">Added paragraph: </span>
          <ins className={styles.added}>{change.text}</ins>
        </p>
      );
    case "removed":
      return (
        <p className={styles.blockRemoved}>
          <span className="visually-hidden">Removed paragraph: </span>
          <del className={styles.removed}>{change.text}</del>
        </p>
      );
  }
}

/** A readable comparison: changed fields word by word, then the body paragraph by paragraph. */
export function RevisionDiffView({ diff }: { diff: RevisionDiff }) {
  if (diff.fields.length === 0 && diff.body.length === 0) {
    return <p className={styles.nothing}>These two versions are identical in every field.</p>;
  }
  return (
    <div className={styles.diff}>
      {diff.fields.map((field) => (
        <section key={field.key} className={styles.field} aria-label={`Changes to ${field.label}`}>
          <h3 className={styles.fieldLabel}>{field.label}</h3>
          <p className={field.key === "citations" ? styles.lines : styles.text}>
            <Parts parts={field.parts} />
          </p>
        </section>
      ))}
      {diff.body.length > 0 ? (
        <section className={styles.field} aria-label="Changes to Body">
          <h3 className={styles.fieldLabel}>Body</h3>
          {diff.body.map((change, index) => (
            <BodyBlock key={index} change={change} />
          ))}
        </section>
      ) : null}
    </div>
  );
}
