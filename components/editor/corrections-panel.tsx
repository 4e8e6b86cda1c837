"use client";

import { useActionState } from "react";
import { addCorrectionAction, removeCorrectionAction } from "@/app/(dashboard)/dashboard/articles/actions";
import { idle } from "@/lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { TextAreaField } from "@/components/dashboard/controls";
import ui from "@/components/dashboard/desk-ui.module.css";
import { useNewsroomTimeZone } from "@/components/dashboard/newsroom-time-zone";
import { formatDate } from "@/lib/dates";
import styles from "./editor.module.css";

function RemoveCorrection({ id, articleId }: { id: string; articleId: string }) {
  const [state, action, pending] = useActionState(removeCorrectionAction, idle);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="articleId" value={articleId} />
      <button type="submit" className={`${ui.buttonQuiet} ${ui.small}`} disabled={pending}>
        Remove
      </button>
      {state.status === "error" ? <span role="alert">{state.message}</span> : null}
    </form>
  );
}

/** Dated public notes on a story readers have seen: added here, shown under the story at once. */
export function CorrectionsPanel({ articleId, corrections }: { articleId: string; corrections: { id: string; text: string; createdAt: Date }[] }) {
  const [state, action, pending] = useActionState(addCorrectionAction, idle);
  const timeZone = useNewsroomTimeZone();
  return (
    <section className={ui.panel} aria-labelledby="corrections-heading">
      <h2 id="corrections-heading" className={ui.panelTitle}>
        Corrections
      </h2>
      {corrections.length > 0 ? (
        <ul className={styles.corrections}>
          {corrections.map((correction) => (
            <li key={correction.id}>
              <time dateTime={correction.createdAt.toISOString()}>{formatDate(correction.createdAt, timeZone)}</time>
              <span dir="auto">{correction.text}</span>
              <RemoveCorrection id={correction.id} articleId={articleId} />
            </li>
          ))}
        </ul>
      ) : (
        <p className={ui.muted}>No corrections. Readers see each one dated, under the story.</p>
      )}
      <form action={action} noValidate>
        <FormMessage state={state} />
        <input type="hidden" name="articleId" value={articleId} />
        <TextAreaField
          label="Correction"
          name="text"
          rows={3}
          defaultValue={state.status === "error" ? state.values?.text : undefined}
          errors={state.errors?.text}
          hint="What was wrong and what is right, as readers should read it."
        />
        <button type="submit" className={`${ui.buttonSecondary} ${ui.small}`} disabled={pending}>
          {pending ? "Adding…" : "Add correction"}
        </button>
      </form>
    </section>
  );
}
