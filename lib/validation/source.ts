import { z } from "@/lib/zod";
import { optionalWebAddress } from "@/lib/validation/article";

export const sourceKinds = [
  "NEWS_AGENCY",
  "NEWS_OUTLET",
  "GOVERNMENT",
  "MILITARY",
  "NGO",
  "SOCIAL_MEDIA",
  "ANONYMOUS",
  "DOCUMENT",
  "OTHER",
] as const;

/** A registry entry as the forms send it. Readers see name, short name, kind, URL and description; never the notes. */
export const sourceSchema = z
  .object({
    name: z.string().trim().min(1, "Give the source a name.").max(200, "Keep the name under 200 characters."),
    shortName: z.string().trim().max(40, "Keep the short name under 40 characters.").default(""),
    kind: z.enum(sourceKinds, "Pick what kind of source this is."),
    url: optionalWebAddress,
    description: z.string().trim().max(300, "Keep the description under 300 characters.").default(""),
    notes: z.string().trim().max(5000, "Keep the notes under 5,000 characters.").default(""),
  })
  .superRefine((source, ctx) => {
    // An anonymous source is shown to readers only as described, so it needs a description.
    if (source.kind === "ANONYMOUS" && !source.description) {
      ctx.addIssue({
        code: "custom",
        path: ["description"],
        message: "Describe the anonymous source as readers should see it (e.g. an anonymous provincial source).",
      });
    }
  });

export type SourceInput = z.output<typeof sourceSchema>;

export const updateSourceSchema = sourceSchema.safeExtend({ id: z.uuid() });

export const mergeSourceSchema = z
  .object({
    id: z.uuid(),
    intoId: z.uuid("Pick the source to keep."),
  })
  .refine((input) => input.id !== input.intoId, { path: ["intoId"], message: "Pick a different source to merge into." });

export const sourceIdSchema = z.object({ id: z.uuid() });

export const sourceSearchSchema = z.object({
  q: z.string().trim().max(200).default(""),
  kind: z.enum(sourceKinds).optional().catch(undefined),
  cursor: z.string().max(300).optional().catch(undefined),
});
