import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { SaxesParser, type SaxesTagNS } from "saxes";
import { WxrError } from "./errors";
import type { WxrAuthor, WxrComment, WxrItem, WxrItemTerm, WxrMeta, WxrRecord, WxrSite, WxrTerm, WxrVersion } from "./wxr-types";

/*
 * A streaming reader of WordPress exports (WXR).
 *
 * Parser: saxes, a SAX parser written in TypeScript that checks XML
 * well-formedness strictly (it is the XML parser inside jsdom), reads
 * namespaces, and — the reason it is safe on uploads — never processes a DTD:
 * entity declarations are not expanded and external entities never fetched.
 * We go further and refuse any DOCTYPE outright, so "billion laughs" and XXE
 * files get one clear error instead of a half-read import. The file is never
 * held whole: the reader keeps one channel-level element (in practice one
 * post with its comments) at a time, and refuses a single element larger than
 * `maxElementBytes`, so memory stays flat however large the site.
 */

export interface ReadWxrOptions {
  /** Largest single element (one post with all its comments) held in memory. */
  maxElementBytes?: number;
}

const DEFAULT_MAX_ELEMENT_BYTES = 128 * 1024 * 1024;
const SUPPORTED_VERSIONS: readonly WxrVersion[] = ["1.0", "1.1", "1.2"];
const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * Reads a WXR file (plain or gzipped, as WordPress's importer also accepts)
 * and yields its site, authors, terms and items in file order, then one
 * `end` record. Throws WxrError when the file as a whole cannot be read.
 */
export async function* readWxr(input: Readable | AsyncIterable<Buffer | string>, options: ReadWxrOptions = {}): AsyncGenerator<WxrRecord> {
  const maxElementChars = options.maxElementBytes ?? DEFAULT_MAX_ELEMENT_BYTES;
  const assembler = new WxrAssembler();
  const parser = new SaxesParser({ xmlns: true, position: true });
  let closing = false;
  let charsFed = 0;

  parser.on("doctype", (doctype) => {
    if (/^\s*html\s*$/i.test(doctype)) throw new WxrError("not_wxr", "The file is an HTML page, not a WordPress export.", parser.line);
    throw new WxrError("doctype_refused", "The file declares a DOCTYPE, which WordPress exports never do; its entity declarations are not processed (refused for safety).", parser.line);
  });
  parser.on("error", (error) => assembler.onParserError(error, parser.line, closing));
  parser.on("opentag", (tag) => assembler.onOpen(tag, parser.line, charsFed));
  parser.on("closetag", (tag) => assembler.onClose(tag, charsFed));
  parser.on("text", (text) => assembler.onText(text));
  parser.on("cdata", (text) => assembler.onText(text));

  const decoder = new TextDecoder("utf-8");
  let first = true;
  for await (const chunk of decompressed(input)) {
    let text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      text = text.replace(/^\uFEFF/, "");
      refuseWhatIsNotXml(text);
      first = false;
    }
    charsFed += text.length;
    parser.write(text);
    assembler.checkElementSize(charsFed, maxElementChars, parser.line);
    yield* assembler.drain();
  }
  const rest = decoder.decode();
  if (first) refuseWhatIsNotXml(rest);
  closing = true;
  parser.write(rest);
  parser.close();
  assembler.finish(parser.line);
  yield* assembler.drain();
}

async function* decompressed(input: Readable | AsyncIterable<Buffer | string>): AsyncIterable<Buffer | string> {
  const iterator = input[Symbol.asyncIterator]();
  const head = await iterator.next();
  if (head.done) return;
  const rest: AsyncIterable<Buffer | string> = { [Symbol.asyncIterator]: () => iterator };
  const firstChunk = head.value;
  const gzipped = Buffer.isBuffer(firstChunk) && firstChunk[0] === GZIP_MAGIC[0] && firstChunk[1] === GZIP_MAGIC[1];
  if (!gzipped) {
    yield firstChunk;
    yield* rest;
    return;
  }
  const gunzip = createGunzip();
  const source = Readable.from(
    (async function* () {
      yield firstChunk;
      yield* rest;
    })(),
  );
  source.on("error", (error) => gunzip.destroy(error));
  try {
    yield* source.pipe(gunzip);
  } catch {
    throw new WxrError("truncated", "The file is gzip-compressed but the compressed data is cut short or damaged.");
  }
}

/** Empty files, binaries and text that does not open with markup are refused before the XML parser sees them. */
function refuseWhatIsNotXml(start: string): void {
  const trimmed = start.trimStart();
  if (trimmed.length === 0 && start.length === 0) throw new WxrError("not_xml", "The file is empty.");
  if (trimmed.length === 0) return; // Whitespace only so far; the parser will judge the rest.
  if (trimmed.includes("\u0000") || !trimmed.startsWith("<")) {
    throw new WxrError("not_xml", "The file is not XML: a WordPress export (Tools → Export) starts with <?xml … ?>.");
  }
}

type FrameKind = "rss" | "channel" | "author" | "category" | "tag" | "term" | "item" | "meta" | "comment";

interface Frame {
  kind: FrameKind;
  /** Depth of the element that opened the frame. */
  depth: number;
  line: number;
  fields: Map<string, string>;
  meta: WxrMeta[];
  comments: WxrComment[];
  terms: WxrItemTerm[];
}

interface Capture {
  key: string;
  depth: number;
  text: string;
  attributes: Record<string, string>;
}

/** The element names a channel's header holds; anything else at that level is skipped unread. */
const CHANNEL_FIELDS = new Set(["title", "link", "description", "language", "wp:wxr_version", "wp:base_site_url", "wp:base_blog_url"]);

const CHILD_FRAMES: Partial<Record<FrameKind, Record<string, FrameKind>>> = {
  rss: { channel: "channel" },
  channel: { "wp:author": "author", "wp:category": "category", "wp:tag": "tag", "wp:term": "term", item: "item" },
  category: { "wp:termmeta": "meta" },
  tag: { "wp:termmeta": "meta" },
  term: { "wp:termmeta": "meta" },
  item: { "wp:postmeta": "meta", "wp:comment": "comment" },
  comment: { "wp:commentmeta": "meta" },
};

/** Characters XML 1.0 forbids but WordPress writes when an author pasted them; they are dropped, not fatal. */
const FORBIDDEN_CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Namespaces by meaning, whatever prefix a file gives them. */
function namespacePrefix(uri: string): string {
  if (uri === "") return "";
  // Any version's namespace counts, so that an unknown version is named rather than missed.
  if (/^https?:\/\/wordpress\.org\/export\/[^/]+\/excerpt\/$/.test(uri)) return "excerpt:";
  if (/^https?:\/\/wordpress\.org\/export\/[^/]+\/$/.test(uri)) return "wp:";
  if (uri === "http://purl.org/rss/1.0/modules/content/") return "content:";
  if (uri === "http://purl.org/dc/elements/1.1/") return "dc:";
  return `{${uri}}`;
}

const keyOf = (tag: SaxesTagNS) => namespacePrefix(tag.uri) + tag.local;

class WxrAssembler {
  private readonly ready: WxrRecord[] = [];
  private readonly frames: Frame[] = [];
  private depth = 0;
  private capture: Capture | null = null;
  private sawRoot = false;
  private sawChannel = false;
  private siteSent = false;
  private site: Partial<Record<string, string>> = {};
  private readonly termsSeen = new Set<string>();
  private duplicateTerms = 0;
  private removedControlCharacters = 0;
  private elementStartedAt = 0;

  *drain(): Generator<WxrRecord> {
    while (this.ready.length > 0) yield this.ready.shift()!;
  }

  onParserError(error: Error, line: number, closing: boolean): void {
    const reason = error.message.replace(/^(?:.*:)?\d+:\d+: /, "").replace(/\.$/, "");
    if (reason === "disallowed character") {
      this.removedControlCharacters += 1;
      return;
    }
    if (closing) {
      if (!this.sawRoot) throw new WxrError("truncated", `The file ends before its <rss> element: it was cut short (an incomplete upload or copy?).`, line);
      const open = this.frames.at(-1);
      const where = open && open.kind !== "rss" && open.kind !== "channel" ? ` inside the <${open.kind}> that starts at line ${open.line}` : "";
      throw new WxrError("truncated", `The file ends too early${where}: it was cut short (an incomplete upload or copy?).`, line);
    }
    if (!this.sawRoot) throw new WxrError("not_xml", `The file is not XML (${reason} at line ${line}).`, line);
    if (/^unbound namespace prefix/.test(reason)) {
      throw new WxrError("not_wxr", `The file is XML but not a WordPress export: ${reason} at line ${line}.`, line);
    }
    throw new WxrError("malformed_xml", `The file is not well-formed XML: ${reason} at line ${line}.`, line);
  }

  onOpen(tag: SaxesTagNS, line: number, charsFed: number): void {
    this.depth += 1;
    const key = keyOf(tag);
    if (!this.sawRoot) {
      this.sawRoot = true;
      if (key !== "rss") {
        throw new WxrError("not_wxr", `The file is XML but not a WordPress export: its root element is <${tag.name}>, not <rss>.`, line);
      }
      this.frames.push(newFrame("rss", this.depth, line));
      return;
    }
    if (this.depth <= 3) this.elementStartedAt = charsFed;
    if (this.capture) return; // Markup inside a field: its text belongs to the field.

    const frame = this.frames.at(-1);
    if (!frame || frame.depth !== this.depth - 1) return; // Inside something we skip.
    const childKind = CHILD_FRAMES[frame.kind]?.[key];
    if (childKind) {
      if (frame.kind === "channel") this.sendSiteOnce(line);
      if (childKind === "channel") this.sawChannel = true;
      this.frames.push(newFrame(childKind, this.depth, line));
      return;
    }
    if (frame.kind === "rss" || (frame.kind === "channel" && !CHANNEL_FIELDS.has(key))) return;
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) attributes[attribute.local] = attribute.value;
    this.capture = { key, depth: this.depth, text: "", attributes };
  }

  onText(text: string): void {
    if (this.capture) this.capture.text += text;
  }

  onClose(_tag: SaxesTagNS, charsFed: number): void {
    if (this.depth <= 3) this.elementStartedAt = charsFed;
    const capture = this.capture;
    if (capture && capture.depth === this.depth) {
      this.capture = null;
      this.storeField(capture);
    }
    const frame = this.frames.at(-1);
    if (frame && frame.depth === this.depth) {
      this.frames.pop();
      this.closeFrame(frame);
    }
    this.depth -= 1;
  }

  checkElementSize(charsFed: number, maxChars: number, line: number): void {
    if (this.depth >= 3 && charsFed - this.elementStartedAt > maxChars) {
      const frame = this.frames.at(-1);
      const what = frame && frame.kind !== "channel" ? `the <${frame.kind}> that starts at line ${frame.line}` : `the element before line ${line}`;
      throw new WxrError("element_too_large", `The file is refused: ${what} is larger than ${Math.round(maxChars / 1024 / 1024)} MB.`, line);
    }
  }

  finish(line: number): void {
    if (!this.sawRoot) throw new WxrError("not_xml", "The file is not XML: it has no root element.", line);
    if (!this.sawChannel) throw new WxrError("not_wxr", "The file is XML but not a WordPress export: <rss> has no <channel>.", line);
    this.sendSiteOnce(line);
    this.ready.push({ kind: "end", removedControlCharacters: this.removedControlCharacters, duplicateTerms: this.duplicateTerms });
  }

  private storeField(capture: Capture): void {
    const frame = this.frames.at(-1);
    if (!frame) return;
    const value = this.withoutForbiddenCharacters(capture.text);
    if (frame.kind === "channel") {
      this.site[capture.key] = value;
    } else if (frame.kind === "item" && capture.key === "category") {
      const term = itemTerm(capture.attributes, value);
      if (term) frame.terms.push(term);
    } else if (!frame.fields.has(capture.key)) {
      frame.fields.set(capture.key, value);
    }
  }

  private withoutForbiddenCharacters(text: string): string {
    return text.replace(FORBIDDEN_CONTROL_CHARACTERS, () => "");
  }

  private closeFrame(frame: Frame): void {
    const parent = this.frames.at(-1);
    switch (frame.kind) {
      case "meta":
        parent?.meta.push({ key: field(frame, "wp:meta_key"), value: field(frame, "wp:meta_value") });
        return;
      case "comment":
        parent?.comments.push(commentFrom(frame));
        return;
      case "author":
        return this.emitAuthor(frame);
      case "category":
      case "tag":
      case "term":
        return this.emitTerm(frame);
      case "item":
        return this.emitItem(frame);
      default:
        return;
    }
  }

  private sendSiteOnce(line: number): void {
    if (this.siteSent) return;
    this.siteSent = true;
    const version = this.site["wp:wxr_version"]?.trim();
    if (!version) {
      throw new WxrError("not_wxr", "The file is an RSS feed, not a WordPress export: it has no wp:wxr_version (use Tools → Export in WordPress).", line);
    }
    if (!(SUPPORTED_VERSIONS as readonly string[]).includes(version)) {
      throw new WxrError("unsupported_version", `The file is WXR version ${JSON.stringify(version).slice(0, 40)}; this importer reads versions 1.0, 1.1 and 1.2.`, line);
    }
    const link = (this.site.link ?? "").trim();
    const baseSiteUrl = (this.site["wp:base_site_url"] ?? "").trim() || link;
    const site: WxrSite = {
      title: this.site.title ?? "",
      link,
      description: this.site.description ?? "",
      language: (this.site.language ?? "").trim(),
      wxrVersion: version as WxrVersion,
      baseSiteUrl,
      baseBlogUrl: (this.site["wp:base_blog_url"] ?? "").trim() || baseSiteUrl,
    };
    this.ready.push({ kind: "site", site });
  }

  private emitAuthor(frame: Frame): void {
    const login = field(frame, "wp:author_login").trim();
    if (!login) {
      this.ready.push({ kind: "skipped", skipped: { what: "author", line: frame.line, wordpressId: integerField(frame, "wp:author_id"), label: field(frame, "wp:author_display_name"), reason: "has no wp:author_login" } });
      return;
    }
    const author: WxrAuthor = {
      wordpressId: integerField(frame, "wp:author_id"),
      login,
      email: field(frame, "wp:author_email").trim(),
      displayName: field(frame, "wp:author_display_name"),
      firstName: field(frame, "wp:author_first_name"),
      lastName: field(frame, "wp:author_last_name"),
    };
    this.ready.push({ kind: "author", author });
  }

  private emitTerm(frame: Frame): void {
    const term = termFrom(frame);
    if (!term.slug) {
      this.ready.push({ kind: "skipped", skipped: { what: "term", line: frame.line, wordpressId: term.wordpressId, label: term.name, reason: `a ${term.taxonomy} without a slug` } });
      return;
    }
    const identity = `${term.taxonomy}\u0000${term.slug}`;
    if (this.termsSeen.has(identity)) {
      this.duplicateTerms += 1;
      return;
    }
    this.termsSeen.add(identity);
    this.ready.push({ kind: "term", term });
  }

  private emitItem(frame: Frame): void {
    const rawId = frame.fields.get("wp:post_id");
    const wordpressId = integerField(frame, "wp:post_id");
    const postType = field(frame, "wp:post_type").trim();
    const title = field(frame, "title");
    const skip = (reason: string): void => {
      this.ready.push({ kind: "skipped", skipped: { what: "item", line: frame.line, wordpressId, label: title, reason } });
    };
    if (rawId === undefined || rawId.trim() === "") return skip("has no wp:post_id");
    if (wordpressId === null || wordpressId <= 0) return skip(`has wp:post_id ${JSON.stringify(rawId.trim().slice(0, 40))}, which is not a positive whole number`);
    if (!postType) return skip("has no wp:post_type");
    const item: WxrItem = {
      wordpressId,
      postType,
      title,
      link: field(frame, "link").trim(),
      guid: field(frame, "guid").trim(),
      pubDate: field(frame, "pubDate").trim(),
      creator: field(frame, "dc:creator").trim(),
      content: field(frame, "content:encoded"),
      excerpt: field(frame, "excerpt:encoded"),
      postDate: field(frame, "wp:post_date").trim(),
      postDateGmt: field(frame, "wp:post_date_gmt").trim(),
      modifiedDate: field(frame, "wp:post_modified").trim(),
      modifiedDateGmt: field(frame, "wp:post_modified_gmt").trim(),
      commentStatus: field(frame, "wp:comment_status").trim(),
      pingStatus: field(frame, "wp:ping_status").trim(),
      postName: field(frame, "wp:post_name").trim(),
      status: field(frame, "wp:status").trim(),
      parentId: integerField(frame, "wp:post_parent") ?? 0,
      menuOrder: integerField(frame, "wp:menu_order") ?? 0,
      password: field(frame, "wp:post_password"),
      isSticky: field(frame, "wp:is_sticky").trim() === "1",
      attachmentUrl: field(frame, "wp:attachment_url").trim(),
      terms: frame.terms,
      meta: frame.meta,
      comments: frame.comments,
      line: frame.line,
    };
    this.ready.push({ kind: "item", item });
  }
}

function newFrame(kind: FrameKind, depth: number, line: number): Frame {
  return { kind, depth, line, fields: new Map(), meta: [], comments: [], terms: [] };
}

const field = (frame: Frame, key: string): string => frame.fields.get(key) ?? "";

function integerField(frame: Frame, key: string): number | null {
  const value = frame.fields.get(key)?.trim() ?? "";
  return /^-?\d{1,15}$/.test(value) ? Number(value) : null;
}

function itemTerm(attributes: Record<string, string>, name: string): WxrItemTerm | null {
  const domain = attributes.domain?.trim();
  const slug = attributes.nicename?.trim();
  // WXR 1.0 also wrote each term without attributes (name only): the attributed copy is the one to read.
  if (!domain || !slug) return null;
  // WXR 1.0 called tags "tag".
  return { taxonomy: domain === "tag" ? "post_tag" : domain, slug, name };
}

function termFrom(frame: Frame): WxrTerm {
  const wordpressId = integerField(frame, "wp:term_id");
  if (frame.kind === "category") {
    return {
      wordpressId,
      taxonomy: "category",
      slug: field(frame, "wp:category_nicename").trim(),
      name: field(frame, "wp:cat_name"),
      parentSlug: field(frame, "wp:category_parent").trim(),
      description: field(frame, "wp:category_description"),
      meta: frame.meta,
    };
  }
  if (frame.kind === "tag") {
    return {
      wordpressId,
      taxonomy: "post_tag",
      slug: field(frame, "wp:tag_slug").trim(),
      name: field(frame, "wp:tag_name"),
      parentSlug: "",
      description: field(frame, "wp:tag_description"),
      meta: frame.meta,
    };
  }
  return {
    wordpressId,
    taxonomy: field(frame, "wp:term_taxonomy").trim(),
    slug: field(frame, "wp:term_slug").trim(),
    name: field(frame, "wp:term_name"),
    parentSlug: field(frame, "wp:term_parent").trim(),
    description: field(frame, "wp:term_description"),
    meta: frame.meta,
  };
}

function commentFrom(frame: Frame): WxrComment {
  return {
    wordpressId: integerField(frame, "wp:comment_id"),
    author: field(frame, "wp:comment_author"),
    authorEmail: field(frame, "wp:comment_author_email").trim(),
    authorUrl: field(frame, "wp:comment_author_url").trim(),
    authorIp: field(frame, "wp:comment_author_IP").trim(),
    date: field(frame, "wp:comment_date").trim(),
    dateGmt: field(frame, "wp:comment_date_gmt").trim(),
    content: field(frame, "wp:comment_content"),
    approved: field(frame, "wp:comment_approved").trim(),
    type: field(frame, "wp:comment_type").trim(),
    parentId: integerField(frame, "wp:comment_parent") ?? 0,
    userId: integerField(frame, "wp:comment_user_id") ?? 0,
    meta: frame.meta,
  };
}
