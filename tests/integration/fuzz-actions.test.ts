import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as readerActions from "@/app/(public)/articles/[slug]/actions";
import * as articleActions from "@/app/(dashboard)/dashboard/articles/actions";
import * as banActions from "@/app/(dashboard)/dashboard/moderation/bans/actions";
import * as moderationActions from "@/app/(dashboard)/dashboard/moderation/actions";
import * as settingsActions from "@/app/(dashboard)/dashboard/settings/actions";
import * as sourceActions from "@/app/(dashboard)/dashboard/sources/actions";
import * as userActions from "@/app/(dashboard)/dashboard/users/actions";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { paragraphsToDocument } from "@/lib/rich-text/render";
import { makeArticle, makeSource } from "../support/article-factory";
import { assertProperty, databaseFingerprint, fuzzCounter, watchDatabaseChanges, hostileJson, hostileString, unexpectedFailuresDuring } from "../support/fuzz";
import { actAs } from "../support/request-doubles";
import { makeStaff } from "../support/staff-factory";
import { makeComment, makeStory } from "../support/story-factory";

/**
 * Property-based fuzzing of every dashboard and reader server action
 * (fast-check), called directly with generated input as a role that may call
 * it — the permission check passes, so the input reaches the parsing and the
 * services. Each case starts from a valid input and replaces, drops or adds
 * fields with hostile values (wrong types, odd Unicode, NUL, huge numbers,
 * other records' ids). For every case: no unexpected failure (what a user
 * would see as "Something went wrong on our side") and no uncaught error; a
 * refused call leaves the database exactly as it was.
 */

type Input = Record<string, unknown>;

interface ActionUnderTest {
  name: string;
  role: Role | null;
  /** "form": (previousState, FormData) with string fields; "command": typed arguments from client code. */
  kind: "form" | "command";
  call: (input: Input) => Promise<unknown>;
  valid: () => Input;
}

const ids = {} as {
  draft: string;
  draftVersion: number;
  published: string;
  publishedVersion: number;
  review: string;
  reviewVersion: number;
  revision: string;
  comment: string;
  pendingComment: string;
  source: string;
  otherSource: string;
  staffTarget: string;
  ban: string;
  correction: string;
  writer: string;
  slug: string;
};
const actors = {} as Record<Role, { id: string; sessionVersion: number }>;

let unwatch: () => Promise<void> = async () => {};
beforeAll(async () => {
  unwatch = await watchDatabaseChanges();
  for (const role of ["ADMIN", "EDITOR", "WRITER", "MODERATOR"] as const) actors[role] = await makeStaff(role);
  const draft = await makeArticle({ ...actors.WRITER, name: "Writer", role: "WRITER" });
  const published = await makeArticle({ ...actors.EDITOR, name: "Editor", role: "EDITOR" }, "publish");
  const review = await makeArticle({ ...actors.WRITER, name: "Writer", role: "WRITER" }, "submit");
  const story = await makeStory();
  Object.assign(ids, {
    draft: draft.id,
    draftVersion: draft.version,
    published: published.id,
    review: review.id,
    reviewVersion: review.version,
    publishedVersion: published.version,
    revision: (await db.articleRevision.findFirstOrThrow({ where: { articleId: draft.id }, select: { id: true } })).id,
    comment: (await makeComment(story.id, { status: "APPROVED" })).id,
    pendingComment: (await makeComment(story.id, { status: "PENDING" })).id,
    source: (await makeSource()).id,
    otherSource: (await makeSource()).id,
    staffTarget: (await makeStaff("WRITER")).id,
    ban: (await db.ban.create({ data: { email: "fuzz-banned@example.test", reason: "fuzz" } })).id,
    correction: (await db.correction.create({ data: { articleId: published.id, text: "A correction." } })).id,
    writer: actors.WRITER.id,
    slug: story.slug,
  });
});

let settingsBefore: { key: string; value: unknown }[] = [];
beforeAll(async () => {
  settingsBefore = await db.setting.findMany({ select: { key: true, value: true } });
});
afterAll(async () => {
  await unwatch();
  // Settings actions may have saved generated (valid) rules; later test files expect the ones they found.
  await db.setting.deleteMany({ where: { key: { notIn: settingsBefore.map((row) => row.key) } } });
  for (const row of settingsBefore) await db.setting.update({ where: { key: row.key }, data: { value: row.value ?? {} } });
  console.info(`[fuzz] server actions: ${fuzzCounter.cases} generated calls`);
});

const articleContent = () => ({
  title: "A fuzzed story",
  dek: "A dek.",
  body: paragraphsToDocument(["A paragraph."]),
  bylineIds: [ids.writer],
  tags: ["fuzz"],
  citations: [{ sourceId: ids.source, claim: "A claim.", factKey: "toll", factValue: "3" }],
  imageCaption: "A caption.",
  imageCredit: "A credit.",
});

const noPrevious = { status: "idle" } as never;

function toFormData(input: Input): FormData {
  const formData = new FormData();
  for (const [key, value] of Object.entries(input)) {
    if (value instanceof Blob) formData.append(key, value);
    else formData.append(key, typeof value === "string" ? value : JSON.stringify(value) ?? "");
  }
  return formData;
}

const form = (name: string, role: Role | null, action: (previous: never, formData: FormData) => Promise<unknown>, valid: () => Input): ActionUnderTest => ({
  name,
  role,
  kind: "form",
  call: (input) => action(noPrevious, toFormData(input)),
  valid,
});

const command = (name: string, role: Role, action: (input: never) => Promise<unknown>, valid: () => Input): ActionUnderTest => ({
  name,
  role,
  kind: "command",
  call: (input) => action(input as never),
  valid,
});

const actions: ActionUnderTest[] = [
  command("saveArticle (new)", "WRITER", articleActions.saveArticleAction, articleContent),
  // The editor's key for a story it creates: hostile keys, and keys that already made a story, get clear answers.
  command("autosaveArticle (new, with its key)", "WRITER", articleActions.autosaveArticleAction, () => ({ ...articleContent(), creationKey: randomUUID() })),
  command("saveArticle (own draft)", "WRITER", articleActions.saveArticleAction, () => ({ ...articleContent(), id: ids.draft, version: ids.draftVersion })),
  command("autosaveArticle", "WRITER", articleActions.autosaveArticleAction, () => ({ ...articleContent(), id: ids.draft, version: ids.draftVersion })),
  command("submitArticle", "WRITER", articleActions.submitArticleAction, () => ({ ...articleContent(), id: ids.draft, version: ids.draftVersion })),
  command("publishArticle", "EDITOR", articleActions.publishArticleAction, () => ({ ...articleContent(), id: ids.published, version: ids.publishedVersion })),
  command("scheduleArticle", "EDITOR", articleActions.scheduleArticleAction, () => ({ ...articleContent(), scheduledFor: new Date(Date.now() + 86_400_000).toISOString() })),
  command("sendBackArticle", "EDITOR", articleActions.sendBackArticleAction, () => ({ ...articleContent(), id: ids.review, version: ids.reviewVersion, note: "Needs a source." })),
  command("unpublishArticle", "EDITOR", articleActions.unpublishArticleAction, () => ({ ...articleContent(), id: ids.published, version: ids.publishedVersion })),
  command("deleteArticle", "EDITOR", articleActions.deleteArticleAction, () => ({ id: ids.draft })),
  command("undeleteArticle", "EDITOR", articleActions.undeleteArticleAction, () => ({ id: ids.draft })),
  command("heartbeat", "WRITER", articleActions.heartbeatAction, () => ({ id: ids.draft, editing: true })),
  command("searchSources", "WRITER", articleActions.searchSourcesAction, () => ({ q: "agency" })),
  command("createSourceInline", "WRITER", articleActions.createSourceInlineAction, () => ({ name: "Fuzz Agency", kind: "NEWS_AGENCY" })),
  form("restoreRevision", "WRITER", articleActions.restoreRevisionAction, () => ({ id: ids.draft, revisionId: ids.revision, version: String(ids.draftVersion) })),
  form("addCorrection", "EDITOR", articleActions.addCorrectionAction, () => ({ articleId: ids.published, text: "We misspelled a name." })),
  form("removeCorrection", "EDITOR", articleActions.removeCorrectionAction, () => ({ id: ids.correction })),
  command("moderateComment", "MODERATOR", moderationActions.moderateCommentAction, () => ({ commentId: ids.pendingComment, seenStatus: "PENDING", decision: "approve" })),
  command("bulkModerate", "MODERATOR", moderationActions.bulkModerateAction, () => ({
    selection: { kind: "ids", items: [{ id: ids.pendingComment, seenStatus: "PENDING" }] },
    decision: "spam",
  })),
  command("queueCounts", "MODERATOR", moderationActions.queueCountsAction, () => ({ q: "comment", author: "reader@example.test" })),
  command("staffReply", "MODERATOR", moderationActions.staffReplyAction, () => ({ parentId: ids.comment, seenStatus: "APPROVED", body: "Thanks." })),
  command("banFromComment", "MODERATOR", moderationActions.banFromCommentAction, () => ({ commentId: ids.comment, banEmail: true, banIp: false, reason: "", spamPending: false })),
  form("createBan", "MODERATOR", banActions.createBanAction, () => ({ email: "fuzz-ban@example.test", reason: "spam" })),
  form("liftBan", "MODERATOR", banActions.liftBanAction, () => ({ banId: ids.ban })),
  form("saveModerationSettings", "ADMIN", settingsActions.saveModerationSettingsAction, () => ({
    mode: "RETURNING",
    linkHoldThreshold: "2",
    holdWords: "refund",
    blockWords: "casino",
    rateLimitPerMinute: "5",
    closeAfterDays: "0",
  })),
  form("saveSiteSettings", "ADMIN", settingsActions.saveSiteSettingsAction, () => ({ name: "Newsroom", tagline: "News.", timeZone: "Asia/Baghdad" })),
  form("createSource", "WRITER", sourceActions.createSourceAction, () => ({ name: "Fuzz Outlet", kind: "NEWS_OUTLET", url: "https://outlet.example" })),
  form("updateSource", "EDITOR", sourceActions.updateSourceAction, () => ({ id: ids.source, name: "Renamed", kind: "NEWS_AGENCY" })),
  form("mergeSource", "EDITOR", sourceActions.mergeSourceAction, () => ({ id: ids.otherSource, intoId: ids.source })),
  form("deleteSource", "EDITOR", sourceActions.deleteSourceAction, () => ({ id: ids.otherSource })),
  form("createStaff", "ADMIN", userActions.createStaffAction, () => ({ name: "New Writer", email: "new-writer@staff.test", role: "WRITER", password: "a long enough password" })),
  form("changeRole", "ADMIN", userActions.changeRoleAction, () => ({ userId: ids.staffTarget, role: "EDITOR" })),
  form("setActive", "ADMIN", userActions.setActiveAction, () => ({ userId: ids.staffTarget, active: "false" })),
  form("resetPassword", "ADMIN", userActions.resetPasswordAction, () => ({ userId: ids.staffTarget, password: "another long password" })),
  form("postComment (reader)", null, readerActions.postCommentAction, () => ({ article: ids.slug, authorName: "Reader", authorEmail: "reader@example.test", body: "Hello." })),
  form("reportComment (reader)", null, readerActions.reportCommentAction, () => ({ commentId: ids.comment })),
  {
    name: "ownCommentStatuses (reader)",
    role: null,
    kind: "command",
    call: (input) => readerActions.ownCommentStatusesAction(input as never),
    valid: () => ({ ids: [ids.pendingComment, ids.comment] }),
  },
];

/** Other records' ids and near-misses: the values most likely to reach past the schema into the services. */
const idLike = () =>
  fc.constantFrom(
    ids.draft,
    ids.published,
    ids.comment,
    ids.source,
    ids.staffTarget,
    ids.ban,
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    `${ids.draft}\u0000`,
    ids.draft.toUpperCase(),
  );

/** A field's generated value: kept valid, replaced by something hostile, or dropped (undefined). */
function fieldValue(kind: ActionUnderTest["kind"], valid: unknown): fc.Arbitrary<unknown> {
  const hostile = kind === "form" ? fc.oneof(hostileString, idLike(), fc.constant(new File(["<svg onload=alert(1)>"], "x.svg", { type: "image/svg+xml" }))) : fc.oneof(hostileJson, idLike());
  return fc.oneof({ arbitrary: fc.constant(valid), weight: 3 }, { arbitrary: hostile, weight: 2 }, { arbitrary: fc.constant(undefined), weight: 1 });
}

function generatedInput(action: ActionUnderTest): fc.Arbitrary<Input> {
  const valid = action.valid();
  const fields = Object.fromEntries(Object.entries(valid).map(([key, value]) => [key, fieldValue(action.kind, value)]));
  const extra = fc.dictionary(fc.oneof(hostileString, fc.constantFrom("id", "role", "status", "authorId", "$ACTION_ID_x")), action.kind === "form" ? hostileString : hostileJson, { maxKeys: 2 });
  return fc.tuple(fc.record(fields), extra).map(([chosen, more]) => {
    const input: Input = { ...more };
    for (const [key, value] of Object.entries(chosen)) if (value !== undefined) input[key] = value;
    return input;
  });
}

/** Did the action refuse? Form actions answer `{ status: "error" }`, commands `{ ok: false }`; Next's notFound() is a refusal too. */
function refused(outcome: unknown): boolean {
  if (outcome && typeof outcome === "object") {
    if ("status" in outcome && outcome.status === "error") return true;
    if ("ok" in outcome && outcome.ok === false) return true;
  }
  return false;
}

/** Next.js signals redirect(), notFound() and forbidden() by throwing errors that carry a digest. */
function nextNavigation(error: unknown): "redirect" | "not-found" | null {
  const digest = error && typeof error === "object" && "digest" in error ? String(error.digest) : "";
  if (digest.startsWith("NEXT_REDIRECT")) return "redirect";
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK")) return "not-found";
  return null;
}

describe("fuzzing every server action", () => {
  test.each(actions.map((action) => [action.name, action] as const))("%s: generated input never breaks it, and a refusal changes nothing", async (_name, action) => {
    await assertProperty(
      fc.asyncProperty(generatedInput(action), async (input) => {
        actAs(action.role ? actors[action.role] : null);
        const before = await databaseFingerprint();
        const { result, failures } = await unexpectedFailuresDuring(async () => {
          try {
            return { outcome: await action.call(input), navigation: null };
          } catch (error) {
            const navigation = nextNavigation(error);
            if (!navigation) throw error;
            return { outcome: undefined, navigation };
          }
        });
        const context = `${action.name} ${JSON.stringify(input)?.slice(0, 400)}`;
        expect(failures, context).toEqual([]);
        if (refused(result.outcome) || result.navigation === "not-found") {
          expect(await databaseFingerprint(), context).toEqual(before);
        }
      }),
      // 34 actions, each call a few queries: 40 cases apiece keeps the file near 30 s.
      40,
    );
  }, 180_000);
});

describe("regressions the fuzzing found", () => {
  test("a NUL character in a story's text (title, dek, credit, body) is dropped and the save succeeds, instead of a database failure", async () => {
    actAs(actors.WRITER);
    const body = paragraphsToDocument(["Before\u0000after."]);
    const outcome = await articleActions.saveArticleAction({ ...articleContent(), title: "Nul\u0000 title", dek: "D\u0000ek", imageCredit: "Cre\u0000dit", body } as never);
    expect(outcome).toMatchObject({ ok: true });
    const saved = await db.article.findFirstOrThrow({ where: { title: "Nul title" }, orderBy: { createdAt: "desc" } });
    expect(saved).toMatchObject({ dek: "Dek", imageCredit: "Credit", bodyText: "Beforeafter." });
  });

  test("a NUL character in a form field (a source's name) is dropped too", async () => {
    actAs(actors.EDITOR);
    const name = `Nul Agency ${Date.now()}`;
    const formData = toFormData({ name: `${name}\u0000`, kind: "NEWS_AGENCY" });
    await sourceActions.createSourceAction(noPrevious, formData).catch((error: unknown) => {
      if (nextNavigation(error) !== "redirect") throw error;
    });
    expect(await db.source.count({ where: { name } })).toBe(1);
  });

  test.each([
    ["an emoji across the audit log's 280-character excerpt", `${"x".repeat(279)}😀 and more`],
    ["a lone half of a surrogate pair", "Thanks \uD800 for writing."],
  ])("a staff reply with %s is posted, and audited, instead of failing in jsonb", async (_label, body) => {
    actAs(actors.MODERATOR);
    const parent = await makeComment((await makeStory()).id, { status: "APPROVED" });
    const outcome = await moderationActions.staffReplyAction({ parentId: parent.id, seenStatus: "APPROVED", body });
    expect(outcome).toMatchObject({ ok: true });
    const audit = await db.moderationAction.findFirstOrThrow({ where: { action: "comment.reply", targetId: (outcome as { data: { id: string } }).data.id } });
    expect(JSON.stringify(audit.after)).not.toMatch(/\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])/i);
  });
});

describe("rich text from outside the editor", () => {
  test.each([
    ["a raw HTML node", { type: "html", attrs: { html: "<script>alert(1)</script>" } }],
    ["a script node", { type: "script", content: [{ type: "text", text: "alert(1)" }] }],
    ["an unknown mark", { type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "onclick", attrs: { code: "alert(1)" } }] }] }],
  ])("a body with %s is refused with a field error, and nothing is stored", async (_label, node) => {
    actAs(actors.WRITER);
    const before = await databaseFingerprint();
    const outcome = await articleActions.saveArticleAction({ ...articleContent(), body: { type: "doc", content: [node] } } as never);
    expect(outcome).toMatchObject({ ok: false, error: { code: "invalid_input", fields: { body: ["The body could not be read."] } } });
    expect(await databaseFingerprint()).toEqual(before);
  });

  test("javascript: and data: addresses are dropped from the stored document and its HTML; the text stays", async () => {
    actAs(actors.WRITER);
    const title = `Hostile links ${Date.now()}`;
    const link = (href: string) => ({ type: "text", text: `go ${href.slice(0, 4)}`, marks: [{ type: "link", attrs: { href } }] });
    const body = {
      type: "doc",
      content: [
        { type: "paragraph", content: [link("javascript:alert(1)"), link("data:text/html,<script>alert(2)</script>"), link("https://example.org/")] },
        { type: "image", attrs: { src: "javascript:alert(3)", alt: "x" } },
      ],
    };
    expect(await articleActions.saveArticleAction({ ...articleContent(), title, body } as never)).toMatchObject({ ok: true });
    const saved = await db.article.findFirstOrThrow({ where: { title }, select: { body: true, bodyHtml: true, bodyText: true } });
    expect(JSON.stringify(saved.body)).not.toMatch(/javascript:|data:/);
    expect(saved.bodyHtml).not.toMatch(/javascript:|data:|<img/);
    expect(saved.bodyHtml).toContain('href="https://example.org/"');
    expect(saved.bodyText).toContain("go java");
  });
});
