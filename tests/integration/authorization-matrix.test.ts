import { readdirSync } from "node:fs";
import { NextRequest } from "next/server";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as articleActions from "@/app/(dashboard)/dashboard/articles/actions";
import { idle } from "@/lib/action-state";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { paragraphsToDocument } from "@/lib/rich-text/render";
import { hashPassword } from "@/lib/passwords";
import { storeImage } from "@/lib/services/media";
import { getEditableSetting } from "@/lib/services/settings";
import { mediaUrl } from "@/lib/storage/urls";
import { discoverPages, discoverRouteHandlers, discoverServerActions, importExport, type SurfaceEntry } from "../support/app-surface";
import { makeArticle, makeSource, uniqueTitle } from "../support/article-factory";
import { makeComment, makeArticle as makePublishedStory, uniqueTag } from "../support/comment-factory";
import { databaseFingerprint, watchDatabaseChanges } from "../support/fuzz";
import { actAs, doubles } from "../support/request-doubles";
import { makeStaff } from "../support/staff-factory";
import { makeComment as makeApprovedComment, makeStory } from "../support/story-factory";

/**
 * The authorization matrix: every server action, route handler and page the
 * app has (discovered from the source tree by tests/support/app-surface.ts,
 * wherever it lives) × every kind of caller, called directly — not through the
 * UI — and checked against PRODUCT.md's "Roles and permissions" table.
 *
 * The expected answers are written out here from PRODUCT.md, not read from
 * lib/permissions.ts, so a wrong entry there fails this test. Each call is
 * made with valid input on an object the caller may touch (a writer acts on
 * its own draft), so the only reason to refuse is who is asking. A refusal is
 * an authorization answer and nothing else: an action answers
 * `unauthenticated`/`forbidden`, a route 401/403, a page redirects strangers to
 * /login and shows the 403 page to the wrong role — a 400, 404, 409 or 429
 * is not a refusal but a wrong answer. Every refused call is checked to have
 * changed no row (counted by triggers, tests/support/fuzz.ts), and the upload
 * route to have stored no file.
 */

type Caller = Role | "DEACTIVATED" | "ANONYMOUS";
const callers: readonly Caller[] = ["ADMIN", "EDITOR", "WRITER", "MODERATOR", "DEACTIVATED", "ANONYMOUS"];

// PRODUCT.md's rows, by name.
const product = {
  dashboard: ["ADMIN", "EDITOR", "WRITER", "MODERATOR"],
  draft: ["ADMIN", "EDITOR", "WRITER"],
  editAnyAndPublish: ["ADMIN", "EDITOR"],
  createSources: ["ADMIN", "EDITOR", "WRITER"],
  manageSources: ["ADMIN", "EDITOR"],
  moderate: ["ADMIN", "EDITOR", "MODERATOR"],
  manageUsersAndSettings: ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

/**
 * Who gets through: staff with one of these roles (strangers and deactivated
 * accounts never); everyone (the public site, the API, sign-in); or nobody
 * with a session at all (the scheduler's loopback route wants its token).
 */
type Access = { staff: readonly Role[] } | "everyone" | "scheduler-token-only";

/** What a call answered, in the matrix's terms. */
type Answer = "allowed" | "unauthenticated" | "forbidden" | "login" | (string & {});

type Actor = Awaited<ReturnType<typeof makeStaff>>;
type Story = Awaited<ReturnType<typeof makeArticle>>;

interface Prepared {
  /** Calls the entry as the actor and says what it answered. */
  call: () => Promise<Answer>;
  /** What a refusal must leave alone outside the database (files on disk). */
  observe?: () => Promise<unknown>;
}

interface Row {
  access: Access;
  /** Makes fresh data the actor may touch, before the database is watched, and returns the call. */
  prepare: (actor: Actor, target: unknown) => Promise<Prepared>;
}

// ---------------------------------------------------------------- answers

function digestOf(error: unknown): string | null {
  const digest = typeof error === "object" && error !== null ? (error as { digest?: unknown }).digest : undefined;
  return typeof digest === "string" ? digest : null;
}

/** A server action's answer: CommandResult (`error.code`), ActionState (`code`), or Next's redirect after success. */
async function actionAnswer(call: () => Promise<unknown>): Promise<Answer> {
  try {
    const answer = (await call()) as { ok?: boolean; status?: string; code?: string; error?: { code: string } } | undefined;
    if (answer === undefined || answer.ok === true || answer.status === "success") return "allowed";
    const code = answer.error?.code ?? answer.code;
    if (code === "forbidden" || code === "unauthenticated") return code;
    return `unexpected answer: ${JSON.stringify(answer)}`;
  } catch (error) {
    if (digestOf(error)?.startsWith("NEXT_REDIRECT")) return "allowed";
    throw error;
  }
}

/** Success is a 2xx or 3xx unless the row says otherwise (an unknown API path answers 404 to everyone). */
const succeeded = (status: number) => status >= 200 && status < 400;

function routeAnswer(response: Response, success: (status: number) => boolean): Answer {
  if (response.status === 401) return "unauthenticated";
  if (response.status === 403) return "forbidden";
  if (success(response.status)) return "allowed";
  return `unexpected status ${response.status}`;
}

/** A page either renders (returns an element), redirects strangers to /login, or throws Next's 403/404. */
async function pageAnswer(call: () => Promise<unknown>): Promise<Answer> {
  try {
    await call();
    return "allowed";
  } catch (error) {
    const digest = digestOf(error) ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2]?.startsWith("/login?") ? "login" : "allowed";
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;403") return "forbidden";
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "not found";
    throw error;
  }
}

function expectedAnswer(access: Access, caller: Caller, kind: "action" | "route" | "page"): Answer {
  if (access === "everyone") return "allowed";
  if (access === "scheduler-token-only") return "forbidden";
  if (caller === "ANONYMOUS" || caller === "DEACTIVATED") return kind === "page" ? "login" : "unauthenticated";
  return access.staff.includes(caller) ? "allowed" : "forbidden";
}

// ---------------------------------------------------------------- inputs

function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, String(value));
  return data;
}

const body = () => ({ type: "doc" as const, content: paragraphsToDocument(["Text."]).content as Record<string, unknown>[] });

/** What the editor sends back for a stored story: its id, the version it loaded, and the fields. */
function edit(story: { id: string; version: number; content: { title: string; bylineIds: string[] } }, changes: { dek?: string } = {}) {
  return { id: story.id, version: story.version, title: story.content.title, body: body(), bylineIds: story.content.bylineIds, ...changes };
}

/** Deactivated callers cannot carry a byline, so what they act on belongs to a writer. */
const deactivated = new Set<string>();
const writes = (actor: Actor) => (product.draft as readonly Role[]).includes(actor.role) && !deactivated.has(actor.id);

/** A draft the actor may touch: their own, or (for callers who cannot write) a writer's. */
async function ownDraft(actor: Actor) {
  return makeArticle(writes(actor) ? actor : await makeStaff("WRITER"));
}

const publishedStory = async () => makeArticle(await makeStaff("EDITOR"), "publish");

/** A published story with a section, a topic and an author, for the readers' pages. */
async function publicStory() {
  const author = await makeStaff("WRITER");
  const sectionSlug = `matrix-${uniqueTag()}`;
  const tagSlug = `matrix-topic-${uniqueTag()}`;
  const story = await makeStory({ sectionSlug, tagSlugs: [tagSlug], authorId: author.id });
  return { ...story, sectionSlug, tagSlug, authorSlug: author.slug };
}
const inAnHour = () => new Date(Date.now() + 60 * 60 * 1000);
const pageProps = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params), searchParams: Promise.resolve({}) });
const routeContext = (params: Record<string, string | string[]> = {}) => ({ params: Promise.resolve(params) });
const readerAddress = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

type ActionFn = (...args: unknown[]) => Promise<unknown>;
type RouteFn = (request: Request, context: unknown) => Promise<Response>;
type PageFn = (props: unknown) => Promise<unknown>;

/** A row for a typed-argument action (staffCommand): call it with `input(actor)`. */
function command(access: Access, input: (actor: Actor) => Promise<unknown> | unknown): Row {
  return {
    access,
    prepare: async (actor, target) => {
      const args = await input(actor);
      return { call: () => actionAnswer(() => (target as ActionFn)(args)) };
    },
  };
}

/** A row for a form action (staffFormAction): call it with `fields(actor)`. */
function formAction(access: Access, fields: (actor: Actor) => Promise<Record<string, string | number>>): Row {
  return {
    access,
    prepare: async (actor, target) => {
      const data = form(await fields(actor));
      return { call: () => actionAnswer(() => (target as ActionFn)(idle, data)) };
    },
  };
}

function route(
  access: Access,
  request: (actor: Actor) => Promise<[Request, unknown]> | [Request, unknown],
  options: { success?: (status: number) => boolean; observe?: () => Promise<unknown> } = {},
): Row {
  return {
    access,
    prepare: async (actor, target) => {
      const [req, context] = await request(actor);
      return { call: async () => routeAnswer(await (target as RouteFn)(req, context), options.success ?? succeeded), observe: options.observe };
    },
  };
}

function page(access: Access, params: (actor: Actor) => Promise<Record<string, string>> | Record<string, string> = () => ({})): Row {
  return {
    access,
    prepare: async (actor, target) => {
      const props = pageProps(await params(actor));
      return { call: () => pageAnswer(() => (target as PageFn)(props)) };
    },
  };
}

/** Every file under UPLOAD_DIR: a refused upload must leave none behind. */
const storedFiles = async () =>
  (readdirSync(process.env.UPLOAD_DIR!, { recursive: true, withFileTypes: true }) as { isFile: () => boolean }[]).filter((entry) => entry.isFile()).length;

const json = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-newsroom-client-ip": readerAddress(), "user-agent": "matrix", ...headers },
    body: JSON.stringify(payload),
  });

// ---------------------------------------------------------------- the table

const dashboardActions = "app/(dashboard)/dashboard";
const staffPassword = "matrix-password-long-enough";
let signInEmail = "";

const rows: Record<string, Row> = {
  // Sign-in and sign-out: anyone may try; the credentials decide, not a role.
  "action app/(auth)/login/actions.ts#signInAction": formAction("everyone", async () => ({ email: signInEmail, password: staffPassword, callbackUrl: "/dashboard" })),
  "action app/(dashboard)/actions.ts#signOutAction": command("everyone", () => undefined),

  // The editorial desk.
  [`action ${dashboardActions}/articles/actions.ts#saveArticleAction`]: command({ staff: product.draft }, async (actor) => edit(await ownDraft(actor), { dek: "edited" })),
  [`action ${dashboardActions}/articles/actions.ts#autosaveArticleAction`]: command({ staff: product.draft }, async (actor) => edit(await ownDraft(actor), { dek: "typing" })),
  [`action ${dashboardActions}/articles/actions.ts#submitArticleAction`]: command({ staff: product.draft }, async (actor) => edit(await ownDraft(actor))),
  [`action ${dashboardActions}/articles/actions.ts#publishArticleAction`]: command({ staff: product.editAnyAndPublish }, async (actor) => edit(await ownDraft(actor))),
  [`action ${dashboardActions}/articles/actions.ts#scheduleArticleAction`]: command({ staff: product.editAnyAndPublish }, async (actor) => ({
    ...edit(await ownDraft(actor)),
    scheduledFor: inAnHour(),
  })),
  // Sending back is the other verdict on a story in review: it needs what publishing needs.
  [`action ${dashboardActions}/articles/actions.ts#sendBackArticleAction`]: command({ staff: product.editAnyAndPublish }, async () => ({
    ...edit(await makeArticle(await makeStaff("WRITER"), "submit")),
    note: "Needs a second source.",
  })),
  [`action ${dashboardActions}/articles/actions.ts#unpublishArticleAction`]: command({ staff: product.editAnyAndPublish }, async () => edit(await publishedStory())),
  [`action ${dashboardActions}/articles/actions.ts#deleteArticleAction`]: command({ staff: product.editAnyAndPublish }, async (actor) => ({ id: (await ownDraft(actor)).id })),
  [`action ${dashboardActions}/articles/actions.ts#undeleteArticleAction`]: command({ staff: product.editAnyAndPublish }, async (actor) => {
    const story = await ownDraft(actor);
    await db.article.update({ where: { id: story.id }, data: { deletedAt: new Date() } });
    return { id: story.id };
  }),
  [`action ${dashboardActions}/articles/actions.ts#heartbeatAction`]: command({ staff: product.draft }, async (actor) => ({ id: (await ownDraft(actor)).id, editing: true })),
  [`action ${dashboardActions}/articles/actions.ts#searchSourcesAction`]: command({ staff: product.createSources }, () => ({ q: "agency" })),
  [`action ${dashboardActions}/articles/actions.ts#createSourceInlineAction`]: command({ staff: product.createSources }, () => ({
    name: uniqueTitle("Inline source"),
    kind: "NEWS_OUTLET",
  })),
  [`action ${dashboardActions}/articles/actions.ts#restoreRevisionAction`]: formAction({ staff: product.draft }, async (actor) => {
    const story = await ownDraft(actor);
    const revision = await db.articleRevision.findFirstOrThrow({ where: { articleId: story.id } });
    return { id: story.id, revisionId: revision.id, version: story.version };
  }),
  [`action ${dashboardActions}/articles/actions.ts#addCorrectionAction`]: formAction({ staff: product.editAnyAndPublish }, async () => ({
    articleId: (await publishedStory()).id,
    text: "An earlier version misspelt Qayyarah.",
  })),
  [`action ${dashboardActions}/articles/actions.ts#removeCorrectionAction`]: formAction({ staff: product.editAnyAndPublish }, async () => {
    const story = await publishedStory();
    const correction = await db.correction.create({ data: { articleId: story.id, text: "A note" } });
    return { id: correction.id, articleId: story.id };
  }),

  // The source registry.
  [`action ${dashboardActions}/sources/actions.ts#createSourceAction`]: formAction({ staff: product.createSources }, async () => ({
    name: uniqueTitle("Registry source"),
    kind: "NGO",
  })),
  [`action ${dashboardActions}/sources/actions.ts#updateSourceAction`]: formAction({ staff: product.manageSources }, async () => {
    const source = await makeSource();
    return { id: source.id, name: `${source.name} renamed`, kind: "NEWS_AGENCY" };
  }),
  [`action ${dashboardActions}/sources/actions.ts#mergeSourceAction`]: formAction({ staff: product.manageSources }, async () => {
    const [duplicate, keep] = [await makeSource(), await makeSource()];
    return { id: duplicate.id, intoId: keep.id };
  }),
  [`action ${dashboardActions}/sources/actions.ts#deleteSourceAction`]: formAction({ staff: product.manageSources }, async () => ({ id: (await makeSource()).id })),

  // The moderation desk.
  [`action ${dashboardActions}/moderation/actions.ts#moderateCommentAction`]: command({ staff: product.moderate }, async () => {
    const comment = await makeComment((await makePublishedStory()).id);
    return { commentId: comment.id, seenStatus: "PENDING", decision: "approve" };
  }),
  [`action ${dashboardActions}/moderation/actions.ts#bulkModerateAction`]: command({ staff: product.moderate }, async () => {
    const article = await makePublishedStory();
    const comments = [await makeComment(article.id), await makeComment(article.id)];
    return { decision: "spam", selection: { kind: "ids", items: comments.map((c) => ({ id: c.id, seenStatus: "PENDING" })) } };
  }),
  [`action ${dashboardActions}/moderation/actions.ts#queueCountsAction`]: command({ staff: product.moderate }, () => ({ q: "matrix" })),
  [`action ${dashboardActions}/moderation/actions.ts#staffReplyAction`]: command({ staff: product.moderate }, async () => {
    const parent = await makeComment((await makePublishedStory()).id, { status: "APPROVED" });
    return { parentId: parent.id, seenStatus: "APPROVED", body: "Thanks for reading." };
  }),
  [`action ${dashboardActions}/moderation/actions.ts#banFromCommentAction`]: command({ staff: product.moderate }, async () => {
    const comment = await makeComment((await makePublishedStory()).id);
    return { commentId: comment.id, banEmail: true, banIp: true, reason: "", spamPending: true };
  }),
  [`action ${dashboardActions}/moderation/bans/actions.ts#createBanAction`]: formAction({ staff: product.moderate }, async () => ({
    email: `${uniqueTag("ban")}@readers.test`,
    ipHash: "",
    reason: "",
  })),
  [`action ${dashboardActions}/moderation/bans/actions.ts#liftBanAction`]: formAction({ staff: product.moderate }, async () => ({
    banId: (await db.ban.create({ data: { email: `${uniqueTag("lift")}@readers.test` } })).id,
  })),

  // Settings and staff: admins only.
  [`action ${dashboardActions}/settings/actions.ts#saveModerationSettingsAction`]: formAction({ staff: product.manageUsersAndSettings }, async () => {
    const { version, value } = await getEditableSetting("moderation");
    return {
      version,
      mode: value.mode,
      linkHoldThreshold: value.linkHoldThreshold,
      holdWords: [...value.holdWords, uniqueTag("word")].join("\n"),
      blockWords: value.blockWords.join("\n"),
      rateLimitPerMinute: value.rateLimitPerMinute,
      closeAfterDays: value.closeAfterDays,
    };
  }),
  [`action ${dashboardActions}/settings/actions.ts#saveSiteSettingsAction`]: formAction({ staff: product.manageUsersAndSettings }, async () => {
    const { version, value } = await getEditableSetting("site");
    return { version, name: value.name, tagline: uniqueTag("tagline"), timeZone: value.timeZone };
  }),
  [`action ${dashboardActions}/users/actions.ts#createStaffAction`]: formAction({ staff: product.manageUsersAndSettings }, async () => ({
    name: "New Person",
    email: `${uniqueTag("new")}@staff.test`,
    role: "WRITER",
    password: "a long enough password",
  })),
  [`action ${dashboardActions}/users/actions.ts#changeRoleAction`]: formAction({ staff: product.manageUsersAndSettings }, async () => ({
    userId: (await makeStaff("WRITER")).id,
    role: "EDITOR",
  })),
  [`action ${dashboardActions}/users/actions.ts#setActiveAction`]: formAction({ staff: product.manageUsersAndSettings }, async () => ({
    userId: (await makeStaff("WRITER")).id,
    active: "false",
  })),
  [`action ${dashboardActions}/users/actions.ts#resetPasswordAction`]: formAction({ staff: product.manageUsersAndSettings }, async () => ({
    userId: (await makeStaff("MODERATOR")).id,
    password: "another long password",
  })),

  // Readers' actions on a story page.
  "action app/(public)/articles/[slug]/actions.ts#postCommentAction": formAction("everyone", async () => {
    doubles.headers.set("x-newsroom-client-ip", readerAddress());
    const story = await makePublishedStory();
    return { article: story.slug, authorName: "Reader", authorEmail: `${uniqueTag("reader")}@readers.test`, body: "Thank you." };
  }),
  "action app/(public)/articles/[slug]/actions.ts#reportCommentAction": formAction("everyone", async () => {
    doubles.headers.set("x-newsroom-client-ip", readerAddress());
    const comment = await makeComment((await makePublishedStory()).id, { status: "APPROVED" });
    return { commentId: comment.id };
  }),

  "action app/(public)/articles/[slug]/actions.ts#ownCommentStatusesAction": command("everyone", async () => ({
    ids: [(await makeComment((await makePublishedStory()).id, { status: "PENDING" })).id],
  })),

  // Route handlers. The public API and feeds answer anyone; uploads want a writer's session.
  "route /api/auth/[...nextauth] GET": route("everyone", () => [new NextRequest("http://localhost/api/auth/session"), routeContext({ nextauth: ["session"] })]),
  "route /api/auth/[...nextauth] POST": route("everyone", () => [
    new NextRequest("http://localhost/api/auth/signout", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "" }),
    routeContext({ nextauth: ["signout"] }),
  ]),
  "route /api/internal/scheduler POST": route("scheduler-token-only", () => [new Request("http://localhost/api/internal/scheduler", { method: "POST" }), routeContext()]),
  "route /api/articles/[id]/leave POST": route({ staff: product.draft }, async (actor) => {
    const story = await ownDraft(actor);
    return [new Request(`http://localhost/api/articles/${story.id}/leave`, { method: "POST" }), routeContext({ id: story.id })];
  }),
  "route /api/media POST": route(
    { staff: product.draft },
    async () => {
      const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#336699" } }).png().toBuffer();
      const upload = new FormData();
      upload.append("image", new File([new Uint8Array(png)], "pixel.png", { type: "image/png" }));
      return [new Request("http://localhost/api/media", { method: "POST", body: upload }), routeContext()];
    },
    { observe: storedFiles },
  ),
  "route /media/[...key] GET": route("everyone", async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#000" } }).png().toBuffer();
    const stored = await storeImage(png, null);
    return [new Request(`http://localhost${mediaUrl(stored.key)}`), routeContext({ key: stored.key.split("/") })];
  }),
  "route /feed.xml GET": route("everyone", () => [new Request("http://localhost/feed.xml"), routeContext()]),
  "route /sections/[slug]/feed.xml GET": route("everyone", async () => {
    const { sectionSlug } = await publicStory();
    return [new Request(`http://localhost/sections/${sectionSlug}/feed.xml`), routeContext({ slug: sectionSlug })];
  }),
  "route /api/v1/articles GET": route("everyone", () => [new Request("http://localhost/api/v1/articles"), routeContext()]),
  "route /api/v1/articles OPTIONS": route("everyone", () => [new Request("http://localhost/api/v1/articles", { method: "OPTIONS" }), routeContext()]),
  "route /api/v1/articles/[slug] GET": route("everyone", async () => {
    const story = await makePublishedStory();
    return [new Request(`http://localhost/api/v1/articles/${story.slug}`), routeContext({ slug: story.slug })];
  }),
  "route /api/v1/articles/[slug] OPTIONS": route("everyone", () => [new Request("http://localhost/api/v1/articles/x", { method: "OPTIONS" }), routeContext({ slug: "x" })]),
  "route /api/v1/articles/[slug]/comments GET": route("everyone", async () => {
    const story = await makePublishedStory();
    return [new Request(`http://localhost/api/v1/articles/${story.slug}/comments`), routeContext({ slug: story.slug })];
  }),
  "route /api/v1/articles/[slug]/comments POST": route("everyone", async () => {
    const story = await makePublishedStory();
    const comment = { authorName: "Reader", authorEmail: `${uniqueTag("api")}@readers.test`, body: "Thank you for this." };
    return [json(`http://localhost/api/v1/articles/${story.slug}/comments`, comment), routeContext({ slug: story.slug })];
  }),
  "route /api/v1/articles/[slug]/comments OPTIONS": route("everyone", () => [
    new Request("http://localhost/api/v1/articles/x/comments", { method: "OPTIONS" }),
    routeContext({ slug: "x" }),
  ]),
  "route /api/v1/comments/[id]/reports POST": route("everyone", async () => {
    const comment = await makeComment((await makePublishedStory()).id, { status: "APPROVED" });
    return [json(`http://localhost/api/v1/comments/${comment.id}/reports`, { reason: "spam" }), routeContext({ id: comment.id })];
  }),
  "route /api/v1/comments/[id]/reports OPTIONS": route("everyone", () => [
    new Request("http://localhost/api/v1/comments/x/reports", { method: "OPTIONS" }),
    routeContext({ id: "x" }),
  ]),
  ...Object.fromEntries(
    (["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const).map((method) => [
      `route /api/v1/[...path] ${method}`,
      // Nothing lives here: the answer for everyone is the API's 404 (the preflight's 204).
      route("everyone", () => [new Request("http://localhost/api/v1/nothing-here", { method }), routeContext({ path: ["nothing-here"] })], {
        success: (status) => status === (method === "OPTIONS" ? 204 : 404),
      }),
    ]),
  ),

  // Every page, wherever it lives. Readers' pages and sign-in render for anyone…
  "page /": page("everyone"),
  "page /latest": page("everyone"),
  "page /search": page("everyone"),
  "page /login": page("everyone"),
  "page /articles/[slug]": page("everyone", async () => ({ slug: (await publicStory()).slug })),
  "page /articles/[slug]/reply/[commentId]": page("everyone", async () => {
    const story = await publicStory();
    return { slug: story.slug, commentId: (await makeApprovedComment(story.id)).id };
  }),
  "page /sections/[slug]": page("everyone", async () => ({ slug: (await publicStory()).sectionSlug })),
  "page /tags/[slug]": page("everyone", async () => ({ slug: (await publicStory()).tagSlug })),
  "page /authors/[slug]": page("everyone", async () => ({ slug: (await publicStory()).authorSlug })),

  // …staff pages send strangers to sign in and show the wrong role the 403 page.
  "page /dashboard": page({ staff: product.dashboard }),
  "page /dashboard/articles": page({ staff: product.draft }),
  "page /dashboard/articles/new": page({ staff: product.draft }),
  "page /dashboard/articles/[id]": page({ staff: product.draft }, async (actor) => ({ id: (await ownDraft(actor)).id })),
  "page /dashboard/articles/[id]/history": page({ staff: product.draft }, async (actor) => ({ id: (await ownDraft(actor)).id })),
  "page /preview/[id]": page({ staff: product.draft }, async (actor) => ({ id: (await ownDraft(actor)).id })),
  "page /dashboard/sources": page({ staff: product.createSources }),
  "page /dashboard/sources/new": page({ staff: product.createSources }),
  "page /dashboard/sources/[id]": page({ staff: product.manageSources }, async () => ({ id: (await makeSource()).id })),
  "page /dashboard/moderation": page({ staff: product.moderate }),
  "page /dashboard/moderation/bans": page({ staff: product.moderate }),
  "page /dashboard/moderation/log": page({ staff: product.moderate }),
  "page /dashboard/settings": page({ staff: product.manageUsersAndSettings }),
  "page /dashboard/users": page({ staff: product.manageUsersAndSettings }),
  "page /dashboard/users/new": page({ staff: product.manageUsersAndSettings }),
  "page /dashboard/users/[id]": page({ staff: product.manageUsersAndSettings }, async () => ({ id: (await makeStaff("WRITER")).id })),
};

// ---------------------------------------------------------------- discovery

let discovered: SurfaceEntry[] = [];
let unwatch: () => Promise<void> = async () => {};
const kindOf = (id: string) => id.split(" ")[0] as "action" | "route" | "page";

// Settings are shared by the whole database: whatever the admins' rows save is put back afterwards.
let savedSettings: { key: string; value: Prisma.JsonValue }[] = [];

beforeAll(async () => {
  // next.config.js turns on forbidden() (experimental.authInterrupts); outside a build, this is how Next reads it.
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
  discovered = [...(await discoverServerActions()), ...discoverRouteHandlers(), ...discoverPages()];
  unwatch = await watchDatabaseChanges();
  savedSettings = await db.setting.findMany({ select: { key: true, value: true } });
  signInEmail = `${uniqueTag("signin")}@staff.test`;
  await db.user.create({
    data: { email: signInEmail, name: "Matrix Sign-in", slug: uniqueTag("matrix"), role: "WRITER", passwordHash: await hashPassword(staffPassword) },
  });
});

afterAll(async () => {
  await unwatch();
  for (const row of savedSettings) await db.setting.update({ where: { key: row.key }, data: { value: row.value ?? {} } });
});

describe("the matrix covers the whole app", () => {
  test("every discovered action, route handler and page has a row, and every row is something that exists", () => {
    const ids = discovered.map((entry) => entry.id);
    expect(ids.filter((id) => !(id in rows)), "entries with no row in the matrix").toEqual([]);
    expect(Object.keys(rows).filter((id) => !ids.includes(id)), "rows for entries that no longer exist").toEqual([]);
  });
});

const checks = Object.keys(rows).flatMap((id) => callers.map((caller) => [id, caller] as const));

describe(`every entry × every caller (${Object.keys(rows).length} entries × ${callers.length} callers = ${checks.length} checks)`, () => {
  test.each(checks)("%s as %s", async (id, caller) => {
    const entry = discovered.find((candidate) => candidate.id === id);
    expect(entry, `${id} was not discovered`).toBeDefined();
    const row = rows[id]!;
    const actor =
      caller === "ANONYMOUS"
        ? await makeStaff("WRITER") // owns what the call touches; its session is simply missing
        : caller === "DEACTIVATED"
          ? await makeStaff("ADMIN", { active: false }) // the strongest role, so only deactivation can refuse it
          : await makeStaff(caller);
    if (caller === "DEACTIVATED") deactivated.add(actor.id);
    actAs(caller === "ANONYMOUS" ? null : actor);

    const { call, observe } = await row.prepare(actor, await importExport(entry!));
    const rowsBefore = await databaseFingerprint();
    const outsideBefore = await observe?.();
    const answer = await call();

    const expected = expectedAnswer(row.access, caller, kindOf(id));
    expect(answer).toBe(expected);
    if (expected !== "allowed") {
      expect(await databaseFingerprint(), "rows a refused call changed").toEqual(rowsBefore);
      if (observe) expect(await observe(), "a refused call changed what it stores outside the database").toEqual(outsideBefore);
    }
  });
});

describe("object-level: a writer cannot reach another writer's draft by changing the id", () => {
  async function intrusion() {
    const owner = await makeStaff("WRITER");
    const intruder = await makeStaff("WRITER");
    const story = await makeArticle(owner);
    const revision = await db.articleRevision.findFirstOrThrow({ where: { articleId: story.id } });
    actAs(intruder);
    return { story, revision };
  }

  const forbidden = { ok: false, error: { code: "forbidden" } };

  test.each([
    ["save", (story: Story) => articleActions.saveArticleAction({ ...edit(story), title: "Mine now" }), forbidden],
    ["autosave", (story: Story) => articleActions.autosaveArticleAction({ ...edit(story), title: "Mine now" }), forbidden],
    ["submit for review", (story: Story) => articleActions.submitArticleAction(edit(story)), forbidden],
    ["the editing heartbeat", (story: Story) => articleActions.heartbeatAction({ id: story.id, editing: true }), forbidden],
    ["trashing", (story: Story) => articleActions.deleteArticleAction({ id: story.id }), forbidden],
    [
      "restoring a revision",
      (story: Story, revisionId: string) => articleActions.restoreRevisionAction(idle, form({ id: story.id, revisionId, version: story.version })),
      { status: "error", code: "forbidden" },
    ],
  ] as const)("%s is refused as forbidden and changes no row", async (_label, attempt, refusal) => {
    const { story, revision } = await intrusion();
    const before = await databaseFingerprint();
    expect(await attempt(story, revision.id)).toMatchObject(refusal);
    expect(await databaseFingerprint()).toEqual(before);
  });

  test.each(["page /dashboard/articles/[id]", "page /dashboard/articles/[id]/history", "page /preview/[id]"])("reading it through %s shows the 403 page", async (id) => {
    const { story } = await intrusion();
    const render = (await importExport(discovered.find((entry) => entry.id === id)!)) as PageFn;
    expect(await pageAnswer(() => render(pageProps({ id: story.id })))).toBe("forbidden");
  });

  test("a deactivated editor's open editor stops saving at once", async () => {
    const editor = await makeStaff("EDITOR");
    const story = await makeArticle(editor);
    actAs(editor);
    await db.user.update({ where: { id: editor.id }, data: { active: false } });
    const before = await databaseFingerprint();
    expect(await articleActions.saveArticleAction(edit(story))).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    expect(await databaseFingerprint()).toEqual(before);
  });
});
