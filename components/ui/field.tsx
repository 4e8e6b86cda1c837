import { useId, type InputHTMLAttributes } from "react";
import styles from "./field.module.css";

type Props = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  hint?: string;
  errors?: string[];
};

/**
 * A labelled input whose errors are tied to it with aria-describedby and
 * aria-invalid, so screen readers announce them with the field.
 */
export function Field({ label, name, hint, errors, className, ...input }: Props) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={`${styles.field} ${className ?? ""}`}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        className={styles.input}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        {...input}
      />
      {errorId ? (
        <p id={errorId} className={styles.error}>
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
