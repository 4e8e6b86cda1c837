"use client";

import { useActionState } from "react";
import { createBanAction } from "@/app/(dashboard)/dashboard/moderation/bans/actions";
import styles from "@/components/admin/admin.module.css";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idle } from "@/lib/action-state";

/** A ban typed in by hand: an email address, an IP hash copied from a comment, or both. */
export function BanForm() {
  const [state, action, pending] = useActionState(createBanAction, idle);
  // React empties the form after each submission; a refused one gets what was typed back.
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={action} className={styles.card} noValidate>
      <h2 className={styles.cardTitle}>Ban an author</h2>
      <p className={styles.cardLede}>Their new comments go straight to Spam. Usually quicker from a comment in the queue (Ban, or b).</p>
      <FormMessage state={state} />
      <div className={styles.grid}>
        <Field
          label="Email address"
          name="email"
          type="email"
          autoComplete="off"
          hint="As the commenter gave it; case does not matter."
          defaultValue={values?.email}
          errors={state.errors?.email}
        />
        <Field
          label="IP hash"
          name="ipHash"
          autoComplete="off"
          hint="As shown on a comment; addresses themselves are never stored."
          defaultValue={values?.ipHash}
          errors={state.errors?.ipHash}
        />
        <Field label="Reason (staff only)" name="reason" className={styles.wide} defaultValue={values?.reason} errors={state.errors?.reason} maxLength={500} />
      </div>
      <div className={styles.buttons}>
        <button type="submit" className={styles.primary} disabled={pending}>
          {pending ? "Banning…" : "Ban"}
        </button>
      </div>
    </form>
  );
}
