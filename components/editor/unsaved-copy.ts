import type { JSONContent } from "@tiptap/core";
import { z } from "@/lib/zod";
import { sourceKinds } from "@/lib/validation/source";

/**
 * The browser's copy of a story's unsaved changes, kept in localStorage while
 * the editor holds anything the server does not have, so that a failed save, a
 * lost connection, a crash or a closed tab never costs a writer their text.
 *
 * Each open editor keeps its own entry (a session key), naming the story it is
 * for (null: a story never saved) and the version its changes were made on.
 * Opening that story again, or a new story, offers the entries other sessions
 * left behind. An entry is dropped as soon as the server has everything in it,
 * or when the writer restores or discards it. Entries are per staff member, so
 * a shared computer offers nobody another person's copy.
 */

const prefix = "newsroom:unsaved-story:v1:";

const choiceSchema = z.object({ id: z.string(), name: z.string() });
const sourceChoiceSchema = choiceSchema.extend({ shortName: z.string(), kind: z.enum(sourceKinds), description: z.string() });

/** Everything the writer can change in the editor, as the editor holds it. */
export const storyValuesSchema = z.object({
  title: z.string(),
  dek: z.string(),
  slug: z.string(),
  sectionId: z.string(),
  tags: z.string(),
  bylines: z.array(choiceSchema),
  image: z.object({ id: z.string(), url: z.string(), width: z.number(), height: z.number() }).nullable(),
  imageAlt: z.string(),
  imageCaption: z.string(),
  imageCredit: z.string(),
  body: z.custom<JSONContent>((value) => typeof value === "object" && value !== null && (value as { type?: unknown }).type === "doc"),
  citations: z.array(
    z.object({
      key: z.string(),
      source: sourceChoiceSchema,
      via: sourceChoiceSchema.nullable(),
      claim: z.string(),
      factKey: z.string(),
      factValue: z.string(),
      reportUrl: z.string(),
    }),
  ),
});

export type StoryValues = z.infer<typeof storyValuesSchema>;

const copySchema = z.object({
  owner: z.string(),
  session: z.string(),
  storyId: z.string().nullable(),
  baseVersion: z.int().nullable(),
  slugTouched: z.boolean(),
  /** The key a story never saved is created with (copies kept before keys existed have none). */
  creationKey: z.uuid().optional(),
  keptAt: z.iso.datetime(),
  values: storyValuesSchema,
});

export type UnsavedCopy = z.infer<typeof copySchema>;

const keyOf = (owner: string, session: string) => `${prefix}${owner}:${session}`;

/** A key for one editor session. Not crypto.randomUUID: that exists only on https and localhost. */
export function newSessionKey(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * The key a new story is created with (see creationKey in lib/validation/article.ts): a random UUID.
 * From getRandomValues, which browsers offer on plain http too, unlike crypto.randomUUID.
 */
export function newCreationKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Writes the copy; false when the browser would not keep it (storage full, disabled or blocked). */
export function keepCopy(copy: Omit<UnsavedCopy, "keptAt">): boolean {
  try {
    localStorage.setItem(keyOf(copy.owner, copy.session), JSON.stringify({ ...copy, keptAt: new Date().toISOString() }));
    return true;
  } catch {
    return false;
  }
}

export function dropCopy(owner: string, session: string): void {
  try {
    localStorage.removeItem(keyOf(owner, session));
  } catch {
    // Storage that cannot be reached holds no copy to drop.
  }
}

/** Copies other sessions left for this story (storyId null: for stories never saved), newest first. */
export function copiesLeftFor(owner: string, storyId: string | null, ownSession: string): UnsavedCopy[] {
  const found: UnsavedCopy[] = [];
  try {
    for (let index = 0; index < localStorage.length; index += 1) {
      const key = localStorage.key(index);
      if (!key?.startsWith(`${prefix}${owner}:`)) continue;
      let raw: unknown;
      try {
        raw = JSON.parse(localStorage.getItem(key) ?? "null");
      } catch {
        raw = null;
      }
      const parsed = copySchema.safeParse(raw);
      // Something this version of the editor cannot read is offered to nobody, not shown half-restored.
      if (!parsed.success || parsed.data.owner !== owner) continue;
      if (parsed.data.storyId === storyId && parsed.data.session !== ownSession) found.push(parsed.data);
    }
  } catch {
    return [];
  }
  return found.sort((a, b) => b.keptAt.localeCompare(a.keptAt));
}
