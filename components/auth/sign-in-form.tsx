"use client";

import { useActionState, useEffect, useRef } from "react";
import { signInAction } from "@/app/(auth)/login/actions";
import { idle } from "@/lib/action-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import styles from "./sign-in.module.css";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(signInAction, idle);
  const form = useRef<HTMLFormElement>(null);
  // After a refusal, straight back to what needs typing: the field in error, else the password (the email is kept).
  useEffect(() => {
    if (state.status !== "error") return;
    const field = form.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]') ?? form.current?.querySelector<HTMLInputElement>('input[name="password"]');
    field?.focus();
  }, [state]);
  return (
    <form ref={form} action={action} className={styles.form} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        // Staff open this page to sign in: the first field is where they start typing.
        autoFocus
        defaultValue={state.values?.email}
        errors={state.errors?.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.errors?.password}
      />
      <button type="submit" className={styles.submit} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
