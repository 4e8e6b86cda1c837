"use client";

import { useActionState } from "react";
import { signInAction } from "@/app/(auth)/login/actions";
import { idle } from "@/lib/action-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import styles from "./sign-in.module.css";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(signInAction, idle);
  return (
    <form action={action} className={styles.form} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
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
