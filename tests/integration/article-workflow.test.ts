import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, test } from "vitest";
import { autosaveArticleAction, saveArticleAction } from "@/app/(dashboard)/dashboard/articles/actions";
import { db } from "@/lib/db";
import { paragraphsToDocument } from "@/lib/rich-text/render";
import { commitArticle, deleteArticle, editingHeartbeat, listDeskArticles, undeleteArticle } from "@/lib/services/articles";
import { findCurrentSlug, getPublishedArticle } from "@/lib/services/public-articles";
import { slugFromText } from "@/lib/slug";
import { actAs, takeRevalidatedPaths } from "../support/request-doubles";
import { content, makeArticle, makeSection, makeSource, uniqueTitle } from "../support/article-factory";
import { makeStaff } from "../support/staff-factory";

beforeEach(() => {
  takeRevalidatedPaths();
});

describe("drafting and the workflow", () => {
  test("a new draft gets a slug from its title, version 1 and a CREATE revision", async () => {
    const writer = await makeStaff("WRITER");
    const saved = await makeArticle(writer, "save", { title: "Port strike ends as dockworkers vote" });
    expect(saved.status).toBe("DRAFT");
    expect(saved.version).toBe(1);
    expect(saved.slug).toMatch(/^port-strike-ends-as-dockworkers-vote(-\d+)?$/);
    const revisions = await db.articleRevision.findMany({ where: { articleId: saved.id } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ version: 1, kind: "CREATE", authorId: writer.id });
    // Drafts are nobody's business outside the desk: nothing public was revalidated.
    expect(takeRevalidatedPaths()).toEqual([]);
  });

  test("two stories with the same title get different slugs", async () => {
    const writer = await makeStaff("WRITER");
    const title = uniqueTitle("Same title");
    const first = await makeArticle(writer, "save", { title });
    const second = await makeArticle(writer, "save", { title });
    expect(second.slug).not.toBe(first.slug);
    expect(second.slug.startsWith(first.slug)).toBe(true);
  });

  test("a writer submits; an editor edits and publishes; readers then see it and every page showing it is revalidated", async () => {
    const writer = await makeStaff("WRITER");
    const editor = await makeStaff("EDITOR");
    const section = await makeSection();
    const draft = await makeArticle(writer, "save", { sectionId: section.id, tags: ["Harbour", "Labour"] });
    const submitted = await commitArticle(writer, { id: draft.id, version: draft.version, content: draft.content, transition: "submit" });
    expect(submitted.status).toBe("IN_REVIEW");
    expect(await getPublishedArticle(draft.slug)).toBeNull();

    const edited = { ...draft.content, dek: "Sharper dek from the editor." };
    const published = await commitArticle(editor, { id: draft.id, version: submitted.version, content: edited, transition: "publish" });
    expect(published.status).toBe("PUBLISHED");
    expect(published.publishedAt).toBeInstanceOf(Date);

    const page = await getPublishedArticle(draft.slug);
    expect(page?.dek).toBe("Sharper dek from the editor.");
    expect(page?.tags.map((entry) => entry.tag.name).sort()).toEqual(["Harbour", "Labour"]);
    const paths = takeRevalidatedPaths();
    expect(paths).toEqual(
      expect.arrayContaining(["/", "/feed.xml", `/articles/${draft.slug}`, `/sections/${section.slug}`, `/tags/harbour`, `/authors/${writer.slug}`]),
    );
    const kinds = await db.articleRevision.findMany({ where: { articleId: draft.id }, orderBy: { version: "asc" }, select: { kind: true, authorId: true } });
    expect(kinds).toEqual([
      { kind: "CREATE", authorId: writer.id },
      { kind: "SUBMIT", authorId: writer.id },
      { kind: "PUBLISH", authorId: editor.id },
    ]);
  });

  test("editing a published story shows it as updated and keeps its first publication time", async () => {
    const editor = await makeStaff("EDITOR");
    const story = await makeArticle(editor, "publish");
    const firstPublished = story.publishedAt;
    await db.article.update({ where: { id: story.id }, data: { publishedAt: new Date(Date.now() - 86_400_000), updatedAt: new Date(Date.now() - 86_400_000) } });
    const stored = await db.article.findUniqueOrThrow({ where: { id: story.id } });
    await commitArticle(editor, { id: story.id, version: story.version, content: { ...story.content, title: `${story.content.title} (updated)` }, transition: "save" });
    const after = await db.article.findUniqueOrThrow({ where: { id: story.id } });
    expect(after.publishedAt).toEqual(stored.publishedAt);
    expect(after.updatedAt.getTime()).toBeGreaterThan(stored.publishedAt!.getTime() + 60_000);
    expect(firstPublished).not.toBeNull();
  });

  test("unpublishing takes the story off the site; republishing keeps the first publication date", async () => {
    const editor = await makeStaff("EDITOR");
    const story = await makeArticle(editor, "publish");
    const unpublished = await commitArticle(editor, { id: story.id, version: story.version, content: story.content, transition: "unpublish" });
    expect(unpublished.status).toBe("UNPUBLISHED");
    expect(await getPublishedArticle(story.slug)).toBeNull();
    expect(takeRevalidatedPaths()).toContain(`/articles/${story.slug}`);
    const again = await commitArticle(editor, { id: story.id, version: unpublished.version, content: story.content, transition: "publish" });
    expect(again.publishedAt).toEqual(story.publishedAt);
  });

  test.each([
    ["publish", "PUBLISHED", "This story is already published. Use Update to change it."],
    ["schedule", "PUBLISHED", "A published story cannot be scheduled. Unpublish it first."],
    ["submit", "PUBLISHED", "Only a draft can be submitted for review."],
  ] as const)("%s from %s is refused", async (transition, _state, message) => {
    const editor = await makeStaff("EDITOR");
    const story = await makeArticle(editor, "publish");
    await expect(
      commitArticle(editor, { id: story.id, version: story.version, content: story.content, transition, scheduledFor: new Date(Date.now() + 3_600_000) }),
    ).rejects.toMatchObject({ code: "conflict", message });
  });

  test("a schedule in the past is refused on its field", async () => {
    const editor = await makeStaff("EDITOR");
    await expect(
      commitArticle(editor, { content: content(editor), transition: "schedule", scheduledFor: new Date(Date.now() - 1000) }),
    ).rejects.toMatchObject({ code: "invalid_input", fields: { scheduledFor: ["Pick a time in the future."] } });
  });

  test("autosave is refused for a live story, so half-typed text never goes public", async () => {
    const editor = await makeStaff("EDITOR");
    const story = await makeArticle(editor, "publish");
    await expect(
      commitArticle(editor, { id: story.id, version: story.version, content: { ...story.content, title: "half typed" }, transition: "autosave" }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect((await db.article.findUniqueOrThrow({ where: { id: story.id } })).title).toBe(story.content.title);
  });

  test("a body that is not a document of the editor's schema is refused on the Body field", async () => {
    const writer = await makeStaff("WRITER");
    const bad = { ...content(writer), body: { type: "doc" as const, content: [{ type: "script", text: "alert(1)" }] } };
    await expect(commitArticle(writer, { content: bad, transition: "save" })).rejects.toMatchObject({ code: "invalid_input", fields: { body: expect.any(Array) } });
  });

  test("bylines must name active writing staff", async () => {
    const writer = await makeStaff("WRITER");
    const moderator = await makeStaff("MODERATOR");
    await expect(commitArticle(writer, { content: content(writer, { bylineIds: [moderator.id] }), transition: "save" })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { bylineIds: expect.any(Array) },
    });
  });
});

describe("what a writer may touch", () => {
  test("a writer's save of someone else's draft is refused and changes nothing", async () => {
    const owner = await makeStaff("WRITER");
    const other = await makeStaff("WRITER");
    const draft = await makeArticle(owner);
    await expect(
      commitArticle(other, { id: draft.id, version: draft.version, content: { ...draft.content, title: "Hijacked" }, transition: "save" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await db.article.findUniqueOrThrow({ where: { id: draft.id } })).title).toBe(draft.content.title);
  });

  test("a writer with a byline on an editor's draft may edit it", async () => {
    const editor = await makeStaff("EDITOR");
    const writer = await makeStaff("WRITER");
    const draft = await makeArticle(editor, "save", { bylineIds: [editor.id, writer.id] });
    await expect(
      commitArticle(writer, { id: draft.id, version: draft.version, content: { ...draft.content, dek: "Writer's dek" }, transition: "save" }),
    ).resolves.toMatchObject({ version: 2 });
  });

  test("once published, the writer's own story is the editors' to change", async () => {
    const writer = await makeStaff("WRITER");
    const editor = await makeStaff("EDITOR");
    const draft = await makeArticle(writer);
    const published = await commitArticle(editor, { id: draft.id, version: draft.version, content: draft.content, transition: "publish" });
    await expect(
      commitArticle(writer, { id: draft.id, version: published.version, content: draft.content, transition: "save" }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  test("a writer can never publish, even their own draft", async () => {
    const writer = await makeStaff("WRITER");
    const draft = await makeArticle(writer);
    await expect(commitArticle(writer, { id: draft.id, version: draft.version, content: draft.content, transition: "publish" })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  test("the desk list shows writers their own stories only", async () => {
    const writer = await makeStaff("WRITER");
    const other = await makeStaff("WRITER");
    const mine = await makeArticle(writer);
    const theirs = await makeArticle(other);
    const page = await listDeskArticles(writer, {});
    const ids = page.items.map((item) => item.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
  });
});

describe("optimistic concurrency", () => {
  test("a save from a stale version is refused naming who saved in between, and overwrites nothing", async () => {
    const first = await makeStaff("EDITOR", { name: "Nadia Firstsaver" });
    const second = await makeStaff("EDITOR", { name: "Omar Second" });
    const story = await makeArticle(first);
    // Both opened version 1; the first saves.
    await commitArticle(first, { id: story.id, version: 1, content: { ...story.content, title: "First's title" }, transition: "save" });
    const attempt = commitArticle(second, { id: story.id, version: 1, content: { ...story.content, title: "Second's title" }, transition: "save" });
    await expect(attempt).rejects.toMatchObject({ code: "stale_version", status: 409 });
    await expect(attempt).rejects.toThrow(/Nadia Firstsaver saved this story at .* UTC, after you opened it/);
    const stored = await db.article.findUniqueOrThrow({ where: { id: story.id } });
    expect(stored.title).toBe("First's title");
    expect(stored.version).toBe(2);
    expect(await db.articleRevision.count({ where: { articleId: story.id } })).toBe(2);
  });

  test("of two saves racing from the same version, exactly one wins", async () => {
    const editor = await makeStaff("EDITOR");
    const story = await makeArticle(editor);
    const results = await Promise.allSettled(
      ["A", "B", "C"].map((label) =>
        commitArticle(editor, { id: story.id, version: 1, content: { ...story.content, title: `Title ${label}` }, transition: "save" }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((entry) => entry.status === "rejected")) {
      expect((result as PromiseRejectedResult).reason).toMatchObject({ code: "stale_version" });
    }
    expect((await db.article.findUniqueOrThrow({ where: { id: story.id } })).version).toBe(2);
  });
});

describe("creating a story once", () => {
  /** What the editor sends for a story it has not saved yet. */
  const newStory = (writer: { id: string }, title: string, creationKey: string, words = "The dredgers arrive on Monday.") => ({
    title,
    dek: "",
    body: paragraphsToDocument([words]) as { type: "doc" },
    bylineIds: [writer.id],
    slug: slugFromText(title),
    slugAuto: true,
    creationKey,
  });

  test("a create sent several times at once with one key makes one story with one slug, and every answer names it", async () => {
    const writer = await makeStaff("WRITER");
    actAs(writer);
    // Autosave and Retry race in many ways; a few rounds of six at once make the race for the key happen.
    for (let round = 0; round < 4; round += 1) {
      const title = uniqueTitle("Dredging starts");
      const request = newStory(writer, title, randomUUID());
      const answers = await Promise.all(Array.from({ length: 6 }, () => autosaveArticleAction(request)));
      const stories = await db.article.findMany({ where: { title }, select: { id: true, slug: true, version: true } });
      expect(stories).toHaveLength(1);
      expect(stories[0]!.slug).toBe(slugFromText(title));
      expect(answers).toEqual(Array.from({ length: 6 }, () => expect.objectContaining({ ok: true, data: expect.objectContaining({ id: stories[0]!.id, slug: stories[0]!.slug }) })));
    }
  });

  test("a create sent again after its answer was lost saves the newer text on the same story, and never over someone else's changes", async () => {
    const writer = await makeStaff("WRITER");
    actAs(writer);
    const title = uniqueTitle("Ferry timetable");
    const key = randomUUID();
    const first = await autosaveArticleAction(newStory(writer, title, key));
    expect(first).toMatchObject({ ok: true, data: { version: 1 } });
    // The answer never reached the browser: Retry sends the create again, with what was typed since.
    const retried = await saveArticleAction(newStory(writer, title, key, "The dredgers arrive on Monday, two days late."));
    expect(retried).toMatchObject({ ok: true, data: { version: 2 } });
    const id = first.ok ? first.data.id : "";
    expect(retried.ok && retried.data.id).toBe(id);
    expect(retried.ok && retried.data.slug).toBe(slugFromText(title));
    expect(await db.article.count({ where: { title } })).toBe(1);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).bodyText).toBe("The dredgers arrive on Monday, two days late.");

    // The story moved on elsewhere: a stale create with other text overwrites nothing.
    const refused = await saveArticleAction(newStory(writer, title, key, "An old tab's text."));
    expect(refused).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).bodyText).toBe("The dredgers arrive on Monday, two days late.");
    expect(await db.article.count({ where: { title } })).toBe(1);
  });
});

describe("autosave and revisions", () => {
  test("autosaves by one person in a row share one revision; an explicit save seals it", async () => {
    const writer = await makeStaff("WRITER");
    const story = await makeArticle(writer);
    let version = story.version;
    for (const word of ["one", "two", "three"]) {
      version = (await commitArticle(writer, { id: story.id, version, content: { ...story.content, dek: word }, transition: "autosave" })).version;
    }
    version = (await commitArticle(writer, { id: story.id, version, content: { ...story.content, dek: "final" }, transition: "save" })).version;
    await commitArticle(writer, { id: story.id, version, content: { ...story.content, dek: "after" }, transition: "autosave" });
    const revisions = await db.articleRevision.findMany({ where: { articleId: story.id }, orderBy: { version: "asc" }, select: { kind: true, version: true } });
    expect(revisions).toEqual([
      { kind: "CREATE", version: 1 },
      { kind: "SAVE", version: 5 },
      { kind: "AUTOSAVE", version: 6 },
    ]);
  });
});

describe("slugs", () => {
  test("after publication a changed slug keeps the old address answering for the story", async () => {
    const editor = await makeStaff("EDITOR");
    const story = await makeArticle(editor, "publish");
    const newSlug = `${story.slug}-renamed`;
    const saved = await commitArticle(editor, { id: story.id, version: story.version, content: { ...story.content, slug: newSlug }, transition: "save" });
    expect(saved.slug).toBe(newSlug);
    expect(await findCurrentSlug(story.slug)).toBe(newSlug);
    expect(takeRevalidatedPaths()).toEqual(expect.arrayContaining([`/articles/${story.slug}`, `/articles/${newSlug}`]));
  });

  test("a slug that once belonged to another story is never reused", async () => {
    const editor = await makeStaff("EDITOR");
    const story = await makeArticle(editor, "publish");
    const moved = await commitArticle(editor, { id: story.id, version: story.version, content: { ...story.content, slug: `${story.slug}-moved` }, transition: "save" });
    expect(moved.slug).toBe(`${story.slug}-moved`);
    const other = await makeArticle(editor);
    await expect(
      commitArticle(editor, { id: other.id, version: other.version, content: { ...other.content, slug: story.slug }, transition: "save" }),
    ).rejects.toMatchObject({ code: "conflict", fields: { slug: expect.any(Array) } });
    // …and a brand-new story with the same title steps around it.
    const twin = await makeArticle(editor, "save", { title: story.content.title });
    expect(twin.slug).not.toBe(story.slug);
  });

  test("a story can take back its own old slug", async () => {
    const editor = await makeStaff("EDITOR");
    const story = await makeArticle(editor, "publish");
    const moved = await commitArticle(editor, { id: story.id, version: story.version, content: { ...story.content, slug: `${story.slug}-b` }, transition: "save" });
    const back = await commitArticle(editor, { id: story.id, version: moved.version, content: { ...story.content, slug: story.slug }, transition: "save" });
    expect(back.slug).toBe(story.slug);
    expect(await findCurrentSlug(`${story.slug}-b`)).toBe(story.slug);
  });

  test("a slug made from the title follows the title until publication, -2 and all; one typed by hand stays", async () => {
    const writer = await makeStaff("WRITER");
    const title = uniqueTitle("Harbour dues rise");
    await makeArticle(writer, "save", { title });
    const twin = await makeArticle(writer, "save", { title, slugAuto: true });
    expect(twin.slug).toBe(`${slugFromText(title)}-2`);
    // Saved again under the same title, it keeps its -2 rather than taking another story's slug.
    const again = await commitArticle(writer, { id: twin.id, version: twin.version, content: twin.content, transition: "save" });
    expect(again.slug).toBe(twin.slug);
    const retitled = `${title} by a third`;
    const followed = await commitArticle(writer, { id: twin.id, version: again.version, content: { ...twin.content, title: retitled }, transition: "save" });
    expect(followed.slug).toBe(slugFromText(retitled));
    expect((await db.article.findUniqueOrThrow({ where: { id: twin.id } })).slugFollowsTitle).toBe(true);

    const byHand = await commitArticle(writer, {
      id: twin.id,
      version: followed.version,
      content: { ...twin.content, title: retitled, slug: `${twin.slug}-chosen`, slugAuto: false },
      transition: "save",
    });
    expect(byHand.slug).toBe(`${twin.slug}-chosen`);
    expect((await db.article.findUniqueOrThrow({ where: { id: twin.id } })).slugFollowsTitle).toBe(false);
  });

  test("a draft's slug changes leave no redirects behind", async () => {
    const writer = await makeStaff("WRITER");
    const story = await makeArticle(writer);
    await commitArticle(writer, { id: story.id, version: story.version, content: { ...story.content, slug: `${story.slug}-x` }, transition: "save" });
    expect(await db.slugRedirect.count({ where: { articleId: story.id } })).toBe(0);
  });
});

describe("citations", () => {
  test("are stored in order with their via-source, and public pages never carry staff notes", async () => {
    const editor = await makeStaff("EDITOR");
    const agency = await makeSource({ notes: "Staff only: ring before quoting" });
    const outlet = await makeSource({ kind: "NEWS_OUTLET" });
    const informant = await makeSource({ kind: "ANONYMOUS", description: "an anonymous provincial source" });
    const story = await makeArticle(editor, "publish", {
      citations: [
        { sourceId: agency.id, claim: "35 fighters were killed", factKey: "death toll", factValue: "35" },
        { sourceId: outlet.id, claim: "45 buried alive", factKey: "death toll", factValue: "45", reportUrl: "https://example.com/report" },
        { sourceId: informant.id, viaSourceId: agency.id, claim: "Near Qayyarah" },
      ],
    });
    const page = await getPublishedArticle(story.slug);
    expect(page?.citations.map((citation) => [citation.source.name, citation.factValue, citation.viaSource?.name ?? null])).toEqual([
      [agency.name, "35", null],
      [outlet.name, "45", null],
      [informant.name, null, agency.name],
    ]);
    expect(JSON.stringify(page)).not.toContain("Staff only");
  });

  test("a citation of a source that does not exist is refused", async () => {
    const editor = await makeStaff("EDITOR");
    const missing = "0190f0f0-0000-7000-8000-000000000000";
    await expect(
      commitArticle(editor, { content: content(editor, { citations: [{ sourceId: missing, claim: "x" }] }), transition: "save" }),
    ).rejects.toMatchObject({ code: "invalid_input", fields: { citations: expect.any(Array) } });
  });
});

describe("trash", () => {
  test("a deleted story answers 404 to readers and comes back with undo", async () => {
    const editor = await makeStaff("EDITOR");
    const story = await makeArticle(editor, "publish");
    await deleteArticle(editor, story.id);
    expect(await getPublishedArticle(story.slug)).toBeNull();
    expect(takeRevalidatedPaths()).toContain(`/articles/${story.slug}`);
    const trash = await listDeskArticles(editor, { status: "TRASH" });
    expect(trash.items.map((item) => item.id)).toContain(story.id);
    await undeleteArticle(editor, story.id);
    expect(await getPublishedArticle(story.slug)).not.toBeNull();
    const kinds = await db.articleRevision.findMany({ where: { articleId: story.id }, orderBy: { version: "asc" }, select: { kind: true } });
    expect(kinds.map((row) => row.kind)).toEqual(["PUBLISH", "DELETE", "UNDELETE"]);
  });

  test("writers cannot delete", async () => {
    const writer = await makeStaff("WRITER");
    const story = await makeArticle(writer);
    await expect(deleteArticle(writer, story.id)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("the desk list", () => {
  test("pages through every matching story exactly once, most recently changed first", async () => {
    const editor = await makeStaff("EDITOR");
    const section = await makeSection();
    const made: string[] = [];
    for (let index = 0; index < 7; index += 1) made.push((await makeArticle(editor, "save", { sectionId: section.id })).id);
    // Two stories changed at the same instant: the id breaks the tie.
    const instant = new Date(Date.now() - 60_000);
    await db.article.updateMany({ where: { id: { in: made.slice(0, 2) } }, data: { updatedAt: instant } });

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listDeskArticles(editor, { section: section.id, cursor }, 3);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual([...made].sort());
  });

  test("filters by status, author and words of the title", async () => {
    const editor = await makeStaff("EDITOR");
    const writer = await makeStaff("WRITER");
    const marker = uniqueTitle("Zebra crossing");
    const draft = await makeArticle(writer, "save", { title: `${marker} draft` });
    const published = await makeArticle(editor, "publish", { title: `${marker} live` });
    const byStatus = await listDeskArticles(editor, { q: marker.toUpperCase(), status: "PUBLISHED" });
    expect(byStatus.items.map((item) => item.id)).toEqual([published.id]);
    const byAuthor = await listDeskArticles(editor, { q: marker, author: writer.id });
    expect(byAuthor.items.map((item) => item.id)).toEqual([draft.id]);
  });

  test("shows who has a story open in the editor", async () => {
    const editor = await makeStaff("EDITOR", { name: "Ed Itor" });
    const story = await makeArticle(editor);
    await db.article.update({ where: { id: story.id }, data: { editingById: editor.id, editingSeenAt: new Date() } });
    const page = await listDeskArticles(editor, { q: story.content.title });
    expect(page.items[0]?.editingNow).toBe("Ed Itor");
  });

  test("the editor's heartbeat marks who is editing, warns the next person, and clears when the editor closes", async () => {
    const first = await makeStaff("EDITOR", { name: "First Opener" });
    const second = await makeStaff("EDITOR", { name: "Second Opener" });
    const story = await makeArticle(first);
    expect(await editingHeartbeat(first, story.id, true)).toMatchObject({ otherEditor: null, version: 1 });
    expect(await editingHeartbeat(second, story.id, true)).toMatchObject({ otherEditor: "First Opener" });
    expect((await listDeskArticles(second, { q: story.content.title })).items[0]?.editingNow).toBe("First Opener");
    // A save made elsewhere shows up in the next heartbeat, with who made it.
    await commitArticle(second, { id: story.id, version: 1, content: { ...story.content, dek: "changed" }, transition: "save" });
    expect(await editingHeartbeat(first, story.id, true)).toMatchObject({ version: 2, lastSave: { authorName: "Second Opener", kind: "SAVE" } });
    await editingHeartbeat(first, story.id, false);
    expect((await listDeskArticles(second, { q: story.content.title })).items[0]?.editingNow).toBeNull();
  });

  test("the body can hold every feature of the editor", async () => {
    const writer = await makeStaff("WRITER");
    const body = {
      type: "doc" as const,
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Heading" }] },
        { type: "paragraph", content: [{ type: "text", text: "link", marks: [{ type: "link", attrs: { href: "https://example.com" } }] }] },
        { type: "image", attrs: { src: "/media/2026-01/0190f0f0-0000-7000-8000-000000000000.jpg", alt: "A picture" } },
        ...paragraphsToDocument(["tail"]).content!,
      ],
    };
    const saved = await commitArticle(writer, { content: content(writer, { body }), transition: "save" });
    const stored = await db.article.findUniqueOrThrow({ where: { id: saved.id } });
    expect(stored.bodyHtml).toContain("<h2>Heading</h2>");
    expect(stored.bodyHtml).toContain('<a href="https://example.com"');
    expect(stored.bodyHtml).toContain('alt="A picture"');
  });
});
