"use client";

import { useActionState } from "react";
import { liftBanAction } from "@/app/(dashboard)/dashboard/moderation/bans/actions";
import styles from "@/components/admin/admin.module.css";
import { idle } from "@/lib/action-state";

export function LiftBanButton({ banId, target }: { banId: string; target: string }) {
  const [state, action, pending] = useActionState(liftBanAction, idle);
  return (
    <form action={action}>
      <input type="hidden" name="banId" value={banId} />
      <button type="submit" className={styles.secondary} disabled={pending} aria-label={`Unban ${target}`}>
        {pending ? "Lifting…" : "Unban"}
      </button>
      {state.status === "error" ? (
        <p className={styles.fieldError} role="status">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
