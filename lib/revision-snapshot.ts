import { diffArrays, diffWords } from "diff";
import { z } from "@/lib/zod";

/**
 * What a revision stores: every field an editor can change, as it was at one
 * version. References are stored as ids (section, bylines, sources, image) and
 * turned into names only when a person reads the history, so renaming a
 * source does not rewrite the past. Restoring a revision feeds its snapshot
 * back through the ordinary save, which re-validates everything.
 */

const text = z.string().catch("");
const id = z.string().nullable().catch(null);

const snapshotCitationSchema = z.object({
  sourceId: z.string(),
  viaSourceId: id.default(null),
  claim: text,
  factKey: id.default(null),
  factValue: id.default(null),
  reportUrl: id.default(null),
});

/** Lenient on purpose: a field missing from an older snapshot reads as empty instead of hiding the revision. */
const articleSnapshotSchema = z.object({
  title: text.default(""),
  dek: text.default(""),
  slug: text.default(""),
  body: z.unknown(),
  sectionId: id.default(null),
  tags: z.array(z.string()).catch([]).default([]),
  bylineIds: z.array(z.string()).catch([]).default([]),
  featuredImageId: id.default(null),
  imageAlt: text.default(""),
  imageCaption: text.default(""),
  imageCredit: text.default(""),
  citations: z.array(snapshotCitationSchema).catch([]).default([]),
});

export type ArticleSnapshot = z.output<typeof articleSnapshotSchema>;
export type SnapshotCitation = z.output<typeof snapshotCitationSchema>;

/** The snapshot of a story's editable fields, in the one shape every writer of revisions uses. */
export function snapshotOf(article: {
  title: string;
  dek: string;
  slug: string;
  body: unknown;
  sectionId: string | null;
  tags: readonly string[];
  bylineIds: readonly string[];
  featuredImageId: string | null;
  imageAlt: string;
  imageCaption: string;
  imageCredit: string;
  citations: readonly SnapshotCitation[];
}): ArticleSnapshot {
  return {
    title: article.title,
    dek: article.dek,
    slug: article.slug,
    body: article.body,
    sectionId: article.sectionId,
    tags: [...article.tags],
    bylineIds: [...article.bylineIds],
    featuredImageId: article.featuredImageId,
    imageAlt: article.imageAlt,
    imageCaption: article.imageCaption,
    imageCredit: article.imageCredit,
    citations: article.citations.map((citation) => ({
      sourceId: citation.sourceId,
      viaSourceId: citation.viaSourceId,
      claim: citation.claim,
      factKey: citation.factKey,
      factValue: citation.factValue,
      reportUrl: citation.reportUrl,
    })),
  };
}

export function parseSnapshot(json: unknown): ArticleSnapshot {
  const parsed = articleSnapshotSchema.safeParse(json ?? {});
  return parsed.success ? parsed.data : articleSnapshotSchema.parse({});
}

// ---------------------------------------------------------------------------
// The body as readable blocks of text, one per paragraph, heading, list item…

interface JsonNode {
  type?: unknown;
  text?: unknown;
  attrs?: Record<string, unknown>;
  marks?: { type?: unknown; attrs?: Record<string, unknown> }[];
  content?: unknown;
}

const childrenOf = (node: JsonNode): JsonNode[] => (Array.isArray(node.content) ? (node.content as JsonNode[]) : []);

function inlineText(node: JsonNode): string {
  return childrenOf(node)
    .map((child) => {
      if (child.type === "hardBreak") return "\n";
      if (child.type !== "text" || typeof child.text !== "string") return "";
      // A changed link target is a change worth seeing, so it is spelled out.
      const link = child.marks?.find((mark) => mark.type === "link");
      const href = typeof link?.attrs?.href === "string" ? link.attrs.href : null;
      return href ? `${child.text} <${href}>` : child.text;
    })
    .join("");
}

function blocksOf(node: JsonNode, prefix: string, out: string[]): void {
  switch (node.type) {
    case "paragraph": {
      const line = inlineText(node).trim();
      if (line) out.push(prefix + line);
      return;
    }
    case "heading": {
      const level = typeof node.attrs?.level === "number" ? node.attrs.level : 2;
      const line = inlineText(node).trim();
      if (line) out.push(`${prefix}${"#".repeat(level)} ${line}`);
      return;
    }
    case "bulletList":
    case "orderedList": {
      const start = typeof node.attrs?.start === "number" ? node.attrs.start : 1;
      childrenOf(node).forEach((item, index) => {
        const marker = node.type === "bulletList" ? "• " : `${start + index}. `;
        const inner: string[] = [];
        for (const child of childrenOf(item)) blocksOf(child, "", inner);
        inner.forEach((line, lineIndex) => out.push(prefix + (lineIndex === 0 ? marker : "   ") + line));
      });
      return;
    }
    case "blockquote":
      for (const child of childrenOf(node)) blocksOf(child, `${prefix}> `, out);
      return;
    case "image": {
      const alt = typeof node.attrs?.alt === "string" && node.attrs.alt ? node.attrs.alt : "no description";
      const src = typeof node.attrs?.src === "string" ? node.attrs.src : "";
      out.push(`${prefix}[Image: ${alt}] ${src}`.trimEnd());
      return;
    }
    case "horizontalRule":
      out.push(`${prefix}———`);
      return;
    default:
      for (const child of childrenOf(node)) blocksOf(child, prefix, out);
  }
}

export function documentBlocks(body: unknown): string[] {
  if (!body || typeof body !== "object") return [];
  const out: string[] = [];
  blocksOf(body as JsonNode, "", out);
  return out;
}

// ---------------------------------------------------------------------------
// Snapshots as a person reads them, and the differences between two.

export interface SnapshotNames {
  sections: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, string>;
  sources: ReadonlyMap<string, string>;
}

export interface ReadableSnapshot {
  fields: { key: string; label: string; text: string }[];
  body: string[];
}

const nameOr = (names: ReadonlyMap<string, string>, key: string | null, missing: string) =>
  key ? (names.get(key) ?? missing) : "";

export function citationLine(citation: SnapshotCitation, sources: ReadonlyMap<string, string>): string {
  const source = nameOr(sources, citation.sourceId, "(removed source)");
  const via = citation.viaSourceId ? ` (via ${nameOr(sources, citation.viaSourceId, "(removed source)")})` : "";
  const fact = citation.factKey ? ` — ${citation.factKey}: ${citation.factValue ?? ""}` : "";
  const report = citation.reportUrl ? ` <${citation.reportUrl}>` : "";
  return `${source}${via}: “${citation.claim}”${fact}${report}`;
}

export function readableSnapshot(snapshot: ArticleSnapshot, names: SnapshotNames): ReadableSnapshot {
  return {
    fields: [
      { key: "title", label: "Title", text: snapshot.title },
      { key: "dek", label: "Dek", text: snapshot.dek },
      { key: "slug", label: "Slug", text: snapshot.slug },
      { key: "section", label: "Section", text: nameOr(names.sections, snapshot.sectionId, "(removed section)") },
      { key: "bylines", label: "Bylines", text: snapshot.bylineIds.map((user) => nameOr(names.users, user, "(removed user)")).join(", ") },
      { key: "tags", label: "Tags", text: snapshot.tags.join(", ") },
      { key: "image", label: "Featured image", text: snapshot.featuredImageId ? `image ${snapshot.featuredImageId.slice(0, 8)}` : "" },
      { key: "imageAlt", label: "Image alt text", text: snapshot.imageAlt },
      { key: "imageCaption", label: "Caption", text: snapshot.imageCaption },
      { key: "imageCredit", label: "Credit", text: snapshot.imageCredit },
      { key: "citations", label: "Sources and claims", text: snapshot.citations.map((citation) => citationLine(citation, names.sources)).join("\n") },
    ],
    body: documentBlocks(snapshot.body),
  };
}

export type DiffPart = { text: string; change: "same" | "added" | "removed" };

export interface FieldChange {
  key: string;
  label: string;
  parts: DiffPart[];
}

export type BodyChange =
  | { kind: "same"; blocks: string[] }
  | { kind: "changed"; parts: DiffPart[] }
  | { kind: "added"; text: string }
  | { kind: "removed"; text: string };

export interface RevisionDiff {
  fields: FieldChange[];
  /** Empty when the body did not change. */
  body: BodyChange[];
}

function wordParts(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((change) => ({
    text: change.value,
    change: change.added ? "added" : change.removed ? "removed" : "same",
  }));
}

function diffBody(before: string[], after: string[]): BodyChange[] {
  const changes: BodyChange[] = [];
  const runs = diffArrays(before, after);
  for (let index = 0; index < runs.length; index += 1) {
    const run = runs[index]!;
    if (!run.added && !run.removed) {
      changes.push({ kind: "same", blocks: run.value });
      continue;
    }
    const next = runs[index + 1];
    // A paragraph that was edited shows as removed-then-added: pair them up and show the words that changed.
    if (run.removed && next?.added) {
      const pairs = Math.min(run.value.length, next.value.length);
      for (let pair = 0; pair < pairs; pair += 1) changes.push({ kind: "changed", parts: wordParts(run.value[pair]!, next.value[pair]!) });
      for (const block of run.value.slice(pairs)) changes.push({ kind: "removed", text: block });
      for (const block of next.value.slice(pairs)) changes.push({ kind: "added", text: block });
      index += 1;
      continue;
    }
    for (const block of run.value) changes.push(run.added ? { kind: "added", text: block } : { kind: "removed", text: block });
  }
  return changes.some((change) => change.kind !== "same") ? changes : [];
}

/** What changed from `older` to `newer`: the fields that differ, word by word, and the body block by block. */
export function diffSnapshots(older: ReadableSnapshot, newer: ReadableSnapshot): RevisionDiff {
  const fields: FieldChange[] = [];
  for (const field of newer.fields) {
    const before = older.fields.find((candidate) => candidate.key === field.key)?.text ?? "";
    if (before === field.text) continue;
    const parts =
      field.key === "citations"
        ? diffArrays(before ? before.split("\n") : [], field.text ? field.text.split("\n") : []).flatMap((run) =>
            run.value.map((line): DiffPart => ({ text: `${line}\n`, change: run.added ? "added" : run.removed ? "removed" : "same" })),
          )
        : wordParts(before, field.text);
    fields.push({ key: field.key, label: field.label, parts });
  }
  return { fields, body: diffBody(older.body, newer.body) };
}
