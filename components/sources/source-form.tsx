"use client";

import { useActionState } from "react";
import { createSourceAction, updateSourceAction } from "@/app/(dashboard)/dashboard/sources/actions";
import { idle } from "@/lib/action-state";
import { sourceKindLabels } from "@/lib/source-labels";
import { sourceKinds } from "@/lib/validation/source";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField, TextAreaField } from "@/components/dashboard/controls";
import ui from "@/components/dashboard/desk-ui.module.css";
import styles from "./sources.module.css";

export interface SourceFormValues {
  id?: string;
  name: string;
  shortName: string;
  kind: string;
  url: string;
  description: string;
  notes: string;
}

/** Create or edit a registry entry. A refused save keeps everything typed. */
export function SourceForm({ source }: { source?: SourceFormValues }) {
  const [state, action, pending] = useActionState(source?.id ? updateSourceAction : createSourceAction, idle);
  const value = (key: keyof SourceFormValues) => (state.status === "error" ? state.values?.[key] : undefined) ?? source?.[key] ?? "";
  return (
    <form action={action} className={`${ui.panel} ${styles.form}`} noValidate>
      <FormMessage state={state} />
      {source?.id ? <input type="hidden" name="id" value={source.id} /> : null}
      <Field label="Name" name="name" defaultValue={value("name")} errors={state.errors?.name} required />
      <div className={styles.row}>
        <Field label="Short name" name="shortName" defaultValue={value("shortName")} errors={state.errors?.shortName} hint="How stories refer to it, e.g. ABNA." />
        <SelectField label="Kind" name="kind" defaultValue={value("kind")} errors={state.errors?.kind} key={value("kind")}>
          <option value="">Choose…</option>
          {sourceKinds.map((kind) => (
            <option key={kind} value={kind}>
              {sourceKindLabels[kind]}
            </option>
          ))}
        </SelectField>
      </div>
      <Field label="Web address" name="url" type="url" defaultValue={value("url")} errors={state.errors?.url} hint="The source’s home page, if it has one." />
      <Field
        label="How readers see it"
        name="description"
        defaultValue={value("description")}
        errors={state.errors?.description}
        hint="For anonymous sources this is all readers are told, e.g. “an anonymous provincial source”."
      />
      <TextAreaField
        label="Staff notes"
        name="notes"
        rows={4}
        defaultValue={value("notes")}
        errors={state.errors?.notes}
        hint="Only staff ever see these: reliability, who the contact is, what to check."
      />
      <button type="submit" className={ui.button} disabled={pending}>
        {pending ? "Saving…" : source?.id ? "Save source" : "Add source"}
      </button>
    </form>
  );
}
