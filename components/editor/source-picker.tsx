"use client";

import { useEffect, useId, useRef, useState } from "react";
import { searchSourcesAction } from "@/app/(dashboard)/dashboard/articles/actions";
import { sourceDisplayName, sourceKindLabels } from "@/lib/source-labels";
import type { SourceChoice } from "@/lib/services/sources";
import fieldStyles from "@/components/ui/field.module.css";
import styles from "./editor.module.css";

/**
 * Picks a registry entry by typing part of its name (an ARIA combobox:
 * arrows move, Enter picks, Escape closes). Optionally offers to add what was
 * typed as a new source, so a writer never has to leave the story to cite one.
 */

interface Props {
  label: string;
  value: SourceChoice | null;
  onChange: (value: SourceChoice | null) => void;
  /** Shown as the last option when given: "Add “…” as a new source". */
  onCreate?: (typed: string) => void;
  excludeId?: string;
  hint?: string;
  errors?: string[];
  /** For plain forms: the picked id is submitted under this name. */
  name?: string;
}

export function SourcePicker({ label, value, onChange, onCreate, excludeId, hint, errors, name }: Props) {
  const id = useId();
  const listId = `${id}-list`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const [text, setText] = useState(value ? sourceDisplayName(value) : "");
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<SourceChoice[]>([]);
  const [active, setActive] = useState(-1);
  const [searching, setSearching] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const request = useRef(0);

  // A source picked elsewhere (or a new one just added) shows its name; clearing is done where it happens.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (value) setText(sourceDisplayName(value));
  }

  useEffect(() => {
    if (!open) return;
    const ticket = ++request.current;
    const timer = setTimeout(async () => {
      setSearching(true);
      const answer = await searchSourcesAction({ q: value && text === sourceDisplayName(value) ? "" : text });
      if (ticket !== request.current) return;
      setSearching(false);
      if (answer.ok) {
        setFailed(null);
        setResults(answer.data.filter((source) => source.id !== excludeId));
      } else {
        setFailed(answer.error.message);
      }
    }, 180);
    return () => clearTimeout(timer);
  }, [text, open, excludeId, value]);

  const typed = text.trim();
  const creatable = onCreate && typed.length > 0 && !results.some((source) => source.name.toLowerCase() === typed.toLowerCase());
  const optionCount = results.length + (creatable ? 1 : 0);

  const choose = (index: number) => {
    if (index < results.length) {
      const source = results[index];
      if (!source) return;
      onChange(source);
      setText(sourceDisplayName(source));
    } else if (creatable) {
      onCreate?.(typed);
    }
    setOpen(false);
    setActive(-1);
  };

  return (
    <div className={`${fieldStyles.field} ${styles.combo}`}>
      <label htmlFor={id} className={fieldStyles.label}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className={fieldStyles.hint}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        className={fieldStyles.input}
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${id}-option-${active}` : undefined}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        value={text}
        placeholder="Type to search the registry"
        onFocus={() => setOpen(true)}
        onBlur={() => {
          // Let a click on an option land before the list closes.
          setTimeout(() => setOpen(false), 150);
          if (value && text !== sourceDisplayName(value)) setText(sourceDisplayName(value));
        }}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
          if (value) onChange(null);
        }}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            setOpen(true);
            setActive((current) => Math.min(optionCount - 1, current + 1));
          } else if (event.key === "ArrowUp") {
            event.preventDefault();
            setActive((current) => Math.max(0, current - 1));
          } else if (event.key === "Enter" && open && active >= 0) {
            event.preventDefault();
            choose(active);
          } else if (event.key === "Escape") {
            setOpen(false);
          }
        }}
      />
      {name ? <input type="hidden" name={name} value={value?.id ?? ""} /> : null}
      {value ? (
        <button
          type="button"
          className={styles.clearChoice}
          onClick={() => {
            setText("");
            onChange(null);
          }} aria-label={`Clear ${label.toLowerCase()}`}>
          ×
        </button>
      ) : null}
      <ul id={listId} role="listbox" aria-label={label} className={styles.options} hidden={!open || (optionCount === 0 && !searching && !failed)}>
        {results.map((source, index) => (
          <li
            key={source.id}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? styles.optionActive : styles.option}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(index)}
          >
            <span dir="auto">{sourceDisplayName(source)}</span>
            <span className={styles.optionKind}>{sourceKindLabels[source.kind]}</span>
          </li>
        ))}
        {creatable ? (
          <li
            id={`${id}-option-${results.length}`}
            role="option"
            aria-selected={active === results.length}
            className={active === results.length ? styles.optionActive : styles.option}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(results.length)}
          >
            Add “{typed}” as a new source
          </li>
        ) : null}
        {searching && optionCount === 0 ? <li className={styles.optionNote}>Searching…</li> : null}
        {failed ? <li className={styles.optionNote}>{failed}</li> : null}
      </ul>
      {errorId ? (
        <p id={errorId} className={fieldStyles.error}>
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
