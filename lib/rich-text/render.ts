import { getSchema, type JSONContent } from "@tiptap/core";
import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import sanitizeHtml from "sanitize-html";
import { articleBodyExtensions } from "./extensions";

/**
 * Server-side rendering of an article body: ProseMirror JSON → HTML through
 * Tiptap's static renderer (no DOM needed), then through sanitize-html with an
 * allow-list as a second, independent line of defence. Stored on save, so
 * public pages print prepared HTML and never render on the hot path.
 */

const schema = getSchema(articleBodyExtensions);

const allowList: sanitizeHtml.IOptions = {
  allowedTags: ["p", "h2", "h3", "h4", "strong", "em", "s", "u", "code", "a", "ul", "ol", "li", "blockquote", "br", "hr", "img"],
  allowedAttributes: {
    a: ["href", "rel", "target"],
    img: ["src", "alt", "title", "width", "height", "loading", "decoding"],
    ol: ["start"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  transformTags: {
    // Links in stories open in place and pass no referrer or opener rights.
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...(attribs.href ? { href: attribs.href } : {}), rel: "noopener noreferrer" },
    }),
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: "lazy", decoding: "async" } }),
  },
};

export class InvalidDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidDocumentError";
  }
}

/** Parses JSON into a document of our schema; throws InvalidDocumentError otherwise. */
export function parseDocument(json: unknown): ProseMirrorNode {
  try {
    const node = ProseMirrorNode.fromJSON(schema, json);
    node.check();
    if (node.type.name !== "doc") throw new Error("the top node must be a document");
    return node;
  } catch (error) {
    throw new InvalidDocumentError(error instanceof Error ? error.message : "not a valid document");
  }
}

export interface RenderedBody {
  html: string;
  text: string;
}

export function renderBody(json: unknown): RenderedBody {
  const node = parseDocument(json);
  const html = renderToHTMLString({ content: node, extensions: articleBodyExtensions });
  return {
    html: sanitizeHtml(html, allowList),
    text: node.textBetween(0, node.content.size, "\n\n", " ").trim(),
  };
}

/** A document of plain paragraphs, for seeds, imports and tests. */
export function paragraphsToDocument(paragraphs: string[]): JSONContent {
  return {
    type: "doc",
    content: paragraphs.map((text) => ({
      type: "paragraph",
      ...(text.length > 0 ? { content: [{ type: "text", text }] } : {}),
    })),
  };
}

export const emptyDocument: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };
