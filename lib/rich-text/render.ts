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

export const articleBodySchema = getSchema(articleBodyExtensions);

const allowList: sanitizeHtml.IOptions = {
  allowedTags: ["p", "h2", "h3", "h4", "strong", "em", "s", "u", "code", "a", "ul", "ol", "li", "blockquote", "br", "hr", "img", "figure", "figcaption", "span", "small", "bdi"],
  allowedAttributes: {
    a: ["href", "rel", "target"],
    // An image's caption (lib/rich-text/article-image.ts) sets its own direction, as the featured image's does.
    span: ["dir"],
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
    const node = ProseMirrorNode.fromJSON(articleBodySchema, json);
    node.check();
    if (node.type.name !== "doc") throw new Error("the top node must be a document");
    return node;
  } catch (error) {
    throw new InvalidDocumentError(error instanceof Error ? error.message : "not a valid document");
  }
}

export interface RenderedBody {
  /** The document to store: what was sent, less any address the allow-list would refuse. */
  document: JSONContent;
  html: string;
  text: string;
}

const linkSchemes = new Set(["http:", "https:", "mailto:"]);
const imageSchemes = new Set(["http:", "https:"]);

/** An address is kept when it resolves (as a browser would, tabs and entities aside) to one of these schemes; relative ones are ours. */
function allowedAddress(value: unknown, schemes: ReadonlySet<string>): boolean {
  if (typeof value !== "string") return false;
  try {
    return schemes.has(new URL(value, "https://newsroom.invalid/").protocol);
  } catch {
    return false;
  }
}

/**
 * The HTML is sanitized, but the stored document is what the editor draws in
 * a staff member's browser, so it must not keep what the HTML lost either:
 * link marks and images whose address is javascript:, data: or the like are
 * dropped (the link's text stays).
 */
function withoutUnsafeAddresses(item: JSONContent): JSONContent | null {
  if (item.type === "image" && !allowedAddress(item.attrs?.src, imageSchemes)) return null;
  const cleaned: JSONContent = { ...item };
  if (item.marks) cleaned.marks = item.marks.filter((mark) => mark.type !== "link" || allowedAddress(mark.attrs?.href, linkSchemes));
  if (item.content) cleaned.content = item.content.map(withoutUnsafeAddresses).filter((child): child is JSONContent => child !== null);
  return cleaned;
}

export function renderBody(json: unknown): RenderedBody {
  const parsed = parseDocument(json);
  const document = withoutUnsafeAddresses(parsed.toJSON() as JSONContent)!;
  // A document that held nothing but refused images still needs its one block.
  if (!document.content?.length) document.content = [{ type: "paragraph" }];
  const node = parseDocument(document);
  const html = renderToHTMLString({ content: node, extensions: articleBodyExtensions });
  return {
    document: node.toJSON() as JSONContent,
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
