import type { JSONContent } from "@tiptap/core";
import { DOMParser as ProseMirrorDOMParser } from "@tiptap/pm/model";
import { parseHTML } from "linkedom";
import { articleBodySchema } from "@/lib/rich-text/render";
import { autop } from "./autop";
import { blockDelimiters, hasBlocks, isDynamicVoidBlock, replaceEmbedBlocks } from "./blocks";
import { BARE_ADDRESS_LINE, BARE_ADDRESS_PARAGRAPH, embedProvider } from "./embeds";
import { replaceShortcodes, type Shortcode } from "./shortcodes";

/*
 * A WordPress post body → the editor's document.
 *
 * First WordPress's own steps, on the text, in WordPress's order: embeds
 * (autoembed), paragraphs (wpautop, classic posts only — WordPress skips it
 * for block posts), shortcodes. Then the HTML is parsed by linkedom, a small
 * server-side DOM (no scripts, no network, no layout — the least a DOM can
 * be), tidied where WordPress's markup and the editor differ (captioned
 * figures, h1/h5/h6, <pre>, iframes, galleries), and handed to ProseMirror's
 * DOMParser with the editor's own schema and parse rules: exactly what the
 * editor does with pasted HTML, so the result is a document the editor can
 * make, and nothing else.
 */

export interface AttachmentLookup {
  url: string;
  alt: string;
  caption: string;
  credit: string;
}

export interface ConvertOptions {
  /** The old site's attachments, by WordPress id, when the importer has read them (galleries, credits). */
  attachment?: (wordpressId: number) => AttachmentLookup | undefined;
}

export interface InlineImage {
  /** The address in the post, to fetch and then rewrite (see replaceImageSources). */
  src: string;
  /** The attachment's WordPress id when the markup names it (class wp-image-N, [caption id="attachment_N"]). */
  attachmentId: number | null;
}

export interface ContentConversion {
  document: JSONContent;
  format: "blocks" | "classic";
  images: InlineImage[];
  /** Block names (paragraph, image, embed…) and how often each was met. */
  blocks: Record<string, number>;
  /** Shortcode names (caption, gallery, embed…) and how often each was met. */
  shortcodes: Record<string, number>;
  /** Embedded addresses by provider (YouTube…), each now a link. */
  embeds: Record<string, number>;
  /** What changed on the way, once per kind, for the report. */
  notes: string[];
}

class Tally {
  readonly blocks: Record<string, number> = {};
  readonly shortcodes: Record<string, number> = {};
  readonly embeds: Record<string, number> = {};
  private readonly noteSet = new Set<string>();

  count(table: Record<string, number>, name: string): void {
    table[name] = (table[name] ?? 0) + 1;
  }

  note(text: string): void {
    this.noteSet.add(text);
  }

  get notes(): string[] {
    return [...this.noteSet];
  }
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** An embed becomes a paragraph with a link to it. */
function embedLink(url: string, tally: Tally): string {
  const provider = embedProvider(url);
  if (provider) {
    tally.count(tally.embeds, provider);
    tally.note(`${provider} embeds became links (Newsroom has no embedded players)`);
  }
  return `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`;
}

/** WordPress's autoembed: an address alone on a line (outside tags) or alone in a paragraph. */
function linkBareAddresses(html: string, tally: Tally, classic: boolean): string {
  let text = html.replace(BARE_ADDRESS_PARAGRAPH, (_whole, _open: string, url: string) => embedLink(url, tally));
  if (classic) text = text.replace(BARE_ADDRESS_LINE, (_whole, before: string, url: string, after: string) => `${before}${embedLink(url, tally)}${after}`);
  return text;
}

const MORE = /<!--(?:more(?:[^]*?)|noteaser|nextpage)-->/g;

function dropMoreTags(html: string, tally: Tally): string {
  return html.replace(MORE, (tag) => {
    tally.note(tag.startsWith("<!--nextpage") ? "<!--nextpage--> page breaks were dropped: the story is one page" : "<!--more--> was dropped (Newsroom shows the whole story)");
    return "";
  });
}

/** Everything before the image (and its link) is the picture, the rest is its caption — as WordPress's img_caption_shortcode reads it. */
function captionFigure(shortcode: Shortcode, tally: Tally): string {
  const inner = shortcode.content ?? "";
  const match = /^\s*((?:<a [^>]+>\s*)?<img [^>]+>(?:\s*<\/a>)?)([^]*)$/i.exec(inner);
  const picture = match?.[1] ?? inner;
  const caption = (shortcode.attributes.caption ?? match?.[2] ?? "").trim();
  const attachment = /^attachment_(\d+)$/.exec(shortcode.attributes.id ?? "")?.[1];
  tally.note("[caption] became an image with its caption");
  return `<figure${attachment ? ` data-wp-attachment="${attachment}"` : ""}>${picture}<figcaption>${caption}</figcaption></figure>`;
}

function galleryImages(shortcode: Shortcode, tally: Tally, options: ConvertOptions): string {
  const ids = (shortcode.attributes.ids ?? shortcode.attributes.include ?? "").split(",").map((id) => Number(id.trim())).filter((id) => Number.isInteger(id) && id > 0);
  const found = ids.flatMap((id) => {
    const attachment = options.attachment?.(id);
    return attachment ? [{ id, ...attachment }] : [];
  });
  if (found.length < ids.length || ids.length === 0) tally.note("[gallery] images the importer could not find were left out");
  return found
    .map(({ id, url, alt, caption }) => `<figure data-wp-attachment="${id}"><img src="${escapeHtml(url)}" alt="${escapeHtml(alt)}"><figcaption>${escapeHtml(caption)}</figcaption></figure>`)
    .join("");
}

/** Shortcodes → the editor's own nodes, or their text. */
function expandShortcodes(html: string, tally: Tally, options: ConvertOptions): string {
  return replaceShortcodes(html, (shortcode) => {
    tally.count(tally.shortcodes, shortcode.name);
    switch (shortcode.name) {
      case "caption":
      case "wp_caption":
        return captionFigure(shortcode, tally);
      case "embed":
        return embedLink((shortcode.content ?? shortcode.positional[0] ?? "").trim(), tally);
      case "gallery":
        return galleryImages(shortcode, tally, options);
      case "audio":
      case "video": {
        const source = shortcode.attributes.src ?? ["mp3", "m4a", "ogg", "wav", "mp4", "m4v", "webm", "ogv", "flv"].map((format) => shortcode.attributes[format]).find(Boolean);
        tally.note(`[${shortcode.name}] became a link to its file`);
        return source ? `<p><a href="${escapeHtml(source)}">${escapeHtml(source)}</a></p>` : "";
      }
      default:
        if (shortcode.content !== null) {
          tally.note(`[${shortcode.name}] shortcodes were removed and their text kept`);
          return expandShortcodes(shortcode.content, tally, options);
        }
        tally.note(`[${shortcode.name}] shortcodes (made by a WordPress plugin) were dropped`);
        return "";
    }
  });
}

function countBlocks(html: string, tally: Tally): void {
  for (const delimiter of blockDelimiters(html)) {
    if (delimiter.kind === "close") continue;
    tally.count(tally.blocks, delimiter.name);
    if (isDynamicVoidBlock(delimiter)) tally.note(`"${delimiter.name}" blocks (built by WordPress when the page is shown) have nothing to import`);
  }
}

/*
 * Credits written into a caption the way newsrooms write them —
 * "MPs during the debate. Photo: Parliamentary pool" — become the image's
 * credit, which the page prints as "Photo: …" again.
 */
const CREDIT_IN_CAPTION = /^([^]*?)[\s(]*\b(?:Photo(?:graph)?s?|Pictures?)\s*(?::|by\b)\s*([^()]{1,120}?)\)?\s*$/i;

export function splitCaptionCredit(caption: string): { caption: string; credit: string } {
  const match = CREDIT_IN_CAPTION.exec(caption.trim());
  if (!match) return { caption: caption.trim(), credit: "" };
  return { caption: match[1]!.trim(), credit: match[2]!.trim() };
}

function attachmentIdOf(image: Element, figure?: Element): number | null {
  const fromClass = /(?:^|\s)wp-image-(\d+)(?:\s|$)/.exec(image.getAttribute("class") ?? "")?.[1];
  const fromFigure = figure?.getAttribute("data-wp-attachment") ?? /^attachment_(\d+)$/.exec(figure?.getAttribute("id") ?? "")?.[1];
  const id = Number(fromClass ?? fromFigure ?? NaN);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** The editor's figure (lib/rich-text/article-image.ts): <img>, then caption and credit in the figcaption. */
function canonicalFigure(document: Document, image: Element, caption: string, credit: string): Element {
  const figure = document.createElement("figure");
  const copy = document.createElement("img");
  for (const name of ["src", "alt", "title"]) {
    const value = image.getAttribute(name);
    if (value !== null) copy.setAttribute(name, value);
  }
  figure.appendChild(copy);
  if (caption || credit) {
    const figcaption = document.createElement("figcaption");
    if (caption) figcaption.appendChild(document.createTextNode(caption));
    if (credit) {
      const small = document.createElement("small");
      const bdi = document.createElement("bdi");
      bdi.textContent = credit;
      small.appendChild(bdi);
      figcaption.appendChild(small);
    }
    figure.appendChild(figcaption);
  }
  return figure;
}

function rename(element: Element, tagName: string): void {
  const renamed = element.ownerDocument.createElement(tagName);
  while (element.firstChild) renamed.appendChild(element.firstChild);
  element.replaceWith(renamed);
}

/** WordPress markup the editor's parse rules would misread, rewritten into what they read. */
function tidy(body: HTMLElement, tally: Tally, options: ConvertOptions, attachmentIds: Map<string, number>): void {
  const document = body.ownerDocument;

  // Galleries: their pictures, one after another.
  for (const gallery of [...body.querySelectorAll("figure.wp-block-gallery, .gallery")]) {
    const pictures = [...gallery.querySelectorAll("figure")].filter((figure) => figure.querySelector("img"));
    const loose = pictures.length === 0 ? [...gallery.querySelectorAll("img")] : [];
    tally.note("galleries became their images, one after another");
    gallery.replaceWith(...pictures, ...loose);
  }

  for (const figure of [...body.querySelectorAll("figure")]) {
    const image = figure.querySelector("img");
    if (!image) {
      // Tables, quotes, audio and the like in a figure: the figure itself means nothing to the editor.
      figure.replaceWith(...figure.childNodes);
      continue;
    }
    const attachmentId = attachmentIdOf(image, figure);
    const written = splitCaptionCredit(figure.querySelector("figcaption")?.textContent ?? "");
    const known = attachmentId !== null ? options.attachment?.(attachmentId) : undefined;
    const credit = written.credit || known?.credit || "";
    if (!image.getAttribute("alt") && known?.alt) image.setAttribute("alt", known.alt);
    if (attachmentId !== null && image.getAttribute("src")) attachmentIds.set(image.getAttribute("src")!, attachmentId);
    figure.replaceWith(canonicalFigure(document, image, written.caption, credit));
  }

  for (const image of [...body.querySelectorAll("img")]) {
    const attachmentId = attachmentIdOf(image);
    if (attachmentId !== null && image.getAttribute("src")) attachmentIds.set(image.getAttribute("src")!, attachmentId);
  }

  // The editor has h2–h4: a page's h1 is the headline, so body h1s become h2, and h5/h6 become h4.
  for (const heading of [...body.querySelectorAll("h1")]) rename(heading, "h2");
  for (const heading of [...body.querySelectorAll("h5, h6")]) rename(heading, "h4");

  // Preformatted text keeps its lines, as code.
  for (const pre of [...body.querySelectorAll("pre")]) {
    const paragraph = document.createElement("p");
    const code = document.createElement("code");
    (pre.textContent ?? "").replace(/\n$/, "").split("\n").forEach((line, index) => {
      if (index > 0) code.appendChild(document.createElement("br"));
      code.appendChild(document.createTextNode(line));
    });
    paragraph.appendChild(code);
    pre.replaceWith(paragraph);
    tally.note("preformatted text became code with its line breaks");
  }

  // Embedded players written as HTML: a link to what they played.
  for (const frame of [...body.querySelectorAll("iframe[src], video[src], audio[src]")]) {
    const link = document.createElement("p");
    link.innerHTML = embedLink(frame.getAttribute("src")!, tally).slice(3, -4);
    frame.replaceWith(link);
  }

  if (body.querySelector("table")) tally.note("tables became paragraphs (the editor has no tables)");
  if (body.querySelector("script, style, object, embed, form")) tally.note("scripts, styles, forms and plugin objects were removed");
}

/**
 * ProseMirror's parser tries each parse rule's selector on each element, and
 * linkedom compiles a selector anew every time it is asked — most of the
 * conversion's time. Nearly every rule names a tag ("p", "img[src]…"), so a
 * comparison of tag names answers most tries before the selector is read.
 */
function answerSelectorsByTagFirst(body: HTMLElement): void {
  for (const element of [body, ...body.querySelectorAll("*")]) {
    const fullMatch = element.matches.bind(element);
    const tag = element.localName;
    Object.defineProperty(element, "matches", {
      value: (selector: string) => {
        const leading = /^[a-zA-Z][a-zA-Z0-9-]*/.exec(selector)?.[0];
        if (leading && !selector.includes(",") && leading.toLowerCase() !== tag) return false;
        return leading?.length === selector.length ? true : fullMatch(selector);
      },
    });
  }
}

function isBlankParagraph(node: JSONContent): boolean {
  if (node.type !== "paragraph") return false;
  return (node.content ?? []).every((child) => child.type === "text" && (child.text ?? "").replace(/[\s\u00a0]/g, "") === "");
}

/** Converts one post's content (post_content as exported) to the editor's document. */
export function convertContent(content: string, options: ConvertOptions = {}): ContentConversion {
  const tally = new Tally();
  const format = hasBlocks(content) ? "blocks" : "classic";
  let html = content.replace(/\r\n?/g, "\n");
  html = dropMoreTags(html, tally);
  if (format === "blocks") {
    countBlocks(html, tally);
    html = replaceEmbedBlocks(html, (url) => embedLink(url, tally));
    html = linkBareAddresses(html, tally, false);
  } else {
    html = linkBareAddresses(html, tally, true);
    html = autop(html);
  }
  html = expandShortcodes(html, tally, options);

  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  const attachmentIds = new Map<string, number>();
  tidy(document.body, tally, options, attachmentIds);
  answerSelectorsByTagFirst(document.body);
  const parsed = ProseMirrorDOMParser.fromSchema(articleBodySchema).parse(document.body as unknown as Node);
  const json = parsed.toJSON() as JSONContent;

  const blocks = (json.content ?? []).filter((node) => !isBlankParagraph(node));
  const images: InlineImage[] = [];
  const visit = (node: JSONContent) => {
    if (node.type === "image" && typeof node.attrs?.src === "string") images.push({ src: node.attrs.src, attachmentId: attachmentIds.get(node.attrs.src) ?? null });
    node.content?.forEach(visit);
  };
  blocks.forEach(visit);

  return {
    document: { type: "doc", content: blocks.length > 0 ? blocks : [{ type: "paragraph" }] },
    format,
    images,
    blocks: tally.blocks,
    shortcodes: tally.shortcodes,
    embeds: tally.embeds,
    notes: tally.notes,
  };
}

/**
 * Gives each image a new address (the copy the importer stored), or removes
 * it when `newSource` returns null (an image that could not be fetched).
 */
export function replaceImageSources(document: JSONContent, newSource: (image: InlineImage) => string | null, images: readonly InlineImage[]): JSONContent {
  const bySource = new Map(images.map((image) => [image.src, image]));
  const visit = (node: JSONContent): JSONContent | null => {
    if (node.type === "image" && typeof node.attrs?.src === "string") {
      const image = bySource.get(node.attrs.src) ?? { src: node.attrs.src, attachmentId: null };
      const src = newSource(image);
      return src === null ? null : { ...node, attrs: { ...node.attrs, src } };
    }
    if (!node.content) return node;
    return { ...node, content: node.content.map(visit).filter((child): child is JSONContent => child !== null) };
  };
  const result = visit(document)!;
  if (!result.content?.length) result.content = [{ type: "paragraph" }];
  return result;
}
