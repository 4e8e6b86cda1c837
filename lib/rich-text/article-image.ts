import { mergeAttributes } from "@tiptap/core";
import type { DOMOutputSpec } from "@tiptap/pm/model";
import Image from "@tiptap/extension-image";

/**
 * The article body's image: Tiptap's image plus an optional caption and
 * credit. An image without either renders as the plain <img> it always did
 * (documents saved before these attributes existed stay valid and render the
 * same); with them it renders as the featured image does:
 *
 *   <figure><img …><figcaption><span dir="auto">Caption</span> <small>Photo: <bdi>Credit</bdi></small></figcaption></figure>
 *
 * and that figure parses back to the same node.
 */

const CREDIT_LABEL = "Photo: ";

function figureAttributes(figure: HTMLElement): Record<string, string | null> | false {
  const image = figure.querySelector("img");
  const src = image?.getAttribute("src");
  if (!image || !src || src.startsWith("data:")) return false;
  const figcaption = figure.querySelector("figcaption");
  let caption: string | null = null;
  let credit: string | null = null;
  if (figcaption) {
    const creditElement = figcaption.querySelector("small");
    if (creditElement) {
      const named = creditElement.querySelector("bdi")?.textContent ?? creditElement.textContent?.replace(/^\s*Photo:\s*/, "") ?? "";
      credit = named.trim() || null;
    }
    const captionText = [...figcaption.childNodes]
      .filter((child) => child !== creditElement)
      .map((child) => child.textContent ?? "")
      .join("")
      .trim();
    caption = captionText || null;
  }
  return { src, alt: image.getAttribute("alt"), title: image.getAttribute("title"), caption, credit };
}

export const ArticleImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      // Read from a <figure> (below) and written by renderHTML, never as <img> attributes.
      caption: { default: null, parseHTML: () => null, renderHTML: () => ({}) },
      credit: { default: null, parseHTML: () => null, renderHTML: () => ({}) },
    };
  },

  parseHTML() {
    return [{ tag: "figure", getAttrs: (node) => figureAttributes(node as HTMLElement) }, ...(this.parent?.() ?? [])];
  },

  renderHTML({ node, HTMLAttributes }) {
    const image: DOMOutputSpec = ["img", mergeAttributes(this.options.HTMLAttributes, HTMLAttributes)];
    const caption = typeof node.attrs.caption === "string" ? node.attrs.caption.trim() : "";
    const credit = typeof node.attrs.credit === "string" ? node.attrs.credit.trim() : "";
    if (!caption && !credit) return image;
    const parts: (DOMOutputSpec | string)[] = [];
    if (caption) parts.push(["span", { dir: "auto" }, caption]);
    if (caption && credit) parts.push(" ");
    if (credit) parts.push(["small", {}, CREDIT_LABEL, ["bdi", {}, credit]]);
    return ["figure", {}, image, ["figcaption", {}, ...parts]];
  },
});
