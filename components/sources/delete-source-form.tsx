"use client";

import { useActionState } from "react";
import { deleteSourceAction } from "@/app/(dashboard)/dashboard/sources/actions";
import { idle } from "@/lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import ui from "@/components/dashboard/desk-ui.module.css";

export function DeleteSourceForm({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState(deleteSourceAction, idle);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(`Delete “${name}” from the registry?`)) event.preventDefault();
      }}
    >
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={ui.buttonDanger} disabled={pending}>
        {pending ? "Deleting…" : "Delete source"}
      </button>
    </form>
  );
}
