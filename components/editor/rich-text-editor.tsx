"use client";

import type { CommandProps, JSONContent } from "@tiptap/core";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { NodeSelection, TextSelection } from "@tiptap/pm/state";
import { useEffect, useId, useRef, useState, type ChangeEvent, type ReactNode } from "react";
import { articleBodyExtensions } from "@/lib/rich-text/extensions";
import { linkAddressFrom, withoutRepeatedScheme } from "@/lib/rich-text/link-address";
import { plainDocument } from "@/lib/rich-text/plain-document";
import fieldStyles from "@/components/ui/field.module.css";
import { PendingSelection, pendingRange, rangeForLink, showPendingSelection } from "./pending-selection";
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

/** The first words of what a link goes on, for the panel's heading. */
function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}

function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const id = useId();
  const current = editor.getAttributes("link").href as string | undefined;
  // What the link goes on, fixed when the panel opens; drawn as selected while focus is in the panel.
  const [range] = useState(() => rangeForLink(editor));
  const [href, setHref] = useState(current ?? "");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    showPendingSelection(editor, range);
    return () => {
      if (!editor.isDestroyed) showPendingSelection(editor, null);
    };
  }, [editor, range]);
  const linkedText = range ? excerpt(editor.state.doc.textBetween(range.from, range.to, " ")) : "";
  const apply = () => {
    const address = linkAddressFrom(href);
    if (!address) {
      setError("Enter a web address (example.org/report or https://…) or an email address.");
      return;
    }
    const target = pendingRange(editor);
    if (target) editor.chain().focus().setTextSelection(target).setLink({ href: address }).run();
    // Nothing selected: the address itself becomes the linked text.
    else editor.chain().focus().insertContent({ type: "text", text: address.replace(/^mailto:/, ""), marks: [{ type: "link", attrs: { href: address } }] }).run();
    onDone();
  };
  return (
    <div className={styles.inlineForm} role="group" aria-label="Link">
      <label htmlFor={id} className={fieldStyles.label}>
        Link address
      </label>
      <p id={`${id}-hint`} className={fieldStyles.hint}>
        {linkedText ? (
          <>
            For <span dir="auto">“{linkedText}”</span> — paste or type the address; https:// is added if you leave it out.
          </>
        ) : (
          "Nothing is selected: the address is added as a link where the cursor is. https:// is added if you leave it out."
        )}
      </p>
      <input
        id={id}
        type="url"
        inputMode="url"
        spellCheck={false}
        autoComplete="off"
        placeholder="https://example.org/report"
        className={fieldStyles.input}
        value={href}
        autoFocus
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        // A full address pasted after a scheme already in the field replaces it rather than doubling it.
        onChange={(event) => setHref(withoutRepeatedScheme(event.target.value))}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            apply();
          }
          if (event.key === "Escape") {
            editor.commands.focus();
            onDone();
          }
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
        <button
          type="button"
          className={styles.smallButtonQuiet}
          onClick={() => {
            editor.commands.focus();
            onDone();
          }}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}

/** What readers are told about an inline image; all optional, as the featured image's are. */
interface ImageText {
  alt: string;
  caption: string;
  credit: string;
}

const textOf = (attrs: Record<string, unknown>): ImageText => ({
  alt: typeof attrs.alt === "string" ? attrs.alt : "",
  caption: typeof attrs.caption === "string" ? attrs.caption : "",
  credit: typeof attrs.credit === "string" ? attrs.credit : "",
});

/** The image the selection is on, if any: the one the Image button edits instead of inserting a new one. */
function selectedImage(editor: Editor): { position: number; text: ImageText } | null {
  const { selection } = editor.state;
  return selection instanceof NodeSelection && selection.node.type.name === "image" ? { position: selection.from, text: textOf(selection.node.attrs) } : null;
}

/**
 * After an insert the new image is selected, so the next keystroke would
 * replace it: writing goes on in the paragraph below it (made if there is none).
 */
const placeCursorAfterImage = ({ tr }: CommandProps): boolean => {
  const after = tr.selection.to;
  if (!tr.doc.nodeAt(after)?.isTextblock) tr.insert(after, tr.doc.type.schema.nodes.paragraph!.create());
  tr.setSelection(TextSelection.create(tr.doc, after + 1));
  return true;
};

/**
 * Inserts an image with its description, caption and credit, or, when an
 * image is selected, edits those (and optionally swaps the picture).
 */
function ImageForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const id = useId();
  const file = useRef<HTMLInputElement>(null);
  const [editing] = useState(() => selectedImage(editor));
  const [text, setText] = useState<ImageText>(editing?.text ?? { alt: "", caption: "", credit: "" });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof ImageText) => (event: ChangeEvent<HTMLInputElement>) => setText((current) => ({ ...current, [key]: event.target.value }));
  const apply = async () => {
    const chosen = file.current?.files?.[0];
    if (!chosen && !editing) {
      setError("Choose an image file.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const image = chosen ? await uploadImage(chosen) : null;
      const attrs = {
        alt: text.alt.trim(),
        caption: text.caption.trim() || null,
        credit: text.credit.trim() || null,
        ...(image ? { src: image.url, width: image.width, height: image.height } : {}),
      };
      const stillThere = editing && editor.state.doc.nodeAt(editing.position)?.type.name === "image";
      if (editing && stillThere) editor.chain().focus().setNodeSelection(editing.position).updateAttributes("image", attrs).run();
      else if (image) editor.chain().focus().insertContent({ type: "image", attrs }).command(placeCursorAfterImage).run();
      else {
        setError("The image was removed from the story meanwhile.");
        return;
      }
      onDone();
    } catch (failure) {
      setError(failure instanceof UploadError ? failure.message : "The image could not be uploaded.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={styles.inlineForm} role="group" aria-label={editing ? "Edit image" : "Insert image"}>
      <label htmlFor={`${id}-file`} className={fieldStyles.label}>
        {editing ? "Replace the picture (optional)" : "Image file"}
      </label>
      <input id={`${id}-file`} ref={file} type="file" accept="image/*" autoFocus={!editing} aria-describedby={error ? `${id}-error` : undefined} />
      <label htmlFor={`${id}-alt`} className={fieldStyles.label}>
        Description for screen readers
      </label>
      <input id={`${id}-alt`} className={fieldStyles.input} value={text.alt} onChange={set("alt")} maxLength={300} dir="auto" autoFocus={editing !== null} />
      <label htmlFor={`${id}-caption`} className={fieldStyles.label}>
        Caption
      </label>
      <input id={`${id}-caption`} className={fieldStyles.input} value={text.caption} onChange={set("caption")} maxLength={500} dir="auto" />
      <label htmlFor={`${id}-credit`} className={fieldStyles.label}>
        Credit
      </label>
      <p id={`${id}-credit-hint`} className={fieldStyles.hint}>
        Who took it. Shown as “Photo: …”.
      </p>
      <input
        id={`${id}-credit`}
        className={fieldStyles.input}
        value={text.credit}
        onChange={set("credit")}
        maxLength={200}
        dir="auto"
        aria-describedby={`${id}-credit-hint`}
      />
      {error ? (
        <p id={`${id}-error`} className={fieldStyles.error} role="alert">
          {error}
        </p>
      ) : null}
      <div className={styles.inlineActions}>
        <button type="button" className={styles.smallButton} onClick={() => void apply()} disabled={busy}>
          {busy ? "Uploading…" : editing ? "Update image" : "Insert image"}
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
    extensions: [...articleBodyExtensions, PendingSelection.configure({ className: styles.pendingSelection ?? "" })],
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
            image: selectedImage(current) !== null,
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
            <ToolButton
              label={state?.image ? "Edit image" : "Image"}
              pressed={panel === "image"}
              onClick={() => setPanel(panel === "image" ? null : "image")}
            >
              {state?.image ? "Edit image" : "Image"}
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
