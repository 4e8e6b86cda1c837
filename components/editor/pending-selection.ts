import { Extension, getMarkRange, type Editor } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

/**
 * Keeps the words a panel will act on visibly selected while the panel has
 * focus. A browser hides the body's selection as soon as focus moves to the
 * panel's field, so the writer could no longer see which words the link will
 * go on; this draws the same range as a decoration (nothing in the document
 * changes, nothing enters the undo history) until the panel closes.
 */

const pendingKey = new PluginKey<DecorationSet>("pendingSelection");

type Range = { from: number; to: number };

export const PendingSelection = Extension.create<{ className: string }>({
  name: "pendingSelection",

  addOptions() {
    return { className: "" };
  },

  addProseMirrorPlugins() {
    const { className } = this.options;
    return [
      new Plugin<DecorationSet>({
        key: pendingKey,
        state: {
          init: () => DecorationSet.empty,
          apply(transaction, decorations) {
            const range = transaction.getMeta(pendingKey) as Range | null | undefined;
            if (range === null) return DecorationSet.empty;
            if (range) return DecorationSet.create(transaction.doc, [Decoration.inline(range.from, range.to, { class: className, "data-pending-selection": "" })]);
            return decorations.map(transaction.mapping, transaction.doc);
          },
        },
        props: { decorations: (state) => pendingKey.getState(state) },
      }),
    ];
  },
});

/** The selected words, or the whole link the cursor is in; null when there is neither. */
export function rangeForLink(editor: Editor): Range | null {
  const { from, to, empty, $from } = editor.state.selection;
  if (!empty) return { from, to };
  return getMarkRange($from, editor.schema.marks.link!) ?? null;
}

export function showPendingSelection(editor: Editor, range: Range | null): void {
  editor.view.dispatch(editor.state.tr.setMeta(pendingKey, range));
}

/** Where the pending range is now: the document may have changed under the open panel. */
export function pendingRange(editor: Editor): Range | null {
  const [decoration] = pendingKey.getState(editor.state)?.find() ?? [];
  return decoration ? { from: decoration.from, to: decoration.to } : null;
}
