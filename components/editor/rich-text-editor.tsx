"use client";

import type { JSONContent } from "@tiptap/core";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { articleBodyExtensions } from "@/lib/rich-text/extensions";
import { plainDocument } from "@/lib/rich-text/plain-document";
import fieldStyles from "@/components/ui/field.module.css";
import { uploadImage, UploadError } from "./upload";
import styles from "./editor.module.css";

/**
 * The story body: a Tiptap editor with the same extension list the server
 * renders with (lib/rich-text/extensions.ts), so what can be typed here is
 * exactly what the server accepts. Links and images get small inline forms
 * instead of browser prompts, so they work with a keyboard and a screen reader.
 */

interface Props {
  label: string;
  initial: JSONContent;
  editable: boolean;
  errors?: string[];
  onChange: (document: JSONContent) => void;
}

function ToolButton({ pressed, onClick, label, children, disabled }: { pressed?: boolean; onClick: () => void; label: string; children: ReactNode; disabled?: boolean }) {
  return (
    <button
      type="button"
      className={styles.tool}
      aria-pressed={pressed}
      aria-label={label}
      title={label}
      disabled={disabled}
      // Keep the text selection: a click on the toolbar must not take focus from the body first.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const id = useId();
  const current = editor.getAttributes("link").href as string | undefined;
  const [href, setHref] = useState(current ?? "https://");
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const value = href.trim();
    if (!/^(https?:\/\/[^\s]+\.[^\s]+|mailto:[^\s]+@[^\s]+)$/i.test(value)) {
      setError("Enter a full address starting with https:// (or mailto:).");
      return;
    }
    editor.chain().focus().extendMarkRange("link").setLink({ href: value }).run();
    onDone();
  };
  return (
    <div className={styles.inlineForm} role="group" aria-label="Link">
      <label htmlFor={id} className={fieldStyles.label}>
        Link address
      </label>
      <input
        id={id}
        className={fieldStyles.input}
        value={href}
        autoFocus
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setHref(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            apply();
          }
          if (event.key === "Escape") onDone();
        }}
      />
      {error ? (
        <p id={`${id}-error`} className={fieldStyles.error}>
          {error}
        </p>
      ) : null}
      <div className={styles.inlineActions}>
        <button type="button" className={styles.smallButton} onClick={apply}>
          Apply link
        </button>
        {current ? (
          <button
            type="button"
            className={styles.smallButtonQuiet}
            onClick={() => {
              editor.chain().focus().extendMarkRange("link").unsetLink().run();
              onDone();
            }}
          >
            Remove link
          </button>
        ) : null}
        <button type="button" className={styles.smallButtonQuiet} onClick={onDone}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function ImageForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const id = useId();
  const file = useRef<HTMLInputElement>(null);
  const [alt, setAlt] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const insert = async () => {
    const chosen = file.current?.files?.[0];
    if (!chosen) {
      setError("Choose an image file.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const image = await uploadImage(chosen);
      editor.chain().focus().setImage({ src: image.url, alt: alt.trim() }).run();
      onDone();
    } catch (failure) {
      setError(failure instanceof UploadError ? failure.message : "The image could not be uploaded.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={styles.inlineForm} role="group" aria-label="Insert image">
      <label htmlFor={`${id}-file`} className={fieldStyles.label}>
        Image file
      </label>
      <input id={`${id}-file`} ref={file} type="file" accept="image/*" aria-describedby={error ? `${id}-error` : undefined} />
      <label htmlFor={`${id}-alt`} className={fieldStyles.label}>
        Description for screen readers
      </label>
      <input id={`${id}-alt`} className={fieldStyles.input} value={alt} onChange={(event) => setAlt(event.target.value)} maxLength={300} />
      {error ? (
        <p id={`${id}-error`} className={fieldStyles.error} role="alert">
          {error}
        </p>
      ) : null}
      <div className={styles.inlineActions}>
        <button type="button" className={styles.smallButton} onClick={() => void insert()} disabled={busy}>
          {busy ? "Uploading…" : "Insert image"}
        </button>
        <button type="button" className={styles.smallButtonQuiet} onClick={onDone}>
          Cancel
        </button>
      </div>
    </div>
  );
}

export function RichTextEditor({ label, initial, editable, errors, onChange }: Props) {
  const id = useId();
  const labelId = `${id}-label`;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const [panel, setPanel] = useState<"link" | "image" | null>(null);

  const editor = useEditor({
    extensions: articleBodyExtensions,
    content: initial,
    editable,
    // Rendered on the server first: the editor mounts after hydration, so both renders agree.
    immediatelyRender: false,
    editorProps: {
      attributes: {
        class: styles.prose ?? "",
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(errorId ? { "aria-describedby": errorId, "aria-invalid": "true" } : {}),
      },
    },
    onUpdate: ({ editor: current }) => onChange(plainDocument(current.state.doc)),
  });

  // The attributes were fixed when the editor was made; errors and read-only mode come and go.
  useEffect(() => {
    if (!editor) return;
    editor.setEditable(editable, false);
    editor.setOptions({
      editorProps: {
        attributes: {
          class: styles.prose ?? "",
          role: "textbox",
          "aria-multiline": "true",
          "aria-labelledby": labelId,
          ...(errorId ? { "aria-describedby": errorId, "aria-invalid": "true" } : {}),
        },
      },
    });
  }, [editor, editable, errorId, labelId]);

  const state = useEditorState({
    editor,
    selector: ({ editor: current }) =>
      current
        ? {
            h2: current.isActive("heading", { level: 2 }),
            h3: current.isActive("heading", { level: 3 }),
            bold: current.isActive("bold"),
            italic: current.isActive("italic"),
            link: current.isActive("link"),
            bullet: current.isActive("bulletList"),
            ordered: current.isActive("orderedList"),
            quote: current.isActive("blockquote"),
            canUndo: current.can().undo(),
            canRedo: current.can().redo(),
          }
        : null,
  });

  return (
    <div className={fieldStyles.field}>
      <span id={labelId} className={fieldStyles.label}>
        {label}
      </span>
      <div className={`${styles.richText} ${errorId ? styles.richTextInvalid : ""}`}>
        {editable ? (
          <div role="toolbar" aria-label="Formatting" className={styles.toolbar}>
            <ToolButton label="Heading" pressed={state?.h2} onClick={() => editor?.chain().focus().toggleHeading({ level: 2 }).run()}>
              H2
            </ToolButton>
            <ToolButton label="Subheading" pressed={state?.h3} onClick={() => editor?.chain().focus().toggleHeading({ level: 3 }).run()}>
              H3
            </ToolButton>
            <span className={styles.toolGap} aria-hidden="true" />
            <ToolButton label="Bold" pressed={state?.bold} onClick={() => editor?.chain().focus().toggleBold().run()}>
              <strong>B</strong>
            </ToolButton>
            <ToolButton label="Italic" pressed={state?.italic} onClick={() => editor?.chain().focus().toggleItalic().run()}>
              <em>I</em>
            </ToolButton>
            <ToolButton label="Link" pressed={state?.link} onClick={() => setPanel(panel === "link" ? null : "link")}>
              Link
            </ToolButton>
            <span className={styles.toolGap} aria-hidden="true" />
            <ToolButton label="Bulleted list" pressed={state?.bullet} onClick={() => editor?.chain().focus().toggleBulletList().run()}>
              • List
            </ToolButton>
            <ToolButton label="Numbered list" pressed={state?.ordered} onClick={() => editor?.chain().focus().toggleOrderedList().run()}>
              1. List
            </ToolButton>
            <ToolButton label="Quote" pressed={state?.quote} onClick={() => editor?.chain().focus().toggleBlockquote().run()}>
              “ Quote
            </ToolButton>
            <ToolButton label="Image" pressed={panel === "image"} onClick={() => setPanel(panel === "image" ? null : "image")}>
              Image
            </ToolButton>
            <span className={styles.toolGap} aria-hidden="true" />
            <ToolButton label="Undo" disabled={!state?.canUndo} onClick={() => editor?.chain().focus().undo().run()}>
              ↶
            </ToolButton>
            <ToolButton label="Redo" disabled={!state?.canRedo} onClick={() => editor?.chain().focus().redo().run()}>
              ↷
            </ToolButton>
          </div>
        ) : null}
        {editor && panel === "link" ? <LinkForm editor={editor} onDone={() => setPanel(null)} /> : null}
        {editor && panel === "image" ? <ImageForm editor={editor} onDone={() => setPanel(null)} /> : null}
        {editor ? <EditorContent editor={editor} /> : <div className={styles.prose} aria-labelledby={labelId} role="textbox" aria-busy="true" />}
      </div>
      {errorId ? (
        <p id={errorId} className={fieldStyles.error}>
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
