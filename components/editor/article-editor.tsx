"use client";

import type { JSONContent } from "@tiptap/core";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import {
  autosaveArticleAction,
  deleteArticleAction,
  heartbeatAction,
  publishArticleAction,
  saveArticleAction,
  scheduleArticleAction,
  sendBackArticleAction,
  submitArticleAction,
  unpublishArticleAction,
} from "@/app/(dashboard)/dashboard/articles/actions";
import type { CommandResult } from "@/lib/actions/staff-action";
import { autosaveStatuses } from "@/lib/article-access";
import { revisionKindLabels } from "@/lib/article-labels";
import { EDITING_HEARTBEAT_MS, editorLeavePath } from "@/lib/editing-presence";
import { describeZone, formatDateTime, formatTime, fromWallClockInput, toWallClockInput } from "@/lib/dates";
import { doneMessage, type EditorAction } from "@/lib/editor-messages";
import type { ArticleStatus, RevisionKind } from "@/lib/generated/prisma/enums";
import type { Choice, SavedArticle } from "@/lib/services/articles";
import { slugFromText } from "@/lib/slug";
import { DEK_MAX, SEND_BACK_NOTE_MAX, TITLE_MAX } from "@/lib/validation/article";
import { Dialog, dialogButtons } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import fieldStyles from "@/components/ui/field.module.css";
import { SelectField, TextAreaField } from "@/components/dashboard/controls";
import ui from "@/components/dashboard/desk-ui.module.css";
import { useNewsroomTimeZone } from "@/components/dashboard/newsroom-time-zone";
import { StatusBadge } from "@/components/dashboard/status-badge";
import { BylinePicker } from "./byline-picker";
import { CitationsEditor, type EditorCitation } from "./citations-editor";
import { FeaturedImageField, type ImageValues } from "./featured-image-field";
import { RichTextEditor } from "./rich-text-editor";
import { copiesLeftFor, dropCopy, keepCopy, newCreationKey, newSessionKey, type StoryValues, type UnsavedCopy } from "./unsaved-copy";
import type { UploadedImage } from "./upload";
import styles from "./editor.module.css";

/**
 * The article editor. It holds the whole story in the browser and sends it,
 * with the version it was loaded at, through one server action per workflow
 * button; the server refuses a stale version, and on any refusal the form
 * keeps everything that was typed. Drafts save themselves a few seconds after
 * the last keystroke; live stories change only when someone presses Update.
 * Whatever the server does not have yet is also kept in the browser
 * (./unsaved-copy.ts), so a failed save offers Retry and a closed or crashed
 * tab offers the text back next time.
 */

export interface EditorInitial {
  id: string | null;
  version: number | null;
  status: ArticleStatus;
  deleted: boolean;
  title: string;
  dek: string;
  slug: string;
  /** The slug is still made from the title (nobody typed one): it follows the title until first publication. */
  slugFollowsTitle: boolean;
  sectionId: string;
  tags: string;
  bylines: Choice[];
  image: UploadedImage | null;
  imageAlt: string;
  imageCaption: string;
  imageCredit: string;
  body: JSONContent;
  citations: EditorCitation[];
  publishedAt: string | null;
  scheduledFor: string | null;
  lastSave: { authorName: string | null; at: string; kind: RevisionKind } | null;
  /** An editor's note the writer still has to act on: the story came back from review. */
  sentBack: { note: string; by: string | null; at: string } | null;
}

interface Props {
  initial: EditorInitial;
  /** The signed-in staff member: the browser's unsaved copies are theirs alone. */
  userId: string;
  sections: Choice[];
  bylineChoices: Choice[];
  canEdit: boolean;
  canPublish: boolean;
  otherEditor: string | null;
  /** What the last workflow button did, said once after the page reloaded with the new state. */
  done?: { action: EditorAction; at: string } | null;
  /** Extra panels for the side column (corrections), rendered on the server. */
  children?: ReactNode;
}

type Values = StoryValues;

interface Meta {
  id: string | null;
  version: number | null;
  status: ArticleStatus;
  slug: string;
  publishedAt: string | null;
  scheduledFor: string | null;
}

type Action = "save" | "autosave" | "submit" | "sendBack" | "publish" | "schedule" | "unpublish";
type Errors = Record<string, string[] | undefined>;
/** What this browser holds of the changes the server does not have (null: there are none). */
type LocalCopy = "kept" | "not kept" | null;
/** `retry`: the save that failed, offered again with a button; `localCopy`: what the browser kept meanwhile. */
type Message = { tone: "success" | "error"; text: string; link?: { href: string; label: string }; retry?: Action; localCopy?: LocalCopy };

const localCopyNotes: Record<"kept" | "not kept", string> = {
  kept: "Your changes are kept in this browser until the server has them.",
  "not kept": "This browser would not keep a copy of your changes, so keep this page open until a save goes through.",
};

const noSubscription = () => () => {};

function payloadOf(values: Values, slugAuto: boolean) {
  return {
    title: values.title,
    dek: values.dek,
    body: values.body as { type: "doc"; content?: Record<string, unknown>[] },
    sectionId: values.sectionId || null,
    slug: values.slug,
    slugAuto,
    tags: values.tags.split(",").map((tag) => tag.trim()).filter(Boolean),
    bylineIds: values.bylines.map((person) => person.id),
    featuredImageId: values.image?.id ?? null,
    imageAlt: values.imageAlt,
    imageCaption: values.imageCaption,
    imageCredit: values.imageCredit,
    citations: values.citations.map((citation) => ({
      sourceId: citation.source.id,
      viaSourceId: citation.via?.id ?? null,
      claim: citation.claim,
      factKey: citation.factKey,
      factValue: citation.factValue,
      reportUrl: citation.reportUrl,
    })),
  };
}

function RetryButton({ action, disabled, onRetry }: { action: Action; disabled: boolean; onRetry: (action: Action) => void }) {
  return (
    <button type="button" className={`${ui.buttonSecondary} ${ui.small}`} disabled={disabled} onClick={() => onRetry(action)}>
      Retry
    </button>
  );
}

export function ArticleEditor({ initial, userId, sections, bylineChoices, canEdit, canPublish, otherEditor: initialOtherEditor, done, children }: Props) {
  const router = useRouter();
  const scheduleId = useId();
  // Every time here is on the newsroom's clock, whatever this browser's zone: the schedule picker most of all.
  const timeZone = useNewsroomTimeZone();
  const [values, setValues] = useState<Values>({
    title: initial.title,
    dek: initial.dek,
    slug: initial.slug,
    sectionId: initial.sectionId,
    tags: initial.tags,
    bylines: initial.bylines,
    image: initial.image,
    imageAlt: initial.imageAlt,
    imageCaption: initial.imageCaption,
    imageCredit: initial.imageCredit,
    body: initial.body,
    citations: initial.citations,
  });
  const [meta, setMeta] = useState<Meta>({
    id: initial.id,
    version: initial.version,
    status: initial.status,
    slug: initial.slug,
    publishedAt: initial.publishedAt,
    scheduledFor: initial.scheduledFor,
  });
  // A slug that is still the title's own follows the title until someone types one (or readers have seen it).
  const [slugTouched, setSlugTouched] = useState(initial.publishedAt !== null || !initial.slugFollowsTitle);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<Message | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState<Action | null>(null);
  const [autosave, setAutosave] = useState<{ state: "idle" | "saving" | "saved" | "paused"; at?: Date }>({ state: "idle" });
  const [scheduleAt, setScheduleAt] = useState(initial.scheduledFor ? toWallClockInput(new Date(initial.scheduledFor), timeZone) : "");
  const [otherEditor, setOtherEditor] = useState(initialOtherEditor);
  const [newerVersion, setNewerVersion] = useState<string | null>(null);
  const [lastAction, setLastAction] = useState<Action>("save");
  const [doneSeen, setDoneSeen] = useState<string | null>(null);
  // The two questions the editor asks before a step that is hard to take back.
  const [asking, setAsking] = useState<"publish" | "sendBack" | null>(null);
  const [sendBackNote, setSendBackNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  // The body editor starts from this document; restoring a kept copy starts it again (a new key remounts it).
  const [bodyStart, setBodyStart] = useState({ document: initial.body, key: 0 });
  const [session] = useState(newSessionKey);
  // A story not saved yet is created with this key, so a create sent again (Retry, a lost answer) finds it.
  const [firstCreationKey] = useState(newCreationKey);
  const creationKey = useRef(firstCreationKey);
  const [handledCopies, setHandledCopies] = useState<string[]>([]);
  const doneNotice: Message | null =
    done && done.at !== doneSeen
      ? {
          tone: "success" as const,
          text: doneMessage(done.action, initial.status, initial.scheduledFor ? formatDateTime(new Date(initial.scheduledFor), timeZone) : null),
          link: initial.status === "PUBLISHED" ? { href: `/articles/${initial.slug}`, label: "View on site" } : undefined,
        }
      : null;
  const shownMessage = message ?? doneNotice;

  const slugAuto = !slugTouched && meta.publishedAt === null;
  const payload = useMemo(() => payloadOf(values, slugAuto), [values, slugAuto]);
  const serialized = useMemo(() => JSON.stringify(payload), [payload]);
  const [baseline, setBaseline] = useState(() => JSON.stringify(payloadOf({ ...values }, slugAuto)));
  const dirty = serialized !== baseline;

  // Saves run one at a time, each with the version the previous one left: an autosave
  // in flight can never make the next click look stale.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const metaRef = useRef(meta);
  const payloadRef = useRef(payload);
  const pending = useRef(0);
  useEffect(() => {
    metaRef.current = meta;
    payloadRef.current = payload;
  });

  const editable = canEdit && !initial.deleted;
  const statusNow = meta.id ? meta.status : null;

  // Whatever the server does not have yet is kept in this browser, and let go once the server has it.
  const localCopy = useRef<LocalCopy>(null);
  useEffect(() => {
    if (!editable) return;
    if (dirty) {
      localCopy.current = keepCopy({ owner: userId, session, storyId: meta.id, baseVersion: meta.version, slugTouched, values, creationKey: creationKey.current })
        ? "kept"
        : "not kept";
    } else {
      dropCopy(userId, session);
      localCopy.current = null;
    }
  }, [editable, dirty, values, slugTouched, userId, session, meta.id, meta.version]);

  // Copies an earlier visit left (a failed save, a closed or crashed tab), read once the page runs in the browser.
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  const leftCopies = useMemo(
    () => (inBrowser && editable ? copiesLeftFor(userId, initial.id, session) : []),
    [inBrowser, editable, userId, initial.id, session],
  );
  const offeredCopy: UnsavedCopy | null =
    meta.id === initial.id ? (leftCopies.find((copy) => !handledCopies.includes(copy.session)) ?? null) : null;

  const restoreCopy = (copy: UnsavedCopy) => {
    // Saved against the version the changes were made on, so a newer save by anyone meets the usual conflict, not an overwrite.
    const baseVersion = copy.storyId ? copy.baseVersion : meta.version;
    // A story the other tab was creating may have reached the server without the answer reaching the tab: same key, same story.
    if (!copy.storyId && copy.creationKey) creationKey.current = copy.creationKey;
    keepCopy({ owner: userId, session, storyId: meta.id, baseVersion, slugTouched: copy.slugTouched, values: copy.values, creationKey: creationKey.current });
    dropCopy(userId, copy.session);
    setHandledCopies((handled) => [...handled, copy.session]);
    setValues(copy.values);
    setSlugTouched(copy.slugTouched);
    setBodyStart((current) => ({ document: copy.values.body, key: current.key + 1 }));
    const next = { ...metaRef.current, version: baseVersion };
    metaRef.current = next;
    setMeta(next);
    setMessage({ tone: "success", text: "Your unsaved changes are back in the editor. They reach the server with the next save." });
  };

  const discardCopy = (copy: UnsavedCopy) => {
    dropCopy(userId, copy.session);
    setHandledCopies((handled) => [...handled, copy.session]);
  };

  const update = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((current) => {
      const next = { ...current, [key]: value };
      if (key === "title" && !slugTouched && meta.publishedAt === null) next.slug = slugFromText(String(value));
      return next;
    });

  const perform = useCallback(
    (action: Action): Promise<void> => {
      const job = queue.current.then(async () => {
        const sent = payloadRef.current;
        const { id, version } = metaRef.current;
        const target = { ...sent, ...(id ? { id } : { creationKey: creationKey.current }), ...(version ? { version } : {}) };
        pending.current += 1;
        if (action === "autosave") setAutosave({ state: "saving" });
        else setBusy(action);
        let result: CommandResult<SavedArticle>;
        try {
          if (action === "schedule") {
            if (!scheduleAt) {
              setErrors({ scheduledFor: ["Pick the date and time to publish."] });
              setMessage({ tone: "error", text: "Pick when the story should go live." });
              return;
            }
            const scheduledFor = fromWallClockInput(scheduleAt, timeZone);
            if (!scheduledFor) {
              setErrors({ scheduledFor: ["Pick a date and time that exist on the calendar."] });
              setMessage({ tone: "error", text: "Pick when the story should go live." });
              return;
            }
            result = await scheduleArticleAction({ ...target, scheduledFor });
          } else if (action === "unpublish") {
            if (!id || !version) return;
            result = await unpublishArticleAction({ ...sent, id, version });
          } else if (action === "sendBack") {
            if (!id || !version) return;
            result = await sendBackArticleAction({ ...sent, id, version, note: sendBackNote });
          } else {
            const call = { save: saveArticleAction, autosave: autosaveArticleAction, submit: submitArticleAction, publish: publishArticleAction }[action];
            result = await call(target);
          }
        } catch {
          // No answer at all: the connection dropped, or the server failed before it could answer.
          result = { ok: false, error: { code: "unavailable", message: "The save did not go through: the server could not be reached, or it failed before answering." } };
        } finally {
          pending.current -= 1;
          setBusy(null);
        }

        if (!result.ok) {
          const localCopyNow = localCopy.current;
          if (result.error.code === "stale_version") {
            setConflict(result.error.message);
            setAutosave({ state: "paused" });
            return;
          }
          if (action === "autosave") {
            setAutosave({ state: "paused" });
            if (result.error.fields) setErrors(result.error.fields);
          } else {
            setErrors(result.error.fields ?? {});
          }
          setMessage({ tone: "error", text: result.error.message, retry: action, localCopy: localCopyNow });
          return;
        }

        const saved = result.data;
        const wasNew = !metaRef.current.id;
        const nextMeta: Meta = {
          id: saved.id,
          version: saved.version,
          status: saved.status,
          slug: saved.slug,
          publishedAt: saved.publishedAt ? new Date(saved.publishedAt).toISOString() : null,
          scheduledFor: saved.scheduledFor ? new Date(saved.scheduledFor).toISOString() : null,
        };
        metaRef.current = nextMeta;
        setMeta(nextMeta);
        setErrors({});
        setConflict(null);
        setNewerVersion(null);
        setValues((current) => ({ ...current, slug: current.slug === sent.slug ? saved.slug : current.slug }));
        setBaseline(JSON.stringify({ ...sent, slug: saved.slug, slugAuto: sent.slugAuto && saved.publishedAt === null }));
        if (saved.publishedAt) setSlugTouched(true);
        // A new draft now has an address. The editor itself stays as it is, so nothing typed meanwhile is lost.
        if (wasNew && (action === "autosave" || action === "save")) window.history.replaceState(null, "", `/dashboard/articles/${saved.id}`);
        if (action === "autosave") {
          setAutosave({ state: "saved", at: new Date(saved.savedAt) });
          return;
        }
        setAutosave({ state: "idle" });
        if (action === "save") {
          setMessage({
            tone: "success",
            text: doneMessage("save", saved.status, null),
            link: saved.status === "PUBLISHED" ? { href: `/articles/${saved.slug}`, label: "View on site" } : undefined,
          });
          return;
        }
        // The story moved through the workflow: reload the page's server parts (corrections, dates) and say
        // what happened there.
        if (action === "sendBack") setSendBackNote("");
        setMessage(null);
        router.replace(`/dashboard/articles/${saved.id}?done=${action}&at=${new Date(saved.savedAt).getTime()}`, { scroll: false });
      });
      queue.current = job.catch(() => undefined);
      return job;
    },
    [router, scheduleAt, timeZone, sendBackNote],
  );

  const run = (action: Action) => {
    setLastAction(action);
    setMessage(null);
    setDoneSeen(done?.at ?? null);
    void perform(action);
  };

  // Autosave: drafts only, a few seconds after the last change.
  useEffect(() => {
    if (!editable || !dirty || conflict || !values.title.trim()) return;
    if (statusNow && !autosaveStatuses.includes(statusNow)) return;
    const timer = setTimeout(() => void perform("autosave"), 3000);
    return () => clearTimeout(timer);
  }, [serialized, editable, dirty, conflict, statusNow, values.title, perform]);

  // Leaving with unsaved changes asks first: closing the tab, and links inside the app.
  useEffect(() => {
    if (!dirty || !editable) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      const anchor = (event.target as Element | null)?.closest?.("a");
      if (!anchor || anchor.target === "_blank" || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      if (anchor.getAttribute("href")?.startsWith("#")) return;
      if (!window.confirm("This story has changes that are not saved. Leave anyway?")) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty, editable]);

  // Ctrl/Cmd+S saves, as in every editor people already know.
  useEffect(() => {
    if (!editable) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        setLastAction("save");
        void perform("save");
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [editable, perform]);

  // Heartbeat: marks the story as open here and learns about saves made elsewhere.
  const storyId = meta.id;
  useEffect(() => {
    if (!storyId) return;
    let stopped = false;
    const beat = async () => {
      const answer = await heartbeatAction({ id: storyId, editing: true }).catch(() => null);
      if (stopped || !answer?.ok) return;
      setOtherEditor(answer.data.otherEditor);
      const known = metaRef.current.version ?? 0;
      if (pending.current === 0 && answer.data.version > known && answer.data.lastSave) {
        const who = answer.data.lastSave.authorName ?? "The scheduler";
        setNewerVersion(`${who} saved a newer version (${revisionKindLabels[answer.data.lastSave.kind].toLowerCase()}) at ${formatTime(new Date(answer.data.lastSave.at), timeZone)}.`);
      }
    };
    void beat();
    const timer = setInterval(() => void beat(), EDITING_HEARTBEAT_MS);
    // Closing the tab or leaving the site ends the mark at once; a page that comes back from the back-forward cache sets it again.
    const leave = () => navigator.sendBeacon(editorLeavePath(storyId));
    const back = (event: PageTransitionEvent) => {
      if (event.persisted) void beat();
    };
    window.addEventListener("pagehide", leave);
    window.addEventListener("pageshow", back);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener("pagehide", leave);
      window.removeEventListener("pageshow", back);
      void heartbeatAction({ id: storyId, editing: false }).catch(() => null);
    };
  }, [storyId, timeZone]);

  const overrideWithMine = async () => {
    if (!meta.id) return;
    const answer = await heartbeatAction({ id: meta.id, editing: true });
    if (!answer.ok) {
      setMessage({ tone: "error", text: answer.error.message });
      return;
    }
    const next = { ...metaRef.current, version: answer.data.version };
    metaRef.current = next;
    setMeta(next);
    setConflict(null);
    setNewerVersion(null);
    void perform(lastAction === "autosave" ? "save" : lastAction);
  };

  const moveToTrash = async () => {
    if (!meta.id || !window.confirm("Move this story to the trash? Readers will no longer see it. You can restore it from the trash.")) return;
    setBusy("save");
    const answer = await deleteArticleAction({ id: meta.id });
    setBusy(null);
    if (!answer.ok) {
      setMessage({ tone: "error", text: answer.error.message });
      return;
    }
    setBaseline(serialized);
    router.push(`/dashboard/articles?trashed=${meta.id}`);
  };

  const scheduleMoment = scheduleAt ? fromWallClockInput(scheduleAt, timeZone) : null;
  const status = meta.id ? meta.status : null;
  const saveLabel = status === "PUBLISHED" || status === "SCHEDULED" ? "Update" : status === "IN_REVIEW" ? "Save" : "Save draft";
  const canSubmit = editable && (status === null || status === "DRAFT" || status === "UNPUBLISHED");
  const canGoLive = editable && canPublish && status !== "PUBLISHED";
  const canUnpublish = editable && canPublish && (status === "PUBLISHED" || status === "SCHEDULED");
  const canSendBack = editable && canPublish && status === "IN_REVIEW";
  // A first publication puts the story in front of readers, feeds and search engines at once: asked once.
  const publish = () => (meta.publishedAt === null ? setAsking("publish") : run("publish"));
  const sendBack = () => {
    if (!sendBackNote.trim()) {
      setNoteError("Tell the writer what to change before it comes back.");
      return;
    }
    setAsking(null);
    run("sendBack");
  };
  const imageValues: ImageValues = { image: values.image, imageAlt: values.imageAlt, imageCaption: values.imageCaption, imageCredit: values.imageCredit };

  return (
    <div className={styles.editor}>
      <div className={ui.pageHeader}>
        <div>
          <p className={ui.crumbs}>
            <Link href="/dashboard/articles">Stories</Link>
          </p>
          <h1 className={ui.pageTitle}>{meta.id ? "Edit story" : "New story"}</h1>
        </div>
        <div className={styles.headerStatus}>
          {meta.id ? <StatusBadge status={meta.status} deleted={initial.deleted} /> : <StatusBadge status="DRAFT" />}
          <span className={styles.saveState} role="status" aria-live="polite">
            {autosave.state === "saving"
              ? "Saving…"
              : autosave.state === "saved" && autosave.at && !dirty
                ? `Saved automatically at ${formatTime(autosave.at, timeZone)}`
                : autosave.state === "paused"
                  ? "Autosave paused"
                  : dirty && editable
                    ? "Unsaved changes"
                    : ""}
          </span>
        </div>
      </div>

      {conflict ? (
        <div className={ui.noticeError} role="alert">
          <p>{conflict}</p>
          <div className={styles.noticeActions}>
            <a href={`/dashboard/articles/${meta.id}`} target="_blank" rel="noopener" className={`${ui.buttonSecondary} ${ui.small}`}>
              Open the latest version in a new tab
            </a>
            <Link href={`/dashboard/articles/${meta.id}/history`} target="_blank" className={`${ui.buttonSecondary} ${ui.small}`}>
              See the history
            </Link>
            <button type="button" className={`${ui.buttonDanger} ${ui.small}`} onClick={() => void overrideWithMine()}>
              Replace it with my version
            </button>
          </div>
        </div>
      ) : null}
      {!conflict && newerVersion ? (
        <div className={ui.noticeWarn} role="status">
          <p>
            {newerVersion} Saving now would be refused. Your text stays here;{" "}
            <a href={`/dashboard/articles/${meta.id}`} target="_blank" rel="noopener">
              open the latest version in a new tab
            </a>{" "}
            to compare first.
          </p>
        </div>
      ) : null}
      {offeredCopy ? (
        <div className={ui.noticeWarn} role="region" aria-label="Unsaved changes kept in this browser">
          <p>
            Changes to “{offeredCopy.values.title.trim() || "an untitled story"}” that never reached the server were kept in this browser (
            {formatDateTime(new Date(offeredCopy.keptAt), timeZone)}).
          </p>
          <div className={styles.noticeActions}>
            <button type="button" className={`${ui.buttonSecondary} ${ui.small}`} onClick={() => restoreCopy(offeredCopy)}>
              Restore unsaved changes
            </button>
            <button type="button" className={`${ui.buttonQuiet} ${ui.small}`} onClick={() => discardCopy(offeredCopy)}>
              Discard them
            </button>
          </div>
        </div>
      ) : null}
      {initial.sentBack && meta.status === "DRAFT" ? (
        <section className={`${ui.noticeWarn} ${styles.sentBack}`} aria-labelledby="sent-back-heading">
          <h2 id="sent-back-heading" className={styles.sentBackTitle}>
            Sent back{initial.sentBack.by ? ` by ${initial.sentBack.by}` : ""} on {formatDateTime(new Date(initial.sentBack.at), timeZone)}
          </h2>
          <p className={styles.sentBackNote} dir="auto">
            {initial.sentBack.note}
          </p>
          {/* Said to the writer; an editor reading the note already knows what to do with it. */}
          {canPublish ? null : <p>Make the changes, then submit the story for review again.</p>}
        </section>
      ) : null}
      {otherEditor ? (
        <div className={ui.noticeWarn} role="status">
          <p>{otherEditor} also has this story open. Saves are checked, so neither of you can overwrite the other by accident.</p>
        </div>
      ) : null}
      {!canEdit && !initial.deleted ? (
        <div className={ui.noticeWarn} role="status">
          <p>
            {meta.status === "PUBLISHED" || meta.status === "SCHEDULED"
              ? "This story is scheduled or published: only editors can change it now."
              : "You can read this story but not change it."}
          </p>
        </div>
      ) : null}
      <div aria-live="polite" role="status" className={styles.messageRegion}>
        {shownMessage ? (
          <p className={shownMessage.tone === "error" ? ui.noticeError : ui.notice}>
            <span>{shownMessage.text}</span>
            {shownMessage.localCopy ? <span>{localCopyNotes[shownMessage.localCopy]}</span> : null}
            {shownMessage.retry ? <RetryButton action={shownMessage.retry} disabled={busy !== null} onRetry={run} /> : null}
            {shownMessage.link ? (
              <a href={shownMessage.link.href} target="_blank" rel="noopener">
                {shownMessage.link.label}
              </a>
            ) : null}
          </p>
        ) : null}
      </div>

      <div className={styles.layout}>
        <div className={styles.main}>
          <TextAreaField
            label="Title"
            name="title"
            rows={2}
            className={styles.titleField}
            value={values.title}
            maxLength={TITLE_MAX + 50}
            disabled={!editable}
            dir="auto"
            // A headline is one line: Enter does not break it, pasted line breaks become spaces.
            onKeyDown={(event) => {
              if (event.key === "Enter") event.preventDefault();
            }}
            onChange={(event) => update("title", event.target.value.replace(/\s*\n+\s*/g, " "))}
            errors={errors.title}
          />
          <TextAreaField
            label="Dek"
            name="dek"
            rows={2}
            value={values.dek}
            maxLength={DEK_MAX + 50}
            disabled={!editable}
            dir="auto"
            hint="The standfirst under the headline: one or two sentences."
            onChange={(event) => update("dek", event.target.value)}
            errors={errors.dek}
          />
          <RichTextEditor
            key={bodyStart.key}
            label="Body"
            initial={bodyStart.document}
            editable={editable}
            errors={errors.body}
            onChange={(document) => update("body", document)}
          />
          <CitationsEditor citations={values.citations} onChange={(citations) => update("citations", citations)} editable={editable} errors={errors.citations} />
        </div>

        <aside className={styles.side} aria-label="Publishing and details">
          <section className={ui.panel} aria-labelledby="publish-heading">
            <h2 id="publish-heading" className={ui.panelTitle}>
              Publishing
            </h2>
            <dl className={styles.facts}>
              {meta.publishedAt ? (
                <>
                  <dt>First published</dt>
                  <dd>{formatDateTime(new Date(meta.publishedAt), timeZone)}</dd>
                </>
              ) : null}
              {meta.status === "SCHEDULED" && meta.scheduledFor ? (
                <>
                  <dt>Goes live</dt>
                  <dd>{formatDateTime(new Date(meta.scheduledFor), timeZone)}</dd>
                </>
              ) : null}
              {initial.lastSave && meta.version === initial.version ? (
                <>
                  <dt>Last saved</dt>
                  <dd>
                    {initial.lastSave.authorName ?? "Scheduler"}, {formatDateTime(new Date(initial.lastSave.at), timeZone)}
                  </dd>
                </>
              ) : null}
            </dl>
            {editable ? (
              <div className={styles.actions}>
                <button type="button" className={ui.buttonSecondary} disabled={busy !== null} onClick={() => run("save")}>
                  {busy === "save" ? "Saving…" : saveLabel}
                </button>
                {canSubmit ? (
                  <button type="button" className={ui.buttonSecondary} disabled={busy !== null} onClick={() => run("submit")}>
                    {busy === "submit" ? "Submitting…" : "Submit for review"}
                  </button>
                ) : null}
                {canSendBack ? (
                  <button type="button" className={ui.buttonSecondary} disabled={busy !== null} onClick={() => setAsking("sendBack")}>
                    {busy === "sendBack" ? "Sending back…" : "Send back"}
                  </button>
                ) : null}
                {canGoLive ? (
                  <button type="button" className={ui.button} disabled={busy !== null} onClick={publish}>
                    {busy === "publish" ? "Publishing…" : "Publish"}
                  </button>
                ) : null}
              </div>
            ) : null}
            <Dialog open={asking === "publish"} title="Publish this story now?" onClose={() => setAsking(null)}>
              <p>
                “{values.title.trim() || "This story"}” goes on the site at once, for readers, feeds and search engines. It has never been
                published before.
              </p>
              <div className={dialogButtons}>
                <button type="button" className={ui.buttonSecondary} onClick={() => setAsking(null)}>
                  Cancel
                </button>
                <button
                  type="button"
                  className={ui.button}
                  onClick={() => {
                    setAsking(null);
                    run("publish");
                  }}
                >
                  Publish now
                </button>
              </div>
            </Dialog>
            <Dialog open={asking === "sendBack"} title="Send back to the writer" onClose={() => setAsking(null)}>
              <p>The story becomes a draft again. The writer sees your note on their desk and in the editor.</p>
              <TextAreaField
                label="Note to the writer"
                name="sendBackNote"
                rows={5}
                dir="auto"
                value={sendBackNote}
                maxLength={SEND_BACK_NOTE_MAX}
                hint="What should change before it comes back for review?"
                errors={noteError ? [noteError] : undefined}
                onChange={(event) => {
                  setSendBackNote(event.target.value);
                  setNoteError(null);
                }}
              />
              <div className={dialogButtons}>
                <button type="button" className={ui.buttonSecondary} onClick={() => setAsking(null)}>
                  Cancel
                </button>
                <button type="button" className={ui.button} onClick={sendBack}>
                  Send back to the writer
                </button>
              </div>
            </Dialog>
            {canGoLive ? (
              <div className={styles.schedule}>
                <div className={fieldStyles.field}>
                  <label htmlFor={scheduleId} className={fieldStyles.label}>
                    Publish at
                  </label>
                  <p id={`${scheduleId}-hint`} className={fieldStyles.hint}>
                    Newsroom time: {describeZone(timeZone)}, whatever this computer’s clock says.
                  </p>
                  <input
                    id={scheduleId}
                    type="datetime-local"
                    step={1}
                    className={fieldStyles.input}
                    value={scheduleAt}
                    aria-invalid={errors.scheduledFor ? true : undefined}
                    aria-describedby={`${scheduleId}-hint${errors.scheduledFor ? ` ${scheduleId}-error` : ""}`}
                    onChange={(event) => setScheduleAt(event.target.value)}
                  />
                  {/* The field shows the date in this browser's own style; this line says it the newsroom's way. */}
                  <p className={fieldStyles.hint} aria-live="polite">
                    {scheduleMoment ? `That is ${formatDateTime(scheduleMoment, timeZone)}.` : ""}
                  </p>
                  {errors.scheduledFor ? (
                    <p id={`${scheduleId}-error`} className={fieldStyles.error}>
                      {errors.scheduledFor.join(" ")}
                    </p>
                  ) : null}
                </div>
                <button type="button" className={ui.buttonSecondary} disabled={busy !== null} onClick={() => run("schedule")}>
                  {busy === "schedule" ? "Scheduling…" : "Schedule"}
                </button>
              </div>
            ) : null}
            {canUnpublish ? (
              <div className={styles.actions}>
                <button type="button" className={ui.buttonDanger} disabled={busy !== null} onClick={() => run("unpublish")}>
                  {busy === "unpublish" ? "Working…" : meta.status === "SCHEDULED" ? "Unschedule" : "Unpublish"}
                </button>
              </div>
            ) : null}
            {!canPublish && editable && status === "IN_REVIEW" ? <p className={fieldStyles.hint}>An editor publishes it after review.</p> : null}
            {meta.id ? (
              <ul className={styles.links}>
                <li>
                  <a href={`/preview/${meta.id}`} target="_blank" rel="noopener">
                    Preview
                  </a>
                  {dirty ? <span className={fieldStyles.hint}> (shows the last saved version)</span> : null}
                </li>
                {meta.status === "PUBLISHED" && !initial.deleted ? (
                  <li>
                    <a href={`/articles/${meta.slug}`} target="_blank" rel="noopener">
                      View on site
                    </a>
                  </li>
                ) : null}
                <li>
                  <Link href={`/dashboard/articles/${meta.id}/history`}>History and revisions</Link>
                </li>
              </ul>
            ) : null}
            {meta.id && canPublish && !initial.deleted ? (
              <button type="button" className={`${ui.buttonQuiet} ${ui.small} ${styles.trash}`} onClick={() => void moveToTrash()}>
                Move to trash
              </button>
            ) : null}
          </section>

          <section className={ui.panel} aria-labelledby="details-heading">
            <h2 id="details-heading" className={ui.panelTitle}>
              Details
            </h2>
            <SelectField label="Section" name="sectionId" value={values.sectionId} disabled={!editable} onChange={(event) => update("sectionId", event.target.value)} errors={errors.sectionId}>
              <option value="">No section</option>
              {sections.map((section) => (
                <option key={section.id} value={section.id}>
                  {section.name}
                </option>
              ))}
            </SelectField>
            <Field
              label="Slug"
              name="slug"
              value={values.slug}
              disabled={!editable}
              spellCheck={false}
              hint={
                meta.publishedAt
                  ? `The story’s address: /articles/${values.slug || "…"}. If you change it, the old address keeps working and redirects here.`
                  : slugTouched
                    ? `The story’s address: /articles/${values.slug || "…"}. Typed by hand, so it stays when the title changes; empty it to make it from the title again.`
                    : `The story’s address: /articles/${values.slug || "…"}. Made from the title until you edit it.`
              }
              onChange={(event) => {
                // An emptied slug is made from the title again (by the server, on the next save).
                setSlugTouched(event.target.value.trim() !== "");
                update("slug", event.target.value);
              }}
              errors={errors.slug}
            />
            <Field
              label="Tags"
              name="tags"
              value={values.tags}
              disabled={!editable}
              hint="Separate tags with commas."
              onChange={(event) => update("tags", event.target.value)}
              errors={errors.tags}
            />
            <BylinePicker value={values.bylines} choices={bylineChoices} onChange={(bylines) => update("bylines", bylines)} editable={editable} errors={errors.bylineIds} />
          </section>

          <FeaturedImageField value={imageValues} onChange={(next) => setValues((current) => ({ ...current, ...next }))} editable={editable} errors={errors} />
          {children}
        </aside>
      </div>
    </div>
  );
}
