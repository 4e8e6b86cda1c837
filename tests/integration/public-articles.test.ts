import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { findCurrentSlug, getPublishedArticle, listLatest } from "@/lib/services/public-articles";

const prefix = "visibility-test";
const hour = 60 * 60 * 1000;

async function story(slug: string, status: ArticleStatus, extra: { publishedAt?: Date; deletedAt?: Date; sectionSlug?: string } = {}) {
  return db.article.create({
    data: {
      title: slug,
      slug: `${prefix}-${slug}`,
      status,
      body: { type: "doc", content: [] },
      publishedAt: extra.publishedAt ?? (status === "PUBLISHED" || status === "UNPUBLISHED" ? new Date() : null),
      deletedAt: extra.deletedAt ?? null,
      ...(extra.sectionSlug
        ? { section: { connectOrCreate: { where: { slug: extra.sectionSlug }, create: { name: extra.sectionSlug, slug: extra.sectionSlug } } } }
        : {}),
    },
    select: { id: true, slug: true },
  });
}

beforeAll(async () => {
  await story("published", "PUBLISHED");
  await story("draft", "DRAFT");
  await story("review", "IN_REVIEW");
  await story("scheduled", "SCHEDULED");
  await story("unpublished", "UNPUBLISHED");
  await story("deleted", "PUBLISHED", { deletedAt: new Date() });
});

describe("what readers can reach", () => {
  test.each([
    ["published", true],
    ["draft", false],
    ["review", false],
    ["scheduled", false],
    ["unpublished", false],
    ["deleted", false],
  ])("%s → %s", async (slug, visible) => {
    const article = await getPublishedArticle(`${prefix}-${slug}`);
    expect(article !== null).toBe(visible);
  });

  test("an old slug of a published story leads to its current one; of a draft, nowhere", async () => {
    const published = await db.article.findUniqueOrThrow({ where: { slug: `${prefix}-published` } });
    const draft = await db.article.findUniqueOrThrow({ where: { slug: `${prefix}-draft` } });
    await db.slugRedirect.createMany({
      data: [
        { slug: `${prefix}-old-published`, articleId: published.id },
        { slug: `${prefix}-old-draft`, articleId: draft.id },
      ],
    });
    expect(await findCurrentSlug(`${prefix}-old-published`)).toBe(published.slug);
    expect(await findCurrentSlug(`${prefix}-old-draft`)).toBeNull();
    expect(await findCurrentSlug(`${prefix}-never-existed`)).toBeNull();
  });
});

describe("listLatest", () => {
  test("pages through every published story of a section exactly once, newest first", async () => {
    const base = Date.UTC(2026, 0, 1);
    // Two stories share a publication time: the id breaks the tie without skipping either.
    const times = [0, 1, 2, 2, 3, 4, 5, 6, 7].map((n) => new Date(base + n * hour));
    for (const [index, publishedAt] of times.entries()) {
      await story(`paged-${index}`, "PUBLISHED", { publishedAt, sectionSlug: `${prefix}-section` });
    }
    await story("paged-draft", "DRAFT", { sectionSlug: `${prefix}-section` });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listLatest>> = await listLatest({ limit: 4, cursor, sectionSlug: `${prefix}-section` });
      seen.push(...page.items.map((item) => item.slug));
      cursor = page.nextCursor;
    } while (cursor);

    expect(seen).toHaveLength(times.length);
    expect(new Set(seen).size).toBe(times.length);
    const stored = await db.article.findMany({
      where: { slug: { in: seen } },
      select: { slug: true, publishedAt: true, id: true },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    });
    expect(seen).toEqual(stored.map((row) => row.slug));
  });

  test("a malformed cursor starts from the newest instead of failing", async () => {
    const page = await listLatest({ limit: 2, cursor: "not-a-cursor" });
    expect(page.items.length).toBeGreaterThan(0);
  });
});
