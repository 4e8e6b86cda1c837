"use client";

import { useActionState, useEffect, useEffectEvent, useId, useSyncExternalStore } from "react";
import { postCommentAction } from "@/app/(public)/articles/[slug]/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import fieldStyles from "@/components/ui/field.module.css";
import { initialCommentFormState, type CommentFormState } from "@/lib/comment-form-state";
import { AUTHOR_NAME_MAX_LENGTH, COMMENT_MAX_LENGTH } from "@/lib/validation/comment-limits";
import { CommentText } from "./comment-text";
import { rememberHeldComment } from "./own-comments";
import { COMMENT_FORM_ID, useReplyTarget, type ReplyTarget } from "./reply-context";
import styles from "./comments.module.css";

const noSubscription = () => () => {};

/** A fresh key per comment, so a retried post is stored once (crypto.randomUUID needs a secure context; this does not). */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `form-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

interface Props {
  articleSlug: string;
  /** On the reply page, the comment being answered, quoted above the form (without JavaScript the parent comes from the address). */
  fixedParent?: Omit<ReplyTarget, "excerpt">;
  headingLevel?: 2 | 3;
}

/*
 * The block is a plain <div>, not a labelled region: its heading says
 * "comment", and a region named so would answer to the label "Comment" as
 * well as the comment box does.
 */

/**
 * The reader's comment form. It is a plain form posting to a server action:
 * without JavaScript the browser posts it and gets the page back with the
 * outcome; with JavaScript it posts in place, keeps the page, and can become a
 * reply to any comment of the thread.
 */
export function CommentForm({ articleSlug, fixedParent, headingLevel = 2 }: Props) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const { target, replyTo } = useReplyTarget();
  const parent = fixedParent ?? target;
  const [state, action, pending] = useActionState(postCommentAction, initialCommentFormState);
  const bodyId = useId();
  const trapId = useId();
  const bodyErrorId = state.errors?.body?.length ? `${bodyId}-error` : undefined;
  const parentError = state.errors?.parentId?.join(" ");
  // A new comment gets a new key once the last one has been stored, or once the server says this key already
  // was (a post whose answer never arrived), so posting again adds the comment instead of being refused again.
  const keyGeneration = state.posted?.id ?? (state.code === "idempotency_key_reused" ? `spent: ${state.values?.body ?? ""}` : "first");
  // With JavaScript, the browser remembers a held comment and the list above the form shows it, after a reload too.
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);
  const posted = state.posted;
  const remember = useEffectEvent((held: NonNullable<CommentFormState["posted"]>) =>
    rememberHeldComment({
      id: held.id,
      articleSlug,
      authorName: held.authorName,
      body: held.body,
      parent: parent && parent.id === held.parentId ? { id: parent.id, authorName: parent.authorName } : null,
      postedAt: new Date().toISOString(),
    }),
  );
  useEffect(() => {
    if (posted?.outcome === "awaiting-moderation") remember(posted);
  }, [posted]);

  return (
    <div id={COMMENT_FORM_ID} className={styles.respond}>
      <Heading id={`${COMMENT_FORM_ID}-heading`} className={styles.respondHeading}>
        {parent ? (
          <>
            Reply to <bdi>{parent.authorName}</bdi>
          </>
        ) : (
          "Leave a comment"
        )}
      </Heading>
      {target && !fixedParent ? (
        <>
          <figure className={styles.replyingTo}>
            <figcaption>
              <bdi>{target.authorName}</bdi> wrote:
            </figcaption>
            <blockquote dir="auto">{target.excerpt}</blockquote>
          </figure>
          <p className={styles.replying}>
            Your comment will appear as a reply.{" "}
            <button type="button" className={styles.linkButton} onClick={() => replyTo(null)}>
              Cancel reply
            </button>
          </p>
        </>
      ) : null}

      <form action={action} noValidate className={styles.form}>
        <FormMessage state={state} />
        {posted?.outcome === "awaiting-moderation" && !scripted ? (
          // Without JavaScript nothing is remembered: the answer to the post is where the reader sees what they sent.
          <div className={styles.pendingPreview}>
            <p className={styles.pendingMeta}>
              <bdi>{posted.authorName}</bdi> · <span className={styles.awaitingBadge}>Awaiting moderation</span>
            </p>
            <CommentText text={posted.body} />
          </div>
        ) : null}
        {parentError ? <p className={styles.parentError}>{parentError}</p> : null}

        <p className={styles.notes}>All fields are required. Comments are plain text; web addresses become links.</p>
        <input type="hidden" name="article" value={articleSlug} />
        <input type="hidden" name="parentId" value={parent?.id ?? ""} />
        <input
          type="hidden"
          name="idempotencyKey"
          ref={(node) => {
            if (node && node.dataset.generation !== keyGeneration) {
              node.value = newIdempotencyKey();
              node.dataset.generation = keyGeneration;
            }
          }}
        />

        <div className={styles.identity}>
          <Field
            label="Name"
            name="authorName"
            autoComplete="name"
            required
            maxLength={AUTHOR_NAME_MAX_LENGTH}
            defaultValue={state.values?.authorName}
            errors={state.errors?.authorName}
          />
          <Field
            label="Email"
            name="authorEmail"
            type="email"
            autoComplete="email"
            required
            hint="Your email address will not be published."
            defaultValue={state.values?.authorEmail}
            errors={state.errors?.authorEmail}
          />
        </div>
        <div className={fieldStyles.field}>
          <label htmlFor={bodyId} className={fieldStyles.label}>
            Comment
          </label>
          <textarea
            id={bodyId}
            name="body"
            rows={6}
            required
            maxLength={COMMENT_MAX_LENGTH}
            dir="auto"
            className={`${fieldStyles.input} ${styles.textarea}`}
            aria-invalid={bodyErrorId ? true : undefined}
            aria-describedby={bodyErrorId}
            defaultValue={state.values?.body}
          />
          {bodyErrorId ? (
            <p id={bodyErrorId} className={fieldStyles.error}>
              {state.errors?.body?.join(" ")}
            </p>
          ) : null}
        </div>

        {/* A trap for bots: hidden from people and from assistive technology. */}
        <div className={styles.trap} aria-hidden="true">
          <label htmlFor={trapId}>Website</label>
          <input id={trapId} type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>

        <p className={styles.submitRow}>
          <button type="submit" className={styles.submit} disabled={pending}>
            {pending ? "Posting…" : "Post comment"}
          </button>
          <span className={styles.policy}>Be civil: our moderators read comments and reader reports.</span>
        </p>
      </form>
    </div>
  );
}
