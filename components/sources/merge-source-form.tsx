"use client";

import { useActionState, useState } from "react";
import { mergeSourceAction } from "@/app/(dashboard)/dashboard/sources/actions";
import { idle } from "@/lib/action-state";
import type { SourceChoice } from "@/lib/services/sources";
import { FormMessage } from "@/components/ui/form-message";
import { SourcePicker } from "@/components/editor/source-picker";
import ui from "@/components/dashboard/desk-ui.module.css";

/** Folds this entry into another: its citations move there, then this entry is gone. */
export function MergeSourceForm({ id, name, uses }: { id: string; name: string; uses: number }) {
  const [state, action, pending] = useActionState(mergeSourceAction, idle);
  const [target, setTarget] = useState<SourceChoice | null>(null);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (target && !window.confirm(`Merge “${name}” into “${target.name}”? ${uses} citation(s) move over and “${name}” is removed.`)) event.preventDefault();
      }}
      noValidate
    >
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <SourcePicker label="Merge into" name="intoId" value={target} onChange={setTarget} excludeId={id} errors={state.errors?.intoId} hint="The entry to keep. Search by name." />
      <button type="submit" className={ui.buttonSecondary} disabled={pending}>
        {pending ? "Merging…" : "Merge"}
      </button>
    </form>
  );
}
