"use client";

import Link from "next/link";
import { useActionState, useId, type TextareaHTMLAttributes } from "react";
import { saveModerationSettingsAction, saveSiteSettingsAction } from "@/app/(dashboard)/dashboard/settings/actions";
import { SelectField } from "@/components/dashboard/controls";
import { Field } from "@/components/ui/field";
import fieldStyles from "@/components/ui/field.module.css";
import { FormMessage } from "@/components/ui/form-message";
import { idle } from "@/lib/action-state";
import type { ModerationSettings, SiteSettings } from "@/lib/settings";
import styles from "./admin.module.css";

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; hint?: string; errors?: string[] };

/** Field's twin for multi-line text: label, hint and errors tied to the textarea. */
function TextAreaField({ label, name, hint, errors, ...textarea }: TextAreaProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={fieldStyles.field}>
      <label htmlFor={id} className={fieldStyles.label}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className={fieldStyles.hint}>
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        className={styles.textarea}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        spellCheck={false}
        {...textarea}
      />
      {errorId ? (
        <p id={errorId} className={fieldStyles.error}>
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

const modes = [
  { value: "ALL", label: "Hold every comment", hint: "Nothing is published until a moderator approves it." },
  { value: "RETURNING", label: "Trust returning commenters", hint: "Publish at once when the email already has an approved comment; hold the rest." },
  { value: "NONE", label: "Publish at once", hint: "Only the rules below hold or block a comment." },
] as const;

export function ModerationSettingsForm({ value, version }: { value: ModerationSettings; version: string }) {
  const [state, action, pending] = useActionState(saveModerationSettingsAction, idle);
  const typed = state.status === "error" ? state.values : undefined;
  const modeErrorId = useId();
  const currentMode = typed?.mode ?? value.mode;
  return (
    <form action={action} className={styles.card} noValidate aria-labelledby="moderation-rules-title">
      <h2 id="moderation-rules-title" className={styles.cardTitle}>
        Moderation rules
      </h2>
      <p className={styles.cardLede}>
        Applied to every new comment. Bans of emails and IP hashes are kept under <Link href="/dashboard/moderation/bans">Moderation → Bans</Link>.
      </p>
      <FormMessage state={state} />
      <input type="hidden" name="version" value={version} />
      <fieldset className={styles.fieldset} aria-describedby={state.errors?.mode ? modeErrorId : undefined}>
        <legend className={styles.legend}>New comments</legend>
        {modes.map((mode) => (
          <label key={mode.value} className={styles.choice}>
            <input type="radio" name="mode" value={mode.value} defaultChecked={currentMode === mode.value} />
            <span>
              {mode.label}
              <span className={styles.choiceHint}>{mode.hint}</span>
            </span>
          </label>
        ))}
        {state.errors?.mode ? (
          <p id={modeErrorId} className={styles.fieldError}>
            {state.errors.mode.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <div className={styles.grid}>
        <Field
          label="Hold at this many links"
          name="linkHoldThreshold"
          inputMode="numeric"
          hint="A comment with at least this many links waits for a moderator. 0 turns this off."
          defaultValue={typed?.linkHoldThreshold ?? String(value.linkHoldThreshold)}
          errors={state.errors?.linkHoldThreshold}
        />
        <Field
          label="Comments a minute"
          name="rateLimitPerMinute"
          inputMode="numeric"
          hint="Per IP address and, separately, per email. Beyond it readers are asked to wait."
          defaultValue={typed?.rateLimitPerMinute ?? String(value.rateLimitPerMinute)}
          errors={state.errors?.rateLimitPerMinute}
        />
        <Field
          label="Close comments after (days)"
          name="closeAfterDays"
          inputMode="numeric"
          hint="Days after publication; 0 keeps comments open."
          defaultValue={typed?.closeAfterDays ?? String(value.closeAfterDays)}
          errors={state.errors?.closeAfterDays}
        />
      </div>
      <div className={styles.grid}>
        <TextAreaField
          label="Hold words"
          name="holdWords"
          hint="One per line. A comment with any of these whole words waits in Pending."
          defaultValue={typed?.holdWords ?? value.holdWords.join("\n")}
          errors={state.errors?.holdWords}
        />
        <TextAreaField
          label="Block words"
          name="blockWords"
          hint="One per line. A comment with any of these whole words goes straight to Spam."
          defaultValue={typed?.blockWords ?? value.blockWords.join("\n")}
          errors={state.errors?.blockWords}
        />
      </div>
      <div className={styles.buttons}>
        <button type="submit" className={styles.primary} disabled={pending}>
          {pending ? "Saving…" : "Save moderation rules"}
        </button>
      </div>
    </form>
  );
}

/** `timeZones`: the zones the server knows, so the list offers only names the server will accept. */
export function SiteSettingsForm({ value, version, timeZones }: { value: SiteSettings; version: string; timeZones: string[] }) {
  const [state, action, pending] = useActionState(saveSiteSettingsAction, idle);
  const typed = state.status === "error" ? state.values : undefined;
  return (
    <form action={action} className={styles.card} noValidate aria-labelledby="site-settings-title">
      <h2 id="site-settings-title" className={styles.cardTitle}>
        Site
      </h2>
      <p className={styles.cardLede}>The name and tagline are shown in the masthead and footer of every public page.</p>
      <FormMessage state={state} />
      <input type="hidden" name="version" value={version} />
      <div className={styles.grid}>
        <Field label="Site name" name="name" required maxLength={80} defaultValue={typed?.name ?? value.name} errors={state.errors?.name} />
        <Field label="Tagline" name="tagline" maxLength={160} defaultValue={typed?.tagline ?? value.tagline} errors={state.errors?.tagline} />
        <SelectField
          label="Time zone"
          name="timeZone"
          defaultValue={typed?.timeZone ?? value.timeZone}
          hint="The newsroom’s clock: every date on the site and the dashboard is shown in it, and the schedule picker reads times in it."
          errors={state.errors?.timeZone}
        >
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </SelectField>
      </div>
      <div className={styles.buttons}>
        <button type="submit" className={styles.primary} disabled={pending}>
          {pending ? "Saving…" : "Save site settings"}
        </button>
      </div>
    </form>
  );
}
