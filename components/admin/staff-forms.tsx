"use client";

import { useActionState, useId } from "react";
import { changeRoleAction, createStaffAction, resetPasswordAction, setActiveAction } from "@/app/(dashboard)/dashboard/users/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idle } from "@/lib/action-state";
import type { Role } from "@/lib/generated/prisma/enums";
import { roleLabels } from "@/lib/roles";
import { MIN_PASSWORD, roles } from "@/lib/validation/staff";
import styles from "./admin.module.css";

const roleHints: Record<Role, string> = {
  ADMIN: "Everything, including staff accounts and site settings.",
  EDITOR: "Edits and publishes any story; moderates comments.",
  WRITER: "Drafts stories and sends them for review.",
  MODERATOR: "Works the comment queues and bans abusers.",
};

function RoleChoices({ name, current, errors, hideLegend }: { name: string; current?: string; errors?: string[]; hideLegend?: boolean }) {
  const id = useId();
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <fieldset className={styles.fieldset} aria-describedby={errorId}>
      <legend className={hideLegend ? "visually-hidden" : styles.legend}>Role</legend>
      {roles.map((role) => (
        <label key={role} className={styles.choice}>
          <input type="radio" name={name} value={role} defaultChecked={current === role} />
          <span>
            {roleLabels[role]}
            <span className={styles.choiceHint}>{roleHints[role]}</span>
          </span>
        </label>
      ))}
      {errorId ? (
        <p id={errorId} className={styles.fieldError}>
          {errors?.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

export function CreateStaffForm() {
  const [state, action, pending] = useActionState(createStaffAction, idle);
  return (
    <form action={action} className={styles.card} noValidate>
      <FormMessage state={state} />
      <div className={styles.grid}>
        <Field label="Name" name="name" autoComplete="off" required defaultValue={state.values?.name} errors={state.errors?.name} />
        <Field label="Email" name="email" type="email" autoComplete="off" required defaultValue={state.values?.email} errors={state.errors?.email} />
      </div>
      <RoleChoices name="role" current={state.values?.role ?? "WRITER"} errors={state.errors?.role} />
      <Field
        label="Initial password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD}
        hint={`At least ${MIN_PASSWORD} characters. Give it to them privately; it is stored only as an argon2 hash.`}
        errors={state.errors?.password}
      />
      <div className={styles.buttons}>
        <button type="submit" className={styles.primary} disabled={pending}>
          {pending ? "Creating…" : "Create account"}
        </button>
      </div>
    </form>
  );
}

export function RoleForm({ userId, role, isSelf }: { userId: string; role: Role; isSelf: boolean }) {
  const [state, action, pending] = useActionState(changeRoleAction, idle);
  return (
    <form action={action} className={styles.card} noValidate>
      <h2 className={styles.cardTitle}>Role</h2>
      <p className={styles.cardLede}>
        A new role takes effect at once: their open sessions end and they sign in again.
        {isSelf ? " This is your own account: you will be signed out." : ""}
      </p>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <RoleChoices name="role" current={state.values?.role ?? role} errors={state.errors?.role} hideLegend />
      <div className={styles.buttons}>
        <button type="submit" className={styles.primary} disabled={pending}>
          {pending ? "Saving…" : "Save role"}
        </button>
      </div>
    </form>
  );
}

export function AccessForm({ userId, active, name }: { userId: string; active: boolean; name: string }) {
  const [state, action, pending] = useActionState(setActiveAction, idle);
  return (
    <form action={action} className={styles.card}>
      <h2 className={styles.cardTitle}>Access</h2>
      <p className={styles.cardLede}>
        {active
          ? `Deactivating signs ${name} out everywhere at once and stops them signing in. Their stories and bylines stay.`
          : `${name} cannot sign in. Reactivating lets them sign in again with their password.`}
      </p>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <div className={styles.buttons}>
        <button type="submit" className={active ? styles.danger : styles.primary} disabled={pending}>
          {active ? "Deactivate account" : "Reactivate account"}
        </button>
      </div>
    </form>
  );
}

export function PasswordForm({ userId, isSelf }: { userId: string; isSelf: boolean }) {
  const [state, action, pending] = useActionState(resetPasswordAction, idle);
  return (
    <form action={action} className={styles.card} noValidate>
      <h2 className={styles.cardTitle}>Reset password</h2>
      <p className={styles.cardLede}>
        Sets a new password and ends their open sessions. Share it with them privately.
        {isSelf ? " This is your own account: you will be signed out." : ""}
      </p>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD}
        hint={`At least ${MIN_PASSWORD} characters.`}
        errors={state.errors?.password}
      />
      <div className={styles.buttons}>
        <button type="submit" className={styles.primary} disabled={pending}>
          {pending ? "Saving…" : "Reset password"}
        </button>
      </div>
    </form>
  );
}
