import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role, SourceKind } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/passwords";
import { snapshotOf } from "@/lib/revision-snapshot";
import { paragraphsToDocument, renderBody } from "@/lib/rich-text/render";
import { slugFromText } from "@/lib/slug";
import { demoStories } from "./demo-stories";
import { fixtureStory } from "./fixture-story";
import { demoImage } from "./demo-image";
import { storeImage } from "@/lib/services/media";

/**
 * Idempotent seed: creates what is missing and never changes what exists, so
 * it can run on every `npm run dev` without undoing anybody's edits.
 */

export interface SeedOptions {
  adminEmail?: string;
  adminPassword?: string;
  demo: boolean;
  log?: (line: string) => void;
}

export const demoStaff: { email: string; name: string; role: Role; bio: string }[] = [
  { email: "editor@newsroom.example", name: "Nadia Haddad", role: "EDITOR", bio: "Nadia Haddad is the foreign editor." },
  { email: "writer@newsroom.example", name: "Tom Reyes", role: "WRITER", bio: "Tom Reyes covers the city and the environment." },
  { email: "moderator@newsroom.example", name: "Priya Nair", role: "MODERATOR", bio: "" },
];

async function ensureUser(email: string, name: string, role: Role, password: string, bio = ""): Promise<string> {
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) return existing.id;
  const created = await db.user.create({
    data: { email, name, role, bio, slug: slugFromText(name), passwordHash: await hashPassword(password) },
    select: { id: true },
  });
  return created.id;
}

async function ensureSection(name: string, position: number): Promise<string> {
  const slug = slugFromText(name);
  const section = await db.section.upsert({
    where: { slug },
    update: {},
    create: { name, slug, position },
    select: { id: true },
  });
  return section.id;
}

async function ensureSource(source: {
  name: string;
  shortName?: string;
  kind: SourceKind;
  url?: string | null;
  description?: string;
  notes?: string;
}): Promise<string> {
  const existing = await db.source.findFirst({ where: { name: source.name }, select: { id: true } });
  if (existing) return existing.id;
  const created = await db.source.create({
    data: {
      name: source.name,
      shortName: source.shortName ?? "",
      kind: source.kind,
      url: source.url ?? null,
      description: source.description ?? "",
      notes: source.notes ?? "",
    },
    select: { id: true },
  });
  return created.id;
}

interface StoryInput {
  title: string;
  dek: string;
  sectionId: string;
  tags: readonly string[];
  paragraphs: readonly string[];
  status: "PUBLISHED" | "DRAFT" | "IN_REVIEW" | "SCHEDULED";
  when: Date;
  authorId: string;
  image?: { mediaId: string; alt: string; caption: string; credit: string };
  citations: { sourceId: string; viaSourceId?: string; claim: string; factKey?: string; factValue?: string; reportUrl?: string }[];
}

/** Creates a story with its first revision; returns its id, or the existing one's. */
async function ensureStory(input: StoryInput): Promise<{ id: string; created: boolean }> {
  const slug = slugFromText(input.title);
  const existing = await db.article.findUnique({ where: { slug }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };

  const body = paragraphsToDocument([...input.paragraphs]);
  const rendered = renderBody(body);
  const tagIds = await Promise.all(
    input.tags.map(async (name) => {
      const tag = await db.tag.upsert({ where: { slug: slugFromText(name) }, update: {}, create: { name, slug: slugFromText(name) } });
      return tag.id;
    }),
  );
  const isLive = input.status === "PUBLISHED";
  const data: Prisma.ArticleCreateInput = {
    title: input.title,
    dek: input.dek,
    slug,
    status: input.status,
    body,
    bodyHtml: rendered.html,
    bodyText: rendered.text,
    section: { connect: { id: input.sectionId } },
    createdBy: { connect: { id: input.authorId } },
    publishedAt: isLive ? input.when : null,
    scheduledFor: input.status === "SCHEDULED" ? input.when : null,
    updatedAt: isLive ? input.when : new Date(),
    createdAt: isLive ? input.when : new Date(),
    ...(input.image
      ? {
          featuredImage: { connect: { id: input.image.mediaId } },
          imageAlt: input.image.alt,
          imageCaption: input.image.caption,
          imageCredit: input.image.credit,
        }
      : {}),
    bylines: { create: [{ userId: input.authorId, position: 0 }] },
    tags: { create: tagIds.map((tagId) => ({ tagId })) },
    citations: {
      create: input.citations.map((citation, position) => ({
        sourceId: citation.sourceId,
        viaSourceId: citation.viaSourceId ?? null,
        claim: citation.claim,
        factKey: citation.factKey ?? null,
        factValue: citation.factValue ?? null,
        reportUrl: citation.reportUrl ?? null,
        position,
      })),
    },
  };
  const article = await db.article.create({ data, select: { id: true } });
  // The same snapshot the editor's saves write, so the history, its diffs and restore work on seeded stories too.
  const snapshot = snapshotOf({
    title: input.title,
    dek: input.dek,
    slug,
    body,
    sectionId: input.sectionId,
    tags: [...input.tags],
    bylineIds: [input.authorId],
    featuredImageId: input.image?.mediaId ?? null,
    imageAlt: input.image?.alt ?? "",
    imageCaption: input.image?.caption ?? "",
    imageCredit: input.image?.credit ?? "",
    citations: input.citations.map((citation) => ({
      sourceId: citation.sourceId,
      viaSourceId: citation.viaSourceId ?? null,
      claim: citation.claim,
      factKey: citation.factKey ?? null,
      factValue: citation.factValue ?? null,
      reportUrl: citation.reportUrl ?? null,
    })),
  });
  await db.articleRevision.create({
    data: {
      articleId: article.id,
      version: 1,
      kind: isLive ? "PUBLISH" : input.status === "SCHEDULED" ? "SCHEDULE" : input.status === "IN_REVIEW" ? "SUBMIT" : "CREATE",
      authorId: input.authorId,
      createdAt: isLive ? input.when : new Date(),
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
    },
  });
  return { id: article.id, created: true };
}

const DAY = 24 * 60 * 60 * 1000;

async function seedDemoContent(adminId: string, password: string, log: (line: string) => void): Promise<void> {
  const staffIds = new Map<Role, string>([["ADMIN", adminId]]);
  for (const member of demoStaff) {
    staffIds.set(member.role, await ensureUser(member.email, member.name, member.role, password, member.bio));
  }
  const editorId = staffIds.get("EDITOR") ?? adminId;
  const writerId = staffIds.get("WRITER") ?? adminId;

  const sectionNames = ["World", "Politics", "Business", "Science", "Culture"];
  const sectionIds = new Map<string, string>();
  for (const [position, name] of sectionNames.entries()) sectionIds.set(name, await ensureSection(name, position));
  const sectionId = (name: string) => sectionIds.get(name) ?? [...sectionIds.values()][0]!;

  // The fixture story: its three sources, the claims they make, its comments.
  const sources = fixtureStory.sources;
  const sourceIds = {
    abna: await ensureSource(sources.abna),
    iraqiNews: await ensureSource(sources.iraqiNews),
    provincialSource: await ensureSource(sources.provincialSource),
  };
  const fixtureSlug = slugFromText(fixtureStory.title);
  const hasFixture = await db.article.findUnique({ where: { slug: fixtureSlug }, select: { id: true } });
  const image = hasFixture ? undefined : await storeImage(await demoImage(), editorId);
  const fixture = await ensureStory({
    title: fixtureStory.title,
    dek: fixtureStory.dek,
    sectionId: sectionId(fixtureStory.section),
    tags: fixtureStory.tags,
    paragraphs: fixtureStory.paragraphs,
    status: "PUBLISHED",
    when: new Date(Date.now() - 3 * 60 * 60 * 1000),
    authorId: editorId,
    image: image && {
      mediaId: image.id,
      alt: fixtureStory.imageAlt,
      caption: fixtureStory.imageCaption,
      credit: fixtureStory.imageCredit,
    },
    citations: fixtureStory.citations.map((citation) => ({
      sourceId: sourceIds[citation.source],
      viaSourceId: "via" in citation ? sourceIds[citation.via] : undefined,
      claim: citation.claim,
      factKey: citation.factKey,
      factValue: citation.factValue,
      reportUrl: citation.reportUrl,
    })),
  });
  for (const [index, comment] of fixtureStory.comments.entries()) {
    await db.comment.upsert({
      where: { idempotencyKey: `seed:${comment.key}` },
      update: {},
      create: {
        articleId: fixture.id,
        authorName: comment.authorName,
        authorEmail: comment.authorEmail,
        body: comment.body,
        status: comment.status,
        idempotencyKey: `seed:${comment.key}`,
        createdAt: new Date(Date.now() - (2 - index) * 60 * 60 * 1000),
        heldReasons: comment.status === "PENDING" ? [{ rule: "mode", detail: "first comment from this email" }] : [],
      },
    });
  }

  for (const story of demoStories) {
    const authorId = story.byline === "EDITOR" ? editorId : writerId;
    const citations = [];
    for (const citation of story.citations) {
      citations.push({
        sourceId: await ensureSource({ name: citation.source, kind: citation.kind }),
        claim: citation.claim,
        factKey: citation.factKey,
        factValue: citation.factValue,
      });
    }
    await ensureStory({
      title: story.title,
      dek: story.dek,
      sectionId: sectionId(story.section),
      tags: story.tags,
      paragraphs: story.paragraphs,
      status: story.status,
      when: new Date(Date.now() - story.daysAgo * DAY),
      authorId,
      citations,
    });
  }
  log(`demo content ready: ${demoStories.length + 1} stories, ${demoStaff.length + 1} staff`);
}

export async function seed(options: SeedOptions): Promise<void> {
  const log = options.log ?? (() => {});
  if (!options.adminEmail || !options.adminPassword) {
    log("ADMIN_EMAIL and ADMIN_PASSWORD are not both set: no admin created");
    if (!options.demo) return;
    throw new Error("the demo content needs ADMIN_EMAIL and ADMIN_PASSWORD (the demo staff share that password)");
  }
  const adminId = await ensureUser(options.adminEmail.toLowerCase(), "Site Admin", "ADMIN", options.adminPassword);
  if (options.demo) await seedDemoContent(adminId, options.adminPassword, log);
}
