"use client";

import { useId } from "react";
import type { Choice } from "@/lib/services/articles";
import fieldStyles from "@/components/ui/field.module.css";
import ui from "@/components/dashboard/desk-ui.module.css";
import styles from "./editor.module.css";

/** Bylines in the order readers see them: add from the staff list, reorder, remove. */
export function BylinePicker({
  value,
  choices,
  onChange,
  editable,
  errors,
}: {
  value: Choice[];
  choices: Choice[];
  onChange: (value: Choice[]) => void;
  editable: boolean;
  errors?: string[];
}) {
  const id = useId();
  const errorId = errors?.length ? `${id}-error` : undefined;
  const remaining = choices.filter((choice) => !value.some((picked) => picked.id === choice.id));
  const move = (index: number, by: number) => {
    const next = [...value];
    const [item] = next.splice(index, 1);
    if (!item) return;
    next.splice(index + by, 0, item);
    onChange(next);
  };
  return (
    <div className={fieldStyles.field} role="group" aria-labelledby={`${id}-label`} aria-describedby={errorId}>
      <span id={`${id}-label`} className={fieldStyles.label}>
        Bylines
      </span>
      {value.length === 0 ? <p className={fieldStyles.hint}>No byline yet.</p> : null}
      <ol className={styles.bylines}>
        {value.map((person, index) => (
          <li key={person.id}>
            <span>{person.name}</span>
            {editable ? (
              <span className={styles.bylineActions}>
                <button type="button" className={`${ui.buttonQuiet} ${ui.small}`} disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move ${person.name} earlier`}>
                  ↑
                </button>
                <button
                  type="button"
                  className={`${ui.buttonQuiet} ${ui.small}`}
                  onClick={() => onChange(value.filter((entry) => entry.id !== person.id))}
                  aria-label={`Remove ${person.name} from the bylines`}
                >
                  Remove
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {editable && remaining.length > 0 ? (
        <>
          <label htmlFor={`${id}-add`} className="visually-hidden">
            Add a byline
          </label>
          <select
            id={`${id}-add`}
            className={fieldStyles.input}
            value=""
            aria-invalid={errorId ? true : undefined}
            onChange={(event) => {
              const person = choices.find((choice) => choice.id === event.target.value);
              if (person) onChange([...value, person]);
            }}
          >
            <option value="">Add a byline…</option>
            {remaining.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name}
              </option>
            ))}
          </select>
        </>
      ) : null}
      {errorId ? (
        <p id={errorId} className={fieldStyles.error}>
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
