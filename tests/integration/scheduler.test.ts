import { beforeEach, describe, expect, test } from "vitest";
import { POST as schedulerRoute } from "@/app/api/internal/scheduler/route";
import { db } from "@/lib/db";
import { schedulerToken, SCHEDULER_HEADER } from "@/lib/scheduler/token";
import { getPublishedArticle } from "@/lib/services/public-articles";
import { publishDueArticles } from "@/lib/services/scheduler";
import { takeRevalidatedPaths } from "../support/request-doubles";
import { makeArticle, makeSection } from "../support/article-factory";
import { makeStaff } from "../support/staff-factory";

/** Makes a scheduled story due now (its time passed a moment ago), as if the clock had moved on. */
async function scheduledAndDue() {
  const editor = await makeStaff("EDITOR");
  const section = await makeSection();
  const story = await makeArticle(editor, "schedule", { sectionId: section.id });
  const due = new Date(Date.now() - 1000);
  await db.article.update({ where: { id: story.id }, data: { scheduledFor: due } });
  return { story, section, editor, due };
}

beforeEach(() => {
  takeRevalidatedPaths();
});

describe("scheduled publication", () => {
  test("a story scheduled for later stays off the site", async () => {
    const editor = await makeStaff("EDITOR");
    const story = await makeArticle(editor, "schedule");
    await publishDueArticles();
    expect(await getPublishedArticle(story.slug)).toBeNull();
    expect((await db.article.findUniqueOrThrow({ where: { id: story.id } })).status).toBe("SCHEDULED");
  });

  test("a due story goes live at its time, with nobody acting, and its pages are revalidated", async () => {
    const { story, section, due } = await scheduledAndDue();
    const published = await publishDueArticles();
    expect(published.map((entry) => entry.id)).toContain(story.id);

    const page = await getPublishedArticle(story.slug);
    expect(page?.publishedAt?.getTime()).toBe(due.getTime());
    expect(takeRevalidatedPaths()).toEqual(expect.arrayContaining(["/", "/feed.xml", `/articles/${story.slug}`, `/sections/${section.slug}`]));

    const revision = await db.articleRevision.findFirstOrThrow({ where: { articleId: story.id }, orderBy: { version: "desc" } });
    expect(revision).toMatchObject({ kind: "PUBLISH", authorId: null, version: story.version + 1 });
  });

  test("several schedulers running at once publish each story exactly once", async () => {
    const { story } = await scheduledAndDue();
    // Four app instances wake at the same moment.
    const runs = await Promise.all([publishDueArticles(), publishDueArticles(), publishDueArticles(), publishDueArticles()]);
    const claims = runs.flat().filter((entry) => entry.id === story.id);
    expect(claims).toHaveLength(1);
    expect(await db.articleRevision.count({ where: { articleId: story.id, kind: "PUBLISH" } })).toBe(1);
    expect((await db.article.findUniqueOrThrow({ where: { id: story.id } })).version).toBe(story.version + 1);
  });

  test("a story deleted while scheduled never goes live", async () => {
    const { story } = await scheduledAndDue();
    await db.article.update({ where: { id: story.id }, data: { deletedAt: new Date() } });
    await publishDueArticles();
    expect((await db.article.findUniqueOrThrow({ where: { id: story.id } })).status).toBe("SCHEDULED");
  });
});

describe("the scheduler's internal route", () => {
  const call = (token: string | null) =>
    schedulerRoute(new Request("http://localhost/api/internal/scheduler", { method: "POST", headers: token ? { [SCHEDULER_HEADER]: token } : {} }), undefined);

  test("refuses callers without the app's own token", async () => {
    const { story } = await scheduledAndDue();
    expect((await call(null)).status).toBe(403);
    expect((await call("guess")).status).toBe(403);
    expect((await db.article.findUniqueOrThrow({ where: { id: story.id } })).status).toBe("SCHEDULED");
  });

  test("with the token, publishes what is due and says when to come back", async () => {
    const { story } = await scheduledAndDue();
    const editor = await makeStaff("EDITOR");
    const later = await makeArticle(editor, "schedule");
    const response = await call(schedulerToken());
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { published: string[]; nextAt: string | null };
    expect(answer.published).toContain(story.id);
    const stored = await db.article.findUniqueOrThrow({ where: { id: later.id } });
    expect(answer.nextAt && new Date(answer.nextAt).getTime()).toBeLessThanOrEqual(stored.scheduledFor!.getTime());
  });
});
