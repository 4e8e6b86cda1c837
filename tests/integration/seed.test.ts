import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { demoStaff, seed } from "@/lib/seed";
import { fixtureStory } from "@/lib/seed/fixture-story";
import { getPublishedArticle } from "@/lib/services/public-articles";
import { approvedThread, countApproved } from "@/lib/services/public-comments";
import { slugFromText } from "@/lib/slug";

const options = { adminEmail: "admin@seed.example", adminPassword: "seed-admin-password", demo: true };
const fixtureSlug = slugFromText(fixtureStory.title);

async function counts() {
  const [users, articles, sources, citations, comments, revisions, media] = await Promise.all([
    db.user.count(),
    db.article.count(),
    db.source.count(),
    db.citation.count(),
    db.comment.count(),
    db.articleRevision.count(),
    db.media.count(),
  ]);
  return { users, articles, sources, citations, comments, revisions, media };
}

beforeAll(async () => {
  await seed(options);
});

describe("the demo seed", () => {
  test("is idempotent: a second run creates nothing", async () => {
    const before = await counts();
    await seed(options);
    expect(await counts()).toEqual(before);
  });

  test("creates the admin and a staff member of every role", async () => {
    const staff = await db.user.findMany({ select: { email: true, role: true } });
    expect(staff).toContainEqual({ email: "admin@seed.example", role: "ADMIN" });
    for (const member of demoStaff) expect(staff).toContainEqual({ email: member.email, role: member.role });
  });

  test("reproduces the fixture story as published, with its sources and claims", async () => {
    const article = await getPublishedArticle(fixtureSlug);
    expect(article?.title).toBe("ISIS buries alive dozens of defectors who fled Iraq battlefield – reports");
    expect(article?.section?.name).toBe("World");
    expect(article?.imageCredit).toBe("© الجهاد في سبيل الله");
    expect(article?.featuredImage).not.toBeNull();
    expect(article?.bodyHtml).toContain("AhlulBayt News Agency (ABNA) is reporting that 35 fighters were killed");

    const tolls = article?.citations
      .filter((citation) => citation.factKey === "death toll")
      .map((citation) => [citation.source.shortName || citation.source.name, citation.factValue]);
    expect(tolls).toEqual([
      ["ABNA", "35"],
      ["Iraqi News", "45"],
    ]);
    const relayed = article?.citations.find((citation) => citation.source.kind === "ANONYMOUS");
    expect(relayed?.source.description).toBe("an anonymous provincial source");
    expect(relayed?.viaSource?.shortName).toBe("ABNA");
  });

  test("its comments: one approved and public, one pending and not", async () => {
    const article = await db.article.findUniqueOrThrow({ where: { slug: fixtureSlug }, select: { id: true } });
    const statuses = await db.comment.groupBy({ by: ["status"], where: { articleId: article.id }, _count: true });
    expect(Object.fromEntries(statuses.map((row) => [row.status, row._count]))).toEqual({ APPROVED: 1, PENDING: 1 });
    expect(await countApproved(article.id)).toBe(1);
    const thread = await approvedThread(article.id);
    expect(thread.map((comment) => comment.authorName)).toEqual(["Darren"]);
  });

  test("what a reader is given holds no staff notes and no commenter email", async () => {
    const article = await getPublishedArticle(fixtureSlug);
    const thread = await approvedThread(article!.id);
    const published = JSON.stringify({ article, thread });
    expect(published).not.toContain("Mosul stringer");
    expect(published).not.toContain("corroborate its casualty figures");
    expect(published).not.toContain("@example.com");
    expect(published).not.toContain("notes");
  });
});
