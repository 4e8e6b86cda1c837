import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as readerActions from "@/app/(public)/articles/[slug]/actions";
import * as signInActions from "@/app/(auth)/login/actions";
import * as dashboardActions from "@/app/(dashboard)/actions";
import * as articleActions from "@/app/(dashboard)/dashboard/articles/actions";
import * as banActions from "@/app/(dashboard)/dashboard/moderation/bans/actions";
import * as moderationActions from "@/app/(dashboard)/dashboard/moderation/actions";
import * as settingsActions from "@/app/(dashboard)/dashboard/settings/actions";
import * as sourceActions from "@/app/(dashboard)/dashboard/sources/actions";
import * as userActions from "@/app/(dashboard)/dashboard/users/actions";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/passwords";
import { paragraphsToDocument } from "@/lib/rich-text/render";
import { getEditableSetting } from "@/lib/services/settings";
import { makeArticle, makeSource } from "../support/article-factory";
import { assertProperty, databaseFingerprint, fuzzCounter, watchDatabaseChanges, hostileJson, hostileString } from "../support/fuzz";
import { actAs, doubles } from "../support/request-doubles";
import { makeStaff } from "../support/staff-factory";
import { makeComment, makeStory, uniqueAddress, uniqueTag } from "../support/story-factory";

/**
 * Property-based fuzzing of every dashboard and reader server action, sign-in
 * and sign-out included (fast-check), called directly with generated input as
 * a role that may call it — the permission check passes, so the input reaches
 * the parsing and the services. Each case starts from a valid input and
 * replaces, drops or adds fields with hostile values (wrong types, odd
 * Unicode, NUL, huge numbers, other records' ids). For every case:
 * - no failure a user would see as a 500: nothing thrown but Next's own
 *   navigation, and no answer with the code `internal` ("Something went wrong
 *   on our side") — read from the answer, not from the log;
 * - a refused call leaves the database exactly as it was;
 * and for every action, the success path is reached: the first case is the
 * valid input itself (on records made for that action alone), so an action
 * that refuses everything fails here instead of passing as "never broke".
 */

type Input = Record<string, unknown>;

interface ActionUnderTest {
  name: string;
  role: Role | null;
  /** "form": (previousState, FormData) with string fields; "command": typed arguments from client code. */
  kind: "form" | "command";
  call: (input: Input) => Promise<unknown>;
  /** A valid input on records made for this action alone, so that it can succeed whatever the other actions did. */
  valid: () => Promise<Input>;
}

const ids = {} as {
  writer: string;
  source: string;
  bystanderSource: string;
  approvedComment: string;
  slug: string;
};
const actors = {} as Record<Role, { id: string; sessionVersion: number; name: string; role: Role }>;
const signInPassword = "fuzz-sign-in-password-long";
let signInEmail = "";

let unwatch: () => Promise<void> = async () => {};
beforeAll(async () => {
  unwatch = await watchDatabaseChanges();
  for (const role of ["ADMIN", "EDITOR", "WRITER", "MODERATOR"] as const) actors[role] = await makeStaff(role);
  const story = await makeStory();
  Object.assign(ids, {
    writer: actors.WRITER.id,
    source: (await makeSource()).id,
    bystanderSource: (await makeSource()).id,
    approvedComment: (await makeComment(story.id, { status: "APPROVED" })).id,
    slug: story.slug,
  });
  signInEmail = `fuzz-${uniqueTag()}@staff.test`;
  await db.user.create({
    data: { email: signInEmail, name: "Fuzz Sign-in", slug: `fuzz-${uniqueTag()}`, role: "WRITER", passwordHash: await hashPassword(signInPassword) },
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

/** Fresh records for one action's valid input. */
const fresh = {
  draft: () => makeArticle(actors.WRITER),
  published: () => makeArticle(actors.EDITOR, "publish"),
  pendingComment: async () => (await makeComment((await makeStory()).id, { status: "PENDING" })).id,
  staff: async () => (await makeStaff("WRITER")).id,
};

const noPrevious = { status: "idle" } as never;

function toFormData(input: Input): FormData {
  const formData = new FormData();
  for (const [key, value] of Object.entries(input)) {
    if (value instanceof Blob) formData.append(key, value);
    else formData.append(key, typeof value === "string" ? value : JSON.stringify(value) ?? "");
  }
  return formData;
}

const form = (
  name: string,
  role: Role | null,
  action: (previous: never, formData: FormData) => Promise<unknown>,
  valid: () => Input | Promise<Input>,
): ActionUnderTest => ({
  name,
  role,
  kind: "form",
  call: (input) => action(noPrevious, toFormData(input)),
  valid: async () => valid(),
});

const command = (name: string, role: Role, action: (input: never) => Promise<unknown>, valid: () => Input | Promise<Input>): ActionUnderTest => ({
  name,
  role,
  kind: "command",
  call: (input) => action(input as never),
  valid: async () => valid(),
});

const editOf = async (story: Promise<{ id: string; version: number }>) => {
  const { id, version } = await story;
  return { ...articleContent(), id, version };
};

const actions: ActionUnderTest[] = [
  form("signIn", null, signInActions.signInAction, () => ({ email: signInEmail, password: signInPassword, callbackUrl: "/dashboard" })),
  // The sign-out button's form carries nothing; whatever is posted with it, the session ends.
  form("signOut", "WRITER", () => dashboardActions.signOutAction(), () => ({})),
  command("saveArticle (new)", "WRITER", articleActions.saveArticleAction, articleContent),
  // The editor's key for a story it creates: hostile keys, and keys that already made a story, get clear answers.
  command("autosaveArticle (new, with its key)", "WRITER", articleActions.autosaveArticleAction, () => ({ ...articleContent(), creationKey: randomUUID() })),
  command("saveArticle (own draft)", "WRITER", articleActions.saveArticleAction, () => editOf(fresh.draft())),
  command("autosaveArticle", "WRITER", articleActions.autosaveArticleAction, () => editOf(fresh.draft())),
  command("submitArticle", "WRITER", articleActions.submitArticleAction, () => editOf(fresh.draft())),
  command("publishArticle", "EDITOR", articleActions.publishArticleAction, () => editOf(fresh.draft())),
  command("scheduleArticle", "EDITOR", articleActions.scheduleArticleAction, () => ({ ...articleContent(), scheduledFor: new Date(Date.now() + 86_400_000).toISOString() })),
  command("sendBackArticle", "EDITOR", articleActions.sendBackArticleAction, async () => ({
    ...(await editOf(makeArticle(actors.WRITER, "submit"))),
    note: "Needs a source.",
  })),
  command("unpublishArticle", "EDITOR", articleActions.unpublishArticleAction, () => editOf(fresh.published())),
  command("deleteArticle", "EDITOR", articleActions.deleteArticleAction, async () => ({ id: (await fresh.draft()).id })),
  command("undeleteArticle", "EDITOR", articleActions.undeleteArticleAction, async () => {
    const { id } = await fresh.draft();
    await db.article.update({ where: { id }, data: { deletedAt: new Date() } });
    return { id };
  }),
  command("heartbeat", "WRITER", articleActions.heartbeatAction, async () => ({ id: (await fresh.draft()).id, editing: true })),
  command("searchSources", "WRITER", articleActions.searchSourcesAction, () => ({ q: "agency" })),
  command("createSourceInline", "WRITER", articleActions.createSourceInlineAction, () => ({ name: `Fuzz Agency ${uniqueTag()}`, kind: "NEWS_AGENCY" })),
  form("restoreRevision", "WRITER", articleActions.restoreRevisionAction, async () => {
    const draft = await fresh.draft();
    const revision = await db.articleRevision.findFirstOrThrow({ where: { articleId: draft.id }, select: { id: true } });
    return { id: draft.id, revisionId: revision.id, version: String(draft.version) };
  }),
  form("addCorrection", "EDITOR", articleActions.addCorrectionAction, async () => ({ articleId: (await fresh.published()).id, text: "We misspelled a name." })),
  form("removeCorrection", "EDITOR", articleActions.removeCorrectionAction, async () => {
    const { id: articleId } = await fresh.published();
    const correction = await db.correction.create({ data: { articleId, text: "A correction." } });
    return { id: correction.id, articleId };
  }),
  command("moderateComment", "MODERATOR", moderationActions.moderateCommentAction, async () => ({
    commentId: await fresh.pendingComment(),
    seenStatus: "PENDING",
    decision: "approve",
  })),
  command("bulkModerate", "MODERATOR", moderationActions.bulkModerateAction, async () => ({
    selection: { kind: "ids", items: [{ id: await fresh.pendingComment(), seenStatus: "PENDING" }] },
    decision: "spam",
  })),
  command("queueCounts", "MODERATOR", moderationActions.queueCountsAction, () => ({ q: "comment", author: "reader@example.test" })),
  command("staffReply", "MODERATOR", moderationActions.staffReplyAction, async () => ({
    parentId: (await makeComment((await makeStory()).id, { status: "APPROVED" })).id,
    seenStatus: "APPROVED",
    body: "Thanks.",
  })),
  command("banFromComment", "MODERATOR", moderationActions.banFromCommentAction, async () => ({
    commentId: await fresh.pendingComment(),
    banEmail: true,
    banIp: false,
    reason: "",
    spamPending: false,
  })),
  form("createBan", "MODERATOR", banActions.createBanAction, () => ({ email: `fuzz-ban-${uniqueTag()}@example.test`, reason: "spam" })),
  form("liftBan", "MODERATOR", banActions.liftBanAction, async () => ({
    banId: (await db.ban.create({ data: { email: `fuzz-banned-${uniqueTag()}@example.test`, reason: "fuzz" } })).id,
  })),
  // A save names the version it was loaded at; without it, any earlier save makes it stale.
  form("saveModerationSettings", "ADMIN", settingsActions.saveModerationSettingsAction, async () => ({
    version: (await getEditableSetting("moderation")).version,
    mode: "RETURNING",
    linkHoldThreshold: "2",
    holdWords: "refund",
    blockWords: "casino",
    rateLimitPerMinute: "5",
    closeAfterDays: "0",
  })),
  form("saveSiteSettings", "ADMIN", settingsActions.saveSiteSettingsAction, async () => ({
    version: (await getEditableSetting("site")).version,
    name: "Newsroom",
    tagline: `News ${uniqueTag()}.`,
    timeZone: "Asia/Baghdad",
  })),
  form("createSource", "WRITER", sourceActions.createSourceAction, () => ({ name: `Fuzz Outlet ${uniqueTag()}`, kind: "NEWS_OUTLET", url: "https://outlet.example" })),
  form("updateSource", "EDITOR", sourceActions.updateSourceAction, async () => ({ id: (await makeSource()).id, name: `Renamed ${uniqueTag()}`, kind: "NEWS_AGENCY" })),
  form("mergeSource", "EDITOR", sourceActions.mergeSourceAction, async () => ({ id: (await makeSource()).id, intoId: (await makeSource()).id })),
  form("deleteSource", "EDITOR", sourceActions.deleteSourceAction, async () => ({ id: (await makeSource()).id })),
  form("createStaff", "ADMIN", userActions.createStaffAction, () => ({
    name: "New Writer",
    email: `new-writer-${uniqueTag()}@staff.test`,
    role: "WRITER",
    password: "a long enough password",
  })),
  form("changeRole", "ADMIN", userActions.changeRoleAction, async () => ({ userId: await fresh.staff(), role: "EDITOR" })),
  form("setActive", "ADMIN", userActions.setActiveAction, async () => ({ userId: await fresh.staff(), active: "false" })),
  form("resetPassword", "ADMIN", userActions.resetPasswordAction, async () => ({ userId: await fresh.staff(), password: "another long password" })),
  form("postComment (reader)", null, readerActions.postCommentAction, () => ({
    article: ids.slug,
    authorName: "Reader",
    authorEmail: `reader-${uniqueTag()}@example.test`,
    body: "Hello.",
  })),
  form("reportComment (reader)", null, readerActions.reportCommentAction, async () => ({
    commentId: (await makeComment((await makeStory()).id, { status: "APPROVED" })).id,
  })),
  {
    name: "ownCommentStatuses (reader)",
    role: null,
    kind: "command",
    call: (input) => readerActions.ownCommentStatusesAction(input as never),
    valid: async () => ({ ids: [await fresh.pendingComment(), ids.approvedComment] }),
  },
];

/**
 * Other records' ids and near-misses: the values most likely to reach past the schema into the services.
 * Never the ids the suite itself relies on (the acting staff, the source the stories cite): a generated
 * "deactivate this user" or "merge this source" would break every test after it.
 */
const idLike = (valid: Input) =>
  fc.constantFrom(
    ...Object.values(valid).filter((value): value is string => typeof value === "string" && /^[0-9a-f-]{36}$/.test(value)),
    ids.approvedComment,
    ids.bystanderSource,
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    `${ids.bystanderSource}\u0000`,
    ids.bystanderSource.toUpperCase(),
  );

/** A field's generated value: kept valid, replaced by something hostile, or dropped (undefined). */
function fieldValue(kind: ActionUnderTest["kind"], valid: unknown, ids: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  const hostile = kind === "form" ? fc.oneof(hostileString, ids, fc.constant(new File(["<svg onload=alert(1)>"], "x.svg", { type: "image/svg+xml" }))) : fc.oneof(hostileJson, ids);
  return fc.oneof({ arbitrary: fc.constant(valid), weight: 3 }, { arbitrary: hostile, weight: 2 }, { arbitrary: fc.constant(undefined), weight: 1 });
}

function generatedInput(action: ActionUnderTest, valid: Input): fc.Arbitrary<Input> {
  const fields = Object.fromEntries(Object.entries(valid).map(([key, value]) => [key, fieldValue(action.kind, value, idLike(valid))]));
  const extra = fc.dictionary(fc.oneof(hostileString, fc.constantFrom("id", "role", "status", "authorId", "$ACTION_ID_x")), action.kind === "form" ? hostileString : hostileJson, { maxKeys: 2 });
  return fc.tuple(fc.record(fields), extra).map(([chosen, more]) => {
    const input: Input = { ...more };
    for (const [key, value] of Object.entries(chosen)) if (value !== undefined) input[key] = value;
    return input;
  });
}

/** What a call came to, as its caller sees it. */
type Outcome = "succeeded" | "refused" | "failed";

/**
 * Form actions answer an ActionState (`status`, and `code` on errors), commands a CommandResult (`ok`, `error.code`);
 * Next's redirect() after a save is a success, its notFound() a refusal. `internal` is the app's 500.
 */
function outcomeOf(answer: unknown, navigation: "redirect" | "not-found" | null): Outcome {
  if (navigation) return navigation === "redirect" ? "succeeded" : "refused";
  const result = (answer ?? {}) as { ok?: boolean; status?: string; code?: string; error?: { code?: string } };
  if (result.ok === true || result.status === "success") return "succeeded";
  if (result.ok === false || result.status === "error") return (result.error?.code ?? result.code) === "internal" ? "failed" : "refused";
  return "failed";
}

/** Next.js signals redirect(), notFound() and forbidden() by throwing errors that carry a digest. */
function nextNavigation(error: unknown): "redirect" | "not-found" | null {
  const digest = error && typeof error === "object" && "digest" in error ? String(error.digest) : "";
  if (digest.startsWith("NEXT_REDIRECT")) return "redirect";
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK")) return "not-found";
  return null;
}

describe("fuzzing every server action", () => {
  test.each(actions.map((action) => [action.name, action] as const))(
    "%s: generated input never breaks it, a refusal changes nothing, and the valid input succeeds",
    async (_name, action) => {
      const valid = await action.valid();
      const outcomes = new Set<Outcome>();
      await assertProperty(
        fc.asyncProperty(generatedInput(action, valid), async (input) => {
          actAs(action.role ? actors[action.role] : null);
          doubles.headers.set("x-newsroom-client-ip", uniqueAddress());
          const before = await databaseFingerprint();
          let outcome: Outcome;
          try {
            outcome = outcomeOf(await action.call(input), null);
          } catch (error) {
            const navigation = nextNavigation(error);
            if (!navigation) throw error; // thrown out of an action: a 500 for the caller
            outcome = outcomeOf(undefined, navigation);
          }
          outcomes.add(outcome);
          const context = `${action.name} ${JSON.stringify(input)?.slice(0, 400)}`;
          expect(outcome, context).not.toBe("failed");
          if (outcome === "refused") expect(await databaseFingerprint(), context).toEqual(before);
        }),
        // 35 actions, each call a few queries: 40 cases apiece keeps the file near 30 s.
        { runs: 40, examples: [[valid]] },
      );
      expect(outcomes.has("succeeded"), `${action.name} never succeeded, not even with its valid input`).toBe(true);
    },
    180_000,
  );
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
