import type { JSONContent } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";

/**
 * The editor's document as plain JSON: the one way a document leaves the
 * editor.
 *
 * ProseMirror builds node and mark attributes with `Object.create(null)`, and
 * `toJSON()` (Tiptap's `getJSON()`) hands out those same objects. React's
 * server-action encoding sends only plain objects as data; an object without
 * a prototype goes as an opaque "temporary reference" that the server can hand
 * back but never read. A heading's level, a list's start, a link's address and
 * an image's source then never reach the server, and the save is refused.
 * Copying through JSON gives every object the ordinary prototype and keeps
 * exactly what JSON can carry, which is what the server stores.
 */
export function plainDocument(document: ProseMirrorNode): JSONContent {
  return JSON.parse(JSON.stringify(document.toJSON())) as JSONContent;
}
