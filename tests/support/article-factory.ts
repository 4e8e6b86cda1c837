import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { paragraphsToDocument } from "@/lib/rich-text/render";
import { commitArticle, type Transition } from "@/lib/services/articles";
import type { StaffUser } from "@/lib/services/users";
import { articleContentSchema, type ArticleContent, type ArticleContentInput } from "@/lib/validation/article";

/**
 * Stories made for one test through the real workflow (so revisions, slugs
 * and relations are what the app itself would store), with unique titles.
 */

type Author = Pick<StaffUser, "id" | "name" | "role">;

export function uniqueTitle(label = "Story"): string {
  return `${label} ${randomBytes(4).toString("hex")}`;
}

export function content(author: { id: string }, overrides: Partial<ArticleContentInput> & { paragraphs?: string[] } = {}): ArticleContent {
  const { paragraphs, ...rest } = overrides;
  return articleContentSchema.parse({
    title: uniqueTitle(),
    dek: "A dek for the test.",
    body: paragraphsToDocument(paragraphs ?? ["The first paragraph.", "The second paragraph."]),
    bylineIds: [author.id],
    ...rest,
  });
}

export async function makeArticle(author: Author, transition: Transition = "save", overrides: Partial<ArticleContentInput> & { paragraphs?: string[] } = {}) {
  const body = content(author, overrides);
  const scheduledFor = transition === "schedule" ? new Date(Date.now() + 60 * 60 * 1000) : undefined;
  const saved = await commitArticle(author, { content: body, transition, scheduledFor });
  return { ...saved, content: body };
}

export async function makeSection(name = uniqueTitle("Section")) {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return db.section.create({ data: { name, slug }, select: { id: true, name: true, slug: true } });
}

export async function makeSource(overrides: { name?: string; shortName?: string; kind?: "NEWS_AGENCY" | "NEWS_OUTLET" | "ANONYMOUS"; notes?: string; description?: string } = {}) {
  return db.source.create({
    data: {
      name: overrides.name ?? uniqueTitle("Agency"),
      shortName: overrides.shortName ?? "",
      kind: overrides.kind ?? "NEWS_AGENCY",
      notes: overrides.notes ?? "",
      description: overrides.description ?? "",
    },
    select: { id: true, name: true },
  });
}
