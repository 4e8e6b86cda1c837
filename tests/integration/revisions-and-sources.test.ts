import { beforeEach, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { paragraphsToDocument } from "@/lib/rich-text/render";
import { commitArticle } from "@/lib/services/articles";
import { getPublishedArticle } from "@/lib/services/public-articles";
import { compareRevisions, listRevisions, restoreRevision } from "@/lib/services/revisions";
import { createSource, deleteSource, getSource, listSources, mergeSources, updateSource } from "@/lib/services/sources";
import { takeRevalidatedPaths } from "../support/request-doubles";
import { makeArticle, makeSource, uniqueTitle } from "../support/article-factory";
import { makeStaff } from "../support/staff-factory";

beforeEach(() => {
  takeRevalidatedPaths();
});

describe("revisions", () => {
  test("the history names who saved what, and the diff between two versions shows the change", async () => {
    const writer = await makeStaff("WRITER", { name: "Tom Writer" });
    const editor = await makeStaff("EDITOR", { name: "Nadia Editor" });
    const story = await makeArticle(writer, "save", { paragraphs: ["The toll stood at 35.", "Unchanged closing line."] });
    await commitArticle(editor, {
      id: story.id,
      version: story.version,
      content: { ...story.content, body: paragraphsToDocument(["The toll stood at 45.", "Unchanged closing line."]) as typeof story.content.body },
      transition: "save",
    });

    const { revisions } = await listRevisions(editor, story.id);
    expect(revisions.map((revision) => [revision.version, revision.kind, revision.authorName])).toEqual([
      [2, "SAVE", "Nadia Editor"],
      [1, "CREATE", "Tom Writer"],
    ]);
    // Either order: the older one is always "from".
    const comparison = await compareRevisions(editor, story.id, revisions[0]!.id, revisions[1]!.id);
    expect(comparison.from.version).toBe(1);
    const changed = comparison.diff.body.find((change) => change.kind === "changed");
    expect(changed?.kind === "changed" && changed.parts.filter((part) => part.change !== "same")).toEqual([
      { text: "35", change: "removed" },
      { text: "45", change: "added" },
    ]);
  });

  test("restoring an old version saves it again as a new revision and keeps the story's slug", async () => {
    const editor = await makeStaff("EDITOR");
    const story = await makeArticle(editor, "publish", { paragraphs: ["Original text."] });
    const edited = await commitArticle(editor, {
      id: story.id,
      version: story.version,
      content: { ...story.content, slug: `${story.slug}-new`, body: paragraphsToDocument(["Rewritten text."]) as typeof story.content.body },
      transition: "save",
    });
    const first = await db.articleRevision.findFirstOrThrow({ where: { articleId: story.id, version: 1 } });
    const restored = await restoreRevision(editor, story.id, first.id, edited.version);
    expect(restored).toMatchObject({ restoredVersion: 1, version: edited.version + 1, slug: `${story.slug}-new` });
    const page = await getPublishedArticle(`${story.slug}-new`);
    expect(page?.bodyHtml).toContain("Original text.");
    expect(takeRevalidatedPaths()).toContain(`/articles/${story.slug}-new`);
    const latest = await db.articleRevision.findFirstOrThrow({ where: { articleId: story.id }, orderBy: { version: "desc" } });
    expect(latest.kind).toBe("RESTORE");
  });

  test("a restore from a stale page is refused like any stale save", async () => {
    const editor = await makeStaff("EDITOR");
    const story = await makeArticle(editor);
    const first = await db.articleRevision.findFirstOrThrow({ where: { articleId: story.id } });
    await commitArticle(editor, { id: story.id, version: 1, content: { ...story.content, dek: "newer" }, transition: "save" });
    await expect(restoreRevision(editor, story.id, first.id, 1)).rejects.toMatchObject({ code: "stale_version" });
  });

  test("another writer cannot read a draft's history", async () => {
    const owner = await makeStaff("WRITER");
    const other = await makeStaff("WRITER");
    const story = await makeArticle(owner);
    await expect(listRevisions(other, story.id)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("the source registry", () => {
  test("writers add sources; a duplicate name is refused on the Name field", async () => {
    const writer = await makeStaff("WRITER");
    const name = uniqueTitle("Agency");
    await createSource(writer, { name, shortName: "", kind: "NEWS_AGENCY", url: null, description: "", notes: "" });
    await expect(createSource(writer, { name: name.toUpperCase(), shortName: "", kind: "NEWS_AGENCY", url: null, description: "", notes: "" })).rejects.toMatchObject({
      code: "conflict",
      fields: { name: expect.any(Array) },
    });
  });

  test("writers cannot edit, merge or delete registry entries", async () => {
    const writer = await makeStaff("WRITER");
    const [a, b] = [await makeSource(), await makeSource()];
    const input = { name: "x", shortName: "", kind: "OTHER" as const, url: null, description: "", notes: "" };
    await expect(updateSource(writer, a.id, input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(mergeSources(writer, a.id, b.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteSource(writer, a.id)).rejects.toMatchObject({ code: "forbidden" });
  });

  test("editing a source revalidates the published stories that cite it", async () => {
    const editor = await makeStaff("EDITOR");
    const source = await makeSource();
    const story = await makeArticle(editor, "publish", { citations: [{ sourceId: source.id, claim: "A claim" }] });
    takeRevalidatedPaths();
    await updateSource(editor, source.id, { name: `${source.name} (renamed)`, shortName: "", kind: "NEWS_AGENCY", url: null, description: "", notes: "" });
    expect(takeRevalidatedPaths()).toContain(`/articles/${story.slug}`);
  });

  test("merging moves citations and via-citations to the kept entry, rewrites history, and removes the duplicate", async () => {
    const editor = await makeStaff("EDITOR");
    const keep = await makeSource({ name: uniqueTitle("ABNA") });
    const duplicate = await makeSource({ name: uniqueTitle("AhlulBayt duplicate") });
    const informant = await makeSource({ kind: "ANONYMOUS", description: "an anonymous source" });
    const story = await makeArticle(editor, "publish", {
      citations: [
        { sourceId: duplicate.id, claim: "35 killed", factKey: "death toll", factValue: "35" },
        { sourceId: informant.id, viaSourceId: duplicate.id, claim: "Near Qayyarah" },
        { sourceId: keep.id, viaSourceId: duplicate.id, claim: "Relayed by its own duplicate" },
      ],
    });

    const { movedCitations } = await mergeSources(editor, duplicate.id, keep.id);
    expect(movedCitations).toBe(3);
    expect(await db.source.findUnique({ where: { id: duplicate.id } })).toBeNull();
    const citations = await db.citation.findMany({ where: { articleId: story.id }, orderBy: { position: "asc" } });
    expect(citations.map((citation) => [citation.sourceId, citation.viaSourceId])).toEqual([
      [keep.id, null],
      [informant.id, keep.id],
      [keep.id, null],
    ]);
    const snapshots = await db.articleRevision.findMany({ where: { articleId: story.id }, select: { snapshot: true } });
    expect(JSON.stringify(snapshots)).not.toContain(duplicate.id);
    expect(takeRevalidatedPaths()).toContain(`/articles/${story.slug}`);
    expect((await getSource(keep.id))._count.citations).toBe(2);
  });

  test("a source in use cannot be deleted; an unused one can", async () => {
    const editor = await makeStaff("EDITOR");
    const used = await makeSource();
    await makeArticle(editor, "save", { citations: [{ sourceId: used.id, claim: "x" }] });
    await expect(deleteSource(editor, used.id)).rejects.toMatchObject({ code: "conflict" });
    const unused = await makeSource();
    await deleteSource(editor, unused.id);
    expect(await db.source.findUnique({ where: { id: unused.id } })).toBeNull();
  });

  test("the registry list pages alphabetically and finds by short name", async () => {
    const marker = uniqueTitle("Registry").replace(/\s/g, "");
    for (const letter of ["C", "A", "B"]) {
      await db.source.create({ data: { name: `${marker} ${letter}`, kind: "OTHER", shortName: `${marker}-${letter}` } });
    }
    const page = await listSources({ q: `${marker}-b` });
    expect(page.items.map((source) => source.name)).toEqual([`${marker} B`]);
    const all = await listSources({ q: marker });
    expect(all.items.map((source) => source.name)).toEqual([`${marker} A`, `${marker} B`, `${marker} C`]);
  });
});
