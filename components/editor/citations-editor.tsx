"use client";

import { useId, useState } from "react";
import { z } from "@/lib/zod";
import { createSourceInlineAction } from "@/app/(dashboard)/dashboard/articles/actions";
import { citationsByFact } from "@/lib/claims";
import { sourceDisplayName, sourceKindLabels } from "@/lib/source-labels";
import type { SourceChoice } from "@/lib/services/sources";
import { citationSchema } from "@/lib/validation/article";
import { sourceKinds, sourceSchema } from "@/lib/validation/source";
import { Field } from "@/components/ui/field";
import fieldStyles from "@/components/ui/field.module.css";
import { SelectField, TextAreaField } from "@/components/dashboard/controls";
import ui from "@/components/dashboard/desk-ui.module.css";
import { SourcePicker } from "./source-picker";
import styles from "./editor.module.css";

/**
 * Sources and claims, cited one claim at a time: pick or add the source, the
 * claim, optionally a comparable fact ("death toll" = 45), the report's
 * address and the source that relayed it. The list is part of the story and
 * is saved with it, in order.
 */

export interface EditorCitation {
  key: string;
  source: SourceChoice;
  via: SourceChoice | null;
  claim: string;
  factKey: string;
  factValue: string;
  reportUrl: string;
}

type Errors = Record<string, string[] | undefined>;

function NewSourceForm({ name, onCreated, onCancel }: { name: string; onCreated: (source: SourceChoice) => void; onCancel: () => void }) {
  const [values, setValues] = useState({ name, shortName: "", kind: "", url: "", description: "" });
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value });

  const submit = async () => {
    const parsed = sourceSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(z.flattenError(parsed.error).fieldErrors);
      setMessage("Some fields need attention.");
      return;
    }
    setBusy(true);
    const answer = await createSourceInlineAction(parsed.data);
    setBusy(false);
    if (!answer.ok) {
      setErrors(answer.error.fields ?? {});
      setMessage(answer.error.message);
      return;
    }
    onCreated(answer.data);
  };

  return (
    <fieldset className={styles.subform}>
      <legend>New source for the registry</legend>
      {message ? (
        <p className={fieldStyles.error} role="alert">
          {message}
        </p>
      ) : null}
      <Field label="Name" name="name" value={values.name} onChange={set("name")} errors={errors.name} />
      <div className={styles.row}>
        <Field label="Short name" name="shortName" value={values.shortName} onChange={set("shortName")} errors={errors.shortName} hint="e.g. ABNA" />
        <SelectField label="Kind" name="kind" value={values.kind} onChange={set("kind")} errors={errors.kind}>
          <option value="">Choose…</option>
          {sourceKinds.map((kind) => (
            <option key={kind} value={kind}>
              {sourceKindLabels[kind]}
            </option>
          ))}
        </SelectField>
      </div>
      <Field label="Web address" name="url" type="url" value={values.url} onChange={set("url")} errors={errors.url} />
      <Field
        label="How readers see it"
        name="description"
        value={values.description}
        onChange={set("description")}
        errors={errors.description}
        hint="Required for anonymous sources, e.g. “an anonymous provincial source”."
      />
      <div className={styles.inlineActions}>
        <button type="button" className={`${ui.button} ${ui.small}`} onClick={() => void submit()} disabled={busy}>
          {busy ? "Adding…" : "Add source"}
        </button>
        <button type="button" className={`${ui.buttonQuiet} ${ui.small}`} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}

function CitationForm({
  initial,
  factKeys,
  onSave,
  onCancel,
}: {
  initial: EditorCitation | null;
  factKeys: string[];
  onSave: (citation: EditorCitation) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [source, setSource] = useState<SourceChoice | null>(initial?.source ?? null);
  const [via, setVia] = useState<SourceChoice | null>(initial?.via ?? null);
  const [claim, setClaim] = useState(initial?.claim ?? "");
  const [factKey, setFactKey] = useState(initial?.factKey ?? "");
  const [factValue, setFactValue] = useState(initial?.factValue ?? "");
  const [reportUrl, setReportUrl] = useState(initial?.reportUrl ?? "");
  const [errors, setErrors] = useState<Errors>({});
  const [creating, setCreating] = useState<{ for: "source" | "via"; name: string } | null>(null);

  const save = () => {
    const parsed = citationSchema.safeParse({ sourceId: source?.id ?? "", viaSourceId: via?.id ?? "", claim, factKey, factValue, reportUrl });
    if (!parsed.success || !source) {
      setErrors(parsed.success ? { sourceId: ["Pick a source."] } : z.flattenError(parsed.error).fieldErrors);
      return;
    }
    onSave({
      key: initial?.key ?? crypto.randomUUID(),
      source,
      via,
      claim: parsed.data.claim,
      factKey: parsed.data.factKey ?? "",
      factValue: parsed.data.factValue ?? "",
      reportUrl: parsed.data.reportUrl ?? "",
    });
  };

  return (
    <fieldset className={styles.subform}>
      <legend>{initial ? "Edit citation" : "New citation"}</legend>
      <SourcePicker
        label="Source"
        value={source}
        onChange={setSource}
        onCreate={(name) => setCreating({ for: "source", name })}
        errors={errors.sourceId}
        hint="Who makes the claim. Type to search; add it if it is not in the registry."
      />
      {creating?.for === "source" ? (
        <NewSourceForm
          name={creating.name}
          onCancel={() => setCreating(null)}
          onCreated={(created) => {
            setSource(created);
            setCreating(null);
          }}
        />
      ) : null}
      <TextAreaField label="Claim" name="claim" rows={2} value={claim} onChange={(event) => setClaim(event.target.value)} errors={errors.claim} hint="What this source says, e.g. “45 members were buried alive”." />
      <div className={styles.row}>
        <Field
          label="Fact"
          name="factKey"
          list={`${id}-facts`}
          value={factKey}
          onChange={(event) => setFactKey(event.target.value)}
          errors={errors.factKey}
          hint="Optional. Name a figure to compare, e.g. death toll."
        />
        <Field label="Value" name="factValue" value={factValue} onChange={(event) => setFactValue(event.target.value)} errors={errors.factValue} hint="What this source reports, e.g. 45." />
      </div>
      <datalist id={`${id}-facts`}>
        {factKeys.map((key) => (
          <option key={key} value={key} />
        ))}
      </datalist>
      <Field label="Report URL" name="reportUrl" type="url" value={reportUrl} onChange={(event) => setReportUrl(event.target.value)} errors={errors.reportUrl} hint="Optional. Where this source published it." />
      <SourcePicker
        label="Via"
        value={via}
        onChange={setVia}
        onCreate={(name) => setCreating({ for: "via", name })}
        excludeId={source?.id}
        errors={errors.viaSourceId}
        hint="Optional. The source that relayed the claim (an anonymous source told ABNA → via ABNA)."
      />
      {creating?.for === "via" ? (
        <NewSourceForm
          name={creating.name}
          onCancel={() => setCreating(null)}
          onCreated={(created) => {
            setVia(created);
            setCreating(null);
          }}
        />
      ) : null}
      <div className={styles.inlineActions}>
        <button type="button" className={`${ui.button} ${ui.small}`} onClick={save}>
          {initial ? "Save citation" : "Add citation"}
        </button>
        <button type="button" className={`${ui.buttonQuiet} ${ui.small}`} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}

export function CitationsEditor({
  citations,
  onChange,
  editable,
  errors,
}: {
  citations: EditorCitation[];
  onChange: (citations: EditorCitation[]) => void;
  editable: boolean;
  errors?: string[];
}) {
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const factKeys = [...new Set(citations.map((citation) => citation.factKey).filter(Boolean))];
  const conflicts = citationsByFact(
    citations.map((citation) => ({ factKey: citation.factKey, factValue: citation.factValue, sourceName: citation.source.shortName || citation.source.name })),
  ).filter((fact) => fact.differ);

  const move = (index: number, by: number) => {
    const next = [...citations];
    const [item] = next.splice(index, 1);
    if (!item) return;
    next.splice(index + by, 0, item);
    onChange(next);
  };

  return (
    <section className={ui.panel} aria-labelledby="citations-heading">
      <h2 id="citations-heading" className={ui.panelTitle}>
        Sources and claims {citations.length > 0 ? `(${citations.length})` : ""}
      </h2>
      {errors?.length ? (
        <p className={fieldStyles.error} role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
      {conflicts.map((fact) => (
        <p key={fact.factKey} className={styles.differNote}>
          Readers will see “Reports differ” on the {fact.factKey}: {fact.reports.map((report) => `${report.value} (${report.sources.join(", ")})`).join(" vs ")}.
        </p>
      ))}
      {citations.length === 0 && editing !== "new" ? <p className={ui.muted}>No claims cited yet.</p> : null}
      <ol className={styles.citations}>
        {citations.map((citation, index) =>
          editing === citation.key ? (
            <li key={citation.key}>
              <CitationForm
                initial={citation}
                factKeys={factKeys}
                onCancel={() => setEditing(null)}
                onSave={(saved) => {
                  onChange(citations.map((entry) => (entry.key === saved.key ? saved : entry)));
                  setEditing(null);
                }}
              />
            </li>
          ) : (
            <li key={citation.key} className={styles.citation}>
              <p className={styles.citationSource}>
                <strong dir="auto">{sourceDisplayName(citation.source)}</strong>
                {citation.via ? <span className={ui.muted}> via {sourceDisplayName(citation.via)}</span> : null}
              </p>
              <p className={styles.citationClaim} dir="auto">
                “{citation.claim}”
              </p>
              {citation.factKey ? (
                <p className={styles.citationFact}>
                  {citation.factKey}: <strong>{citation.factValue}</strong>
                </p>
              ) : null}
              {citation.reportUrl ? (
                <p className={styles.citationFact}>
                  <a href={citation.reportUrl} target="_blank" rel="noopener noreferrer">
                    Report
                  </a>
                </p>
              ) : null}
              {editable ? (
                <div className={styles.citationActions}>
                  <button type="button" className={`${ui.buttonQuiet} ${ui.small}`} onClick={() => setEditing(citation.key)} aria-label={`Edit citation ${index + 1}`}>
                    Edit
                  </button>
                  <button
                    type="button"
                    className={`${ui.buttonQuiet} ${ui.small}`}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                    aria-label={`Move citation ${index + 1} up`}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className={`${ui.buttonQuiet} ${ui.small}`}
                    disabled={index === citations.length - 1}
                    onClick={() => move(index, 1)}
                    aria-label={`Move citation ${index + 1} down`}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className={`${ui.buttonQuiet} ${ui.small}`}
                    onClick={() => onChange(citations.filter((entry) => entry.key !== citation.key))}
                    aria-label={`Remove citation ${index + 1}`}
                  >
                    Remove
                  </button>
                </div>
              ) : null}
            </li>
          ),
        )}
      </ol>
      {editing === "new" ? (
        <CitationForm
          initial={null}
          factKeys={factKeys}
          onCancel={() => setEditing(null)}
          onSave={(saved) => {
            onChange([...citations, saved]);
            setEditing(null);
          }}
        />
      ) : editable ? (
        <button type="button" className={`${ui.buttonSecondary} ${ui.small}`} onClick={() => setEditing("new")} disabled={editing !== null}>
          Cite a source
        </button>
      ) : null}
    </section>
  );
}
