import { beforeEach, describe, expect, test } from "vitest";
import { POST as leaveEditor } from "@/app/api/articles/[id]/leave/route";
import { sendBackArticleAction } from "@/app/(dashboard)/dashboard/articles/actions";
import { db } from "@/lib/db";
import { EDITING_TTL_MS } from "@/lib/editing-presence";
import { commitArticle, editingHeartbeat, getArticleForEditor, listDeskArticles } from "@/lib/services/articles";
import { deskLists, deskSummary } from "@/lib/services/desk";
import { listRevisions, restoreRevision } from "@/lib/services/revisions";
import { makeArticle } from "../support/article-factory";
import { actAs, takeRevalidatedPaths } from "../support/request-doubles";
import { makeStaff } from "../support/staff-factory";

/**
 * The editor's first hour on the desk (issue 17): sending a story back with a
 * note the writer sees, presence that ends when the editor does, desk numbers
 * that agree with the lists beside them, and a history that counts what it shows.
 */

beforeEach(() => {
  takeRevalidatedPaths();
});

/** What the editor's Send back button sends: the story as it stands, and the note. */
const sendBackInput = (story: Awaited<ReturnType<typeof makeArticle>>, note: string) => ({
  id: story.id,
  version: story.version,
  title: story.content.title,
  dek: story.content.dek,
  body: story.content.body as { type: "doc" },
  bylineIds: story.content.bylineIds,
  note,
});

async function storyInReview() {
  const writer = await makeStaff("WRITER", { name: "Tom Writer" });
  const story = await makeArticle(writer, "submit");
  return { writer, story };
}

describe("sending a story back to its writer", () => {
  test("an editor sends a story in review back with a note: a draft again, a revision holding the note, shown to the writer until they submit", async () => {
    const { writer, story } = await storyInReview();
    const editor = await makeStaff("EDITOR", { name: "Sam Editor" });
    actAs(editor);
    const answer = await sendBackArticleAction(sendBackInput(story, "  The second paragraph needs a source for the 45.  "));
    expect(answer).toMatchObject({ ok: true, data: { status: "DRAFT", version: story.version + 1 } });

    const revision = await db.articleRevision.findFirstOrThrow({ where: { articleId: story.id }, orderBy: { version: "desc" } });
    expect(revision).toMatchObject({ kind: "SEND_BACK", authorId: editor.id, note: "The second paragraph needs a source for the 45." });
    // The writer sees it in the editor and on the desk: the home page's drafts and the story list.
    expect((await getArticleForEditor(writer, story.id)).sentBack).toMatchObject({ note: "The second paragraph needs a source for the 45.", author: { name: "Sam Editor" } });
    const writerDesk = await deskLists(writer);
    expect(writerDesk?.myDrafts.find((draft) => draft.id === story.id)?.sentBack?.note).toBe("The second paragraph needs a source for the 45.");
    expect((await listDeskArticles(writer, { q: story.content.title })).items[0]?.sentBack?.author?.name).toBe("Sam Editor");

    // Submitting again answers the note: it leaves the desk, and stays in the history.
    await commitArticle(writer, { id: story.id, version: story.version + 1, content: story.content, transition: "submit" });
    expect((await getArticleForEditor(writer, story.id)).sentBack).toBeNull();
    expect((await listRevisions(writer, story.id)).revisions[1]).toMatchObject({ kind: "SEND_BACK", note: "The second paragraph needs a source for the 45." });
  });

  test.each([
    ["a writer, even on their own story", "WRITER", "note", "forbidden"],
    ["a moderator", "MODERATOR", "note", "forbidden"],
    ["an editor with no note", "EDITOR", "   ", "invalid_input"],
  ] as const)("is refused for %s, and nothing changes", async (_case, role, note, code) => {
    const { writer, story } = await storyInReview();
    actAs(role === "WRITER" ? writer : await makeStaff(role));
    const answer = await sendBackArticleAction(sendBackInput(story, note));
    expect(answer).toMatchObject({ ok: false, error: { code } });
    expect(await db.article.findUniqueOrThrow({ where: { id: story.id } })).toMatchObject({ status: "IN_REVIEW", version: story.version, sentBackRevisionId: null });
  });

  test("only a story in review can be sent back, and only from the version the editor saw", async () => {
    const editor = await makeStaff("EDITOR");
    const writer = await makeStaff("WRITER");
    const draft = await makeArticle(writer);
    await expect(commitArticle(editor, { id: draft.id, version: draft.version, content: draft.content, transition: "sendBack", note: "No." })).rejects.toMatchObject({
      code: "conflict",
    });
    const { story } = await storyInReview();
    await commitArticle(editor, { id: story.id, version: story.version, content: { ...story.content, dek: "Edited meanwhile." }, transition: "save" });
    await expect(commitArticle(editor, { id: story.id, version: story.version, content: story.content, transition: "sendBack", note: "No." })).rejects.toMatchObject({
      code: "stale_version",
    });
  });
});

describe("who has the story open", () => {
  test("a closed editor stops counting within a minute of its last heartbeat", async () => {
    const tom = await makeStaff("WRITER", { name: "Tom Reyes" });
    const editor = await makeStaff("EDITOR");
    const story = await makeArticle(tom);
    await editingHeartbeat(tom, story.id, true);
    expect((await editingHeartbeat(editor, story.id, false)).otherEditor).toBe("Tom Reyes");

    // Tom's browser closed without a word: his last heartbeat was just over the limit ago.
    await db.article.update({ where: { id: story.id }, data: { editingSeenAt: new Date(Date.now() - EDITING_TTL_MS - 1_000) } });
    expect(EDITING_TTL_MS).toBeLessThanOrEqual(60_000);
    expect((await editingHeartbeat(editor, story.id, false)).otherEditor).toBeNull();
    expect((await listDeskArticles(editor, { q: story.content.title })).items[0]?.editingNow).toBeNull();
  });

  test("the beacon a closing tab sends ends the mark at once; nobody else can end it", async () => {
    const tom = await makeStaff("WRITER", { name: "Tom Reyes" });
    const story = await makeArticle(tom);
    await editingHeartbeat(tom, story.id, true);
    const leave = () => leaveEditor(new Request(`http://localhost/api/articles/${story.id}/leave`, { method: "POST" }), { params: Promise.resolve({ id: story.id }) });

    actAs(await makeStaff("EDITOR"));
    expect((await leave()).status).toBe(204);
    expect(await db.article.findUniqueOrThrow({ where: { id: story.id } })).toMatchObject({ editingById: tom.id });

    actAs(tom);
    expect((await leave()).status).toBe(204);
    expect(await db.article.findUniqueOrThrow({ where: { id: story.id } })).toMatchObject({ editingById: null, editingSeenAt: null });
  });
});

describe("the desk's numbers", () => {
  test("a writer's tiles count what the panels beside them list: not another writer's story in review, nor an editor's schedule", async () => {
    const writer = await makeStaff("WRITER");
    await makeArticle(await makeStaff("EDITOR"), "schedule");
    await makeArticle(await makeStaff("WRITER"), "submit");
    const own = await makeArticle(writer, "submit");
    await makeArticle(writer);

    const [summary, lists] = await Promise.all([deskSummary(writer), deskLists(writer)]);
    expect(lists!.inReview.map((story) => story.id)).toEqual([own.id]);
    expect(summary.stories).toEqual({
      myDrafts: lists!.myDrafts.length,
      inReview: lists!.inReview.length,
      scheduled: lists!.scheduled.length,
    });
  });
});

describe("the history", () => {
  test("numbers the versions it shows without gaps, though autosaves share one entry, and a restore names the number shown", async () => {
    const writer = await makeStaff("WRITER");
    const story = await makeArticle(writer);
    let version = story.version;
    for (const dek of ["one", "two", "three"]) {
      version = (await commitArticle(writer, { id: story.id, version, content: { ...story.content, dek }, transition: "autosave" })).version;
    }
    version = (await commitArticle(writer, { id: story.id, version, content: { ...story.content, dek: "final" }, transition: "save" })).version;
    version = (await commitArticle(writer, { id: story.id, version, content: { ...story.content, dek: "later" }, transition: "save" })).version;

    const { revisions } = await listRevisions(writer, story.id);
    expect(revisions.map((revision) => [revision.number, revision.kind])).toEqual([
      [3, "SAVE"],
      [2, "SAVE"],
      [1, "CREATE"],
    ]);
    const restored = await restoreRevision(writer, story.id, revisions[1]!.id, version);
    expect(restored.restoredVersion).toBe(2);
  });
});
