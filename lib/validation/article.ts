import { z } from "@/lib/zod";
import { slugPattern } from "@/lib/slug";

/**
 * What the article editor sends, shared by the editor (client-side checks of
 * the citation sub-form), the server actions and the services. The body's
 * structure is only sketched here; the server parses it against the editor's
 * schema (lib/rich-text/render.ts) before anything is stored.
 */

export const TITLE_MAX = 200;
export const DEK_MAX = 400;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .default("");

/** "" (an empty select or field) → null, anything else must be a UUID. */
const optionalId = (message: string) =>
  z
    .string()
    .nullish()
    .transform((value) => value || null)
    .pipe(z.uuid(message).nullable());

/** Empty → null; otherwise an absolute http(s) address. */
export const optionalWebAddress = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? null : typeof value === "string" ? value.trim() : value),
  z
    .url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "Enter a full web address starting with http:// or https://." })
    .max(2000, "That address is too long.")
    .nullable()
    .default(null),
);

const emptyToNull = (value: string) => (value === "" ? null : value);

export const citationSchema = z
  .object({
    sourceId: z.uuid("Pick a source."),
    viaSourceId: optionalId("Pick a source, or leave it empty."),
    claim: z.string().trim().min(1, "Write the claim this source makes.").max(1000, "Keep the claim under 1,000 characters."),
    factKey: z.string().trim().max(80, "Keep the fact name under 80 characters.").default("").transform(emptyToNull),
    factValue: z.string().trim().max(80, "Keep the value under 80 characters.").default("").transform(emptyToNull),
    reportUrl: optionalWebAddress,
  })
  .superRefine((citation, ctx) => {
    if (citation.factValue && !citation.factKey) {
      ctx.addIssue({ code: "custom", path: ["factKey"], message: "Name the fact this value is for (e.g. death toll)." });
    }
    if (citation.factKey && !citation.factValue) {
      ctx.addIssue({ code: "custom", path: ["factValue"], message: "Give the value this source reports." });
    }
    if (citation.viaSourceId && citation.viaSourceId === citation.sourceId) {
      ctx.addIssue({ code: "custom", path: ["viaSourceId"], message: "A source cannot relay its own claim." });
    }
  });

/** A ProseMirror document as JSON; its nodes are checked on the server against the editor's schema. */
const documentSchema = z
  .object({ type: z.literal("doc"), content: z.array(z.record(z.string(), z.unknown())).max(5000).optional() })
  .loose();

/** Tag names: trimmed, no empties, no duplicates (ignoring case), in the order given. */
const tagsSchema = z
  .array(z.string().trim().max(40, "Keep each tag under 40 characters."))
  .max(20, "Use at most 20 tags.")
  .default([])
  .transform((tags) => {
    const seen = new Set<string>();
    return tags.filter((tag) => {
      const key = tag.toLocaleLowerCase();
      if (!tag || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

export const articleContentSchema = z.object({
  title: z.string().trim().min(1, "Give the story a title.").max(TITLE_MAX, `Keep the title under ${TITLE_MAX} characters.`),
  dek: optionalText(DEK_MAX, "The dek"),
  body: documentSchema,
  sectionId: optionalId("Pick a section from the list."),
  /** Empty: made from the title. */
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(80, "Keep the slug under 80 characters.")
    .refine((slug) => slug === "" || slugPattern.test(slug), "Use lower-case letters, digits and single hyphens only (e.g. port-strike-ends).")
    .default(""),
  /** The slug still follows the title (nobody typed one): the server picks a free one from the title. */
  slugAuto: z.boolean().default(false),
  tags: tagsSchema,
  bylineIds: z
    .array(z.uuid("Pick bylines from the staff list."))
    .min(1, "Add at least one byline.")
    .max(10, "Use at most 10 bylines.")
    .transform((ids) => [...new Set(ids)]),
  featuredImageId: optionalId("Upload the image again."),
  imageAlt: optionalText(300, "The alt text"),
  imageCaption: optionalText(500, "The caption"),
  imageCredit: optionalText(200, "The credit"),
  citations: z.array(citationSchema).max(200, "Use at most 200 citations.").default([]),
});

export type ArticleContent = z.output<typeof articleContentSchema>;
export type ArticleContentInput = z.input<typeof articleContentSchema>;

/** Which stored story a save is for, and the version the editor loaded (none for a new story). */
const target = {
  id: z.uuid().optional(),
  version: z.int().min(1).optional(),
  /** A new story's key, made by the editor once: a create sent again finds the story instead of making another. */
  creationKey: z.uuid().optional(),
};

export const saveArticleSchema = articleContentSchema.extend(target);
export const publishArticleSchema = saveArticleSchema;

export const scheduleArticleSchema = saveArticleSchema.extend({
  scheduledFor: z.coerce.date({ error: "Pick the date and time to publish." }),
});

export const existingArticleSchema = z.object({ id: z.uuid(), version: z.int().min(1) });
export const unpublishArticleSchema = articleContentSchema.extend(existingArticleSchema.shape);

export const SEND_BACK_NOTE_MAX = 2000;

/** The note an editor sends a story back with: what the writer should change. */
export const sendBackNoteSchema = z
  .string()
  .trim()
  .min(1, "Tell the writer what to change before it comes back.")
  .max(SEND_BACK_NOTE_MAX, "Keep the note under 2,000 characters.");

/** Sending back saves the editor's own changes too, so it carries the whole story like the other buttons. */
export const sendBackArticleSchema = articleContentSchema.extend({ ...existingArticleSchema.shape, note: sendBackNoteSchema });

export const articleIdSchema = z.object({ id: z.uuid() });

export const restoreRevisionSchema = z.object({
  id: z.uuid(),
  revisionId: z.uuid(),
  version: z.coerce.number().int().min(1),
});

export const correctionSchema = z.object({
  articleId: z.uuid(),
  text: z.string().trim().min(1, "Write the correction readers will see.").max(2000, "Keep the correction under 2,000 characters."),
});

export const removeCorrectionSchema = z.object({ id: z.uuid() });

export const heartbeatSchema = z.object({
  id: z.uuid(),
  /** False when the editor closes: the "is editing" mark is cleared at once. */
  editing: z.boolean().default(true),
});

export const articleStatuses = ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "UNPUBLISHED"] as const;

/** The article list's filters, from the URL; anything malformed is dropped rather than refused. */
export const articleListFilterSchema = z.object({
  status: z.enum([...articleStatuses, "TRASH"]).optional().catch(undefined),
  section: z.uuid().optional().catch(undefined),
  author: z.uuid().optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
});

export type ArticleListFilter = z.output<typeof articleListFilterSchema>;
