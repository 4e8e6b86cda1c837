import { useId, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import styles from "@/components/ui/field.module.css";

/**
 * Textarea and select twins of components/ui/field.tsx: a real label, hint and
 * errors tied to the control with aria-describedby, aria-invalid when wrong.
 */

interface Common {
  label: string;
  name?: string;
  hint?: ReactNode;
  errors?: string[];
  className?: string;
}

function useDescribedBy(hint: ReactNode, errors?: string[]) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined };
}

function Parts({ id, label, hint, hintId, errorId, errors, children, className }: Common & { id: string; hintId?: string; errorId?: string; children: ReactNode }) {
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
      {children}
      {errorId ? (
        <p id={errorId} className={styles.error}>
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function TextAreaField({ label, hint, errors, className, ...props }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { id, hintId, errorId, describedBy } = useDescribedBy(hint, errors);
  return (
    <Parts id={id} label={label} hint={hint} hintId={hintId} errorId={errorId} errors={errors} className={className}>
      <textarea id={id} className={styles.input} aria-invalid={errorId ? true : undefined} aria-describedby={describedBy} {...props} />
    </Parts>
  );
}

export function SelectField({ label, hint, errors, className, children, ...props }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const { id, hintId, errorId, describedBy } = useDescribedBy(hint, errors);
  return (
    <Parts id={id} label={label} hint={hint} hintId={hintId} errorId={errorId} errors={errors} className={className}>
      <select id={id} className={styles.input} aria-invalid={errorId ? true : undefined} aria-describedby={describedBy} {...props}>
        {children}
      </select>
    </Parts>
  );
}
