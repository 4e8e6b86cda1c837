import type { ActionState } from "@/lib/action-state";
import styles from "./form-message.module.css";

/** The form-level outcome, announced politely by screen readers when it changes. */
export function FormMessage({ state }: { state: ActionState }) {
  return (
    <div aria-live="polite" role="status" className={styles.region}>
      {state.message ? (
        <p className={state.status === "error" ? styles.error : styles.success}>{state.message}</p>
      ) : null}
    </div>
  );
}
