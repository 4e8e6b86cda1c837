import sharp from "sharp";
import { describe, expect, test } from "vitest";
import * as articleActions from "@/app/(dashboard)/dashboard/articles/actions";
import * as sourceActions from "@/app/(dashboard)/dashboard/sources/actions";
import { POST as uploadImage } from "@/app/api/media/route";
import { idle } from "@/lib/action-state";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { paragraphsToDocument } from "@/lib/rich-text/render";
import { actAs } from "../support/request-doubles";
import { makeArticle, makeSource, uniqueTitle } from "../support/article-factory";
import { allRoles, makeStaff } from "../support/staff-factory";

/**
 * PRODUCT.md's permission table, asserted against every server action and
 * route of the editorial desk itself (not the buttons): each is called
 * directly as every role and as an anonymous visitor, with input that is
 * valid, so the only reason to refuse is who is asking.
 *
 * Where a role is allowed, the story it acts on is one it may touch (a writer
 * acts on its own draft), so the table checks the role rule; object-level
 * refusals are tested on their own below and in article-workflow.test.ts.
 */

type Caller = Role | "ANONYMOUS";
type Outcome = "allowed" | "refused";
type Actor = Awaited<ReturnType<typeof makeStaff>>;

const writers: readonly Role[] = ["ADMIN", "EDITOR", "WRITER"];
const editors: readonly Role[] = ["ADMIN", "EDITOR"];

function isRedirect(error: unknown): boolean {
  const digest = typeof error === "object" && error !== null ? (error as { digest?: unknown }).digest : undefined;
  return typeof digest === "string" && digest.startsWith("NEXT_REDIRECT");
}

/** What an action's answer means: allowed, refused for who is asking, or anything else (a test bug). */
async function outcome(call: () => Promise<unknown>): Promise<Outcome | string> {
  try {
    const answer = (await call()) as { ok?: boolean; status?: string; error?: { code: string; message: string }; message?: string };
    if (answer.ok === true || answer.status === "success") return "allowed";
    const code = answer.error?.code ?? answer.message;
    if (code === "forbidden" || code === "unauthenticated") return "refused";
    if (answer.message === "You are not allowed to do that." || answer.message === "Your session has ended. Sign in again.") return "refused";
    return `unexpected answer: ${JSON.stringify(answer)}`;
  } catch (error) {
    if (isRedirect(error)) return "allowed";
    throw error;
  }
}

function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, String(value));
  return data;
}

const body = () => ({ type: "doc" as const, content: paragraphsToDocument(["Text."]).content as Record<string, unknown>[] });

function storyInput(author: { id: string }) {
  return { title: uniqueTitle("Permission"), dek: "", body: body(), bylineIds: [author.id] };
}

/** What the editor sends back for a stored story: its id, the version it loaded, and the fields. */
function edit(story: { id: string; version: number; content: { title: string; bylineIds: string[] } }, changes: { dek?: string } = {}) {
  return { id: story.id, version: story.version, title: story.content.title, body: body(), bylineIds: story.content.bylineIds, ...changes };
}

/** A draft the actor may touch: their own, or (for roles that cannot write) a writer's. */
async function ownDraft(actor: Actor) {
  return makeArticle(writers.includes(actor.role) ? actor : await makeStaff("WRITER"));
}

const inAnHour = () => new Date(Date.now() + 60 * 60 * 1000);

/** For each action: who may call it, and how to call it as `actor` (who owns what it acts on). */
const cases: { name: string; allowed: readonly Role[]; run: (actor: Actor) => Promise<Outcome | string> }[] = [
  {
    name: "saveArticle (new draft)",
    allowed: writers,
    run: (actor) => outcome(() => articleActions.saveArticleAction(storyInput(actor))),
  },
  {
    name: "saveArticle (own draft)",
    allowed: writers,
    run: async (actor) => {
      const story = await ownDraft(actor);
      return outcome(() => articleActions.saveArticleAction(edit(story, { dek: "edited" })));
    },
  },
  {
    name: "autosaveArticle",
    allowed: writers,
    run: async (actor) => {
      const story = await ownDraft(actor);
      return outcome(() => articleActions.autosaveArticleAction(edit(story, { dek: "typing" })));
    },
  },
  {
    name: "submitArticle",
    allowed: writers,
    run: async (actor) => {
      const story = await ownDraft(actor);
      return outcome(() => articleActions.submitArticleAction(edit(story)));
    },
  },
  {
    name: "publishArticle",
    allowed: editors,
    run: async (actor) => {
      const story = await ownDraft(actor);
      return outcome(() => articleActions.publishArticleAction(edit(story)));
    },
  },
  {
    name: "scheduleArticle",
    allowed: editors,
    run: async (actor) => {
      const story = await ownDraft(actor);
      return outcome(() => articleActions.scheduleArticleAction({ ...edit(story), scheduledFor: inAnHour() }));
    },
  },
  {
    name: "unpublishArticle",
    allowed: editors,
    run: async () => {
      const story = await makeArticle(await makeStaff("EDITOR"), "publish");
      return outcome(() => articleActions.unpublishArticleAction(edit(story)));
    },
  },
  {
    name: "deleteArticle",
    allowed: editors,
    run: async (actor) => {
      const story = await ownDraft(actor);
      return outcome(() => articleActions.deleteArticleAction({ id: story.id }));
    },
  },
  {
    name: "undeleteArticle",
    allowed: editors,
    run: async (actor) => {
      const story = await ownDraft(actor);
      await db.article.update({ where: { id: story.id }, data: { deletedAt: new Date() } });
      return outcome(() => articleActions.undeleteArticleAction({ id: story.id }));
    },
  },
  {
    name: "heartbeat",
    allowed: writers,
    run: async (actor) => {
      const story = await ownDraft(actor);
      return outcome(() => articleActions.heartbeatAction({ id: story.id, editing: true }));
    },
  },
  {
    name: "restoreRevision",
    allowed: writers,
    run: async (actor) => {
      const story = await ownDraft(actor);
      const revision = await db.articleRevision.findFirstOrThrow({ where: { articleId: story.id } });
      return outcome(() => articleActions.restoreRevisionAction(idle, form({ id: story.id, revisionId: revision.id, version: story.version })));
    },
  },
  {
    name: "addCorrection",
    allowed: editors,
    run: async () => {
      const story = await makeArticle(await makeStaff("EDITOR"), "publish");
      return outcome(() => articleActions.addCorrectionAction(idle, form({ articleId: story.id, text: "An earlier version misspelt Qayyarah." })));
    },
  },
  {
    name: "removeCorrection",
    allowed: editors,
    run: async () => {
      const story = await makeArticle(await makeStaff("EDITOR"), "publish");
      const correction = await db.correction.create({ data: { articleId: story.id, text: "A note" } });
      return outcome(() => articleActions.removeCorrectionAction(idle, form({ id: correction.id, articleId: story.id })));
    },
  },
  {
    name: "searchSources",
    allowed: writers,
    run: () => outcome(() => articleActions.searchSourcesAction({ q: "agency" })),
  },
  {
    name: "createSource (from the editor)",
    allowed: writers,
    run: () => outcome(() => articleActions.createSourceInlineAction({ name: uniqueTitle("Inline source"), kind: "NEWS_OUTLET" })),
  },
  {
    name: "createSource (registry form)",
    allowed: writers,
    run: () => outcome(() => sourceActions.createSourceAction(idle, form({ name: uniqueTitle("Registry source"), kind: "NGO" }))),
  },
  {
    name: "updateSource",
    allowed: editors,
    run: async () => {
      const source = await makeSource();
      return outcome(() => sourceActions.updateSourceAction(idle, form({ id: source.id, name: `${source.name} renamed`, kind: "NEWS_AGENCY" })));
    },
  },
  {
    name: "mergeSource",
    allowed: editors,
    run: async () => {
      const [duplicate, keep] = [await makeSource(), await makeSource()];
      return outcome(() => sourceActions.mergeSourceAction(idle, form({ id: duplicate.id, intoId: keep.id })));
    },
  },
  {
    name: "deleteSource",
    allowed: editors,
    run: async () => {
      const source = await makeSource();
      return outcome(() => sourceActions.deleteSourceAction(idle, form({ id: source.id })));
    },
  },
  {
    name: "POST /api/media (image upload)",
    allowed: writers,
    run: async () => {
      const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#336699" } }).png().toBuffer();
      const body = new FormData();
      body.append("image", new File([new Uint8Array(png)], "pixel.png", { type: "image/png" }));
      const response = await uploadImage(new Request("http://localhost/api/media", { method: "POST", body }), undefined);
      if (response.status === 201) return "allowed";
      if (response.status === 401 || response.status === 403) return "refused";
      return `unexpected status ${response.status}`;
    },
  },
];

const callers: Caller[] = [...allRoles, "ANONYMOUS"];

describe("every editorial action and route × every role", () => {
  test.each(cases.flatMap((action) => callers.map((caller) => [action.name, caller, caller !== "ANONYMOUS" && action.allowed.includes(caller)] as const)))(
    "%s as %s → allowed: %s",
    async (name, caller, allowed) => {
      const action = cases.find((entry) => entry.name === name)!;
      // The anonymous caller's objects belong to a writer; its session is simply missing.
      const actor = await makeStaff(caller === "ANONYMOUS" ? "WRITER" : caller);
      actAs(caller === "ANONYMOUS" ? null : actor);
      const result = await action.run(actor);
      expect(result).toBe(allowed ? "allowed" : "refused");
    },
  );
});

describe("object-level refusals, through the actions", () => {
  test("a writer cannot save, submit or restore another writer's draft by its id", async () => {
    const owner = await makeStaff("WRITER");
    const intruder = await makeStaff("WRITER");
    const story = await makeArticle(owner);
    const revision = await db.articleRevision.findFirstOrThrow({ where: { articleId: story.id } });
    actAs(intruder);
    expect(await articleActions.saveArticleAction({ ...edit(story), title: "Mine now" })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await articleActions.submitArticleAction(edit(story))).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await articleActions.restoreRevisionAction(idle, form({ id: story.id, revisionId: revision.id, version: story.version }))).toMatchObject({
      status: "error",
    });
    expect(await articleActions.heartbeatAction({ id: story.id, editing: true })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect((await db.article.findUniqueOrThrow({ where: { id: story.id } })).title).toBe(story.content.title);
  });

  test("a deactivated editor's open editor stops saving at once", async () => {
    const editor = await makeStaff("EDITOR");
    const story = await makeArticle(editor);
    actAs(editor);
    await db.user.update({ where: { id: editor.id }, data: { active: false } });
    expect(await articleActions.saveArticleAction(edit(story))).toMatchObject({
      ok: false,
      error: { code: "unauthenticated" },
    });
  });
});
