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
import { discoverRouteHandlers, discoverServerActions, discoverStaffPages, importExport, type SurfaceEntry } from "../support/app-surface";
import { makeArticle, makeSource, uniqueTitle } from "../support/article-factory";
import { makeComment, makeArticle as makePublishedStory, uniqueTag } from "../support/comment-factory";
import { actAs, doubles } from "../support/request-doubles";
import { makeStaff } from "../support/staff-factory";

/**
 * The authorization matrix: every server action, route handler and staff page
 * the app has (discovered from the source tree by tests/support/app-surface.ts)
 * × every kind of caller, called directly — not through the UI — and checked
 * against PRODUCT.md's "Roles and permissions" table.
 *
 * The expected answers are written out here from PRODUCT.md, not read from
 * lib/permissions.ts, so a wrong entry there fails this test. Each call is
 * made with valid input on an object the caller may touch (a writer acts on
 * its own draft), so the only reason to refuse is who is asking. A refusal is
 * the app's own: an action answers `unauthenticated`/`forbidden`, a route 401/403,
 * a page redirects strangers to /login and shows the 403 page to the wrong role.
 * Where a refused call could have changed data, the data is checked unchanged.
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

interface Row {
  access: Access;
  /** Makes fresh data the actor may touch, calls the entry as them, and says what it answered. */
  run: (actor: Actor, target: unknown) => Promise<{ answer: Answer; observe?: () => Promise<unknown>; before?: unknown }>;
}

// ---------------------------------------------------------------- answers

function digestOf(error: unknown): string | null {
  const digest = typeof error === "object" && error !== null ? (error as { digest?: unknown }).digest : undefined;
  return typeof digest === "string" ? digest : null;
}

/** A server action's answer: CommandResult, ActionState, or Next's redirect after success. */
async function actionAnswer(call: () => Promise<unknown>): Promise<Answer> {
  try {
    const answer = (await call()) as { ok?: boolean; status?: string; error?: { code: string }; message?: string } | undefined;
    if (answer === undefined || answer.ok === true || answer.status === "success") return "allowed";
    const code = answer.error?.code;
    if (code === "forbidden" || code === "unauthenticated") return code;
    // staffFormAction answers a refusal with requireUser's messages.
    if (answer.message === "Your session has ended. Sign in again.") return "unauthenticated";
    if (answer.message === "You are not allowed to do that.") return "forbidden";
    return `unexpected answer: ${JSON.stringify(answer)}`;
  } catch (error) {
    if (digestOf(error)?.startsWith("NEXT_REDIRECT")) return "allowed";
    throw error;
  }
}

function routeAnswer(response: Response): Answer {
  if (response.status === 401) return "unauthenticated";
  if (response.status === 403) return "forbidden";
  if (response.status >= 500) return `unexpected status ${response.status}`;
  return "allowed";
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
    run: async (actor, target) => ({ answer: await actionAnswer(async () => (target as ActionFn)(await input(actor))) }),
  };
}

/** A row for a form action (staffFormAction): call it with `fields(actor)`; `observe` reads what a refusal must leave alone. */
function formAction(
  access: Access,
  prepare: (actor: Actor) => Promise<{ fields: Record<string, string | number>; observe?: () => Promise<unknown> }>,
): Row {
  return {
    access,
    run: async (actor, target) => {
      const { fields, observe } = await prepare(actor);
      const before = observe ? await observe() : undefined;
      return { answer: await actionAnswer(() => (target as ActionFn)(idle, form(fields))), observe, before };
    },
  };
}

function route(access: Access, request: (actor: Actor) => Promise<[Request, unknown]> | [Request, unknown]): Row {
  return {
    access,
    run: async (_actor, target) => {
      const [req, context] = await request(_actor);
      return { answer: routeAnswer(await (target as RouteFn)(req, context)) };
    },
  };
}

function page(access: Access, params: (actor: Actor) => Promise<Record<string, string>> | Record<string, string> = () => ({})): Row {
  return {
    access,
    run: async (actor, target) => {
      const props = pageProps(await params(actor));
      return { answer: await pageAnswer(() => (target as PageFn)(props)) };
    },
  };
}

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
  "action app/(auth)/login/actions.ts#signInAction": formAction("everyone", async () => ({
    fields: { email: signInEmail, password: staffPassword, callbackUrl: "/dashboard" },
  })),
  "action app/(dashboard)/actions.ts#signOutAction": {
    access: "everyone",
    run: async (_actor, target) => ({ answer: await actionAnswer(() => (target as ActionFn)()) }),
  },

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
    return {
      fields: { id: story.id, revisionId: revision.id, version: story.version },
      observe: () => db.article.findUnique({ where: { id: story.id }, select: { version: true } }),
    };
  }),
  [`action ${dashboardActions}/articles/actions.ts#addCorrectionAction`]: formAction({ staff: product.editAnyAndPublish }, async () => {
    const story = await publishedStory();
    return {
      fields: { articleId: story.id, text: "An earlier version misspelt Qayyarah." },
      observe: () => db.correction.count({ where: { articleId: story.id } }),
    };
  }),
  [`action ${dashboardActions}/articles/actions.ts#removeCorrectionAction`]: formAction({ staff: product.editAnyAndPublish }, async () => {
    const story = await publishedStory();
    const correction = await db.correction.create({ data: { articleId: story.id, text: "A note" } });
    return { fields: { id: correction.id, articleId: story.id }, observe: () => db.correction.count({ where: { id: correction.id } }) };
  }),

  // The source registry.
  [`action ${dashboardActions}/sources/actions.ts#createSourceAction`]: formAction({ staff: product.createSources }, async () => {
    const name = uniqueTitle("Registry source");
    return { fields: { name, kind: "NGO" }, observe: () => db.source.count({ where: { name } }) };
  }),
  [`action ${dashboardActions}/sources/actions.ts#updateSourceAction`]: formAction({ staff: product.manageSources }, async () => {
    const source = await makeSource();
    return {
      fields: { id: source.id, name: `${source.name} renamed`, kind: "NEWS_AGENCY" },
      observe: () => db.source.findUnique({ where: { id: source.id }, select: { name: true } }),
    };
  }),
  [`action ${dashboardActions}/sources/actions.ts#mergeSourceAction`]: formAction({ staff: product.manageSources }, async () => {
    const [duplicate, keep] = [await makeSource(), await makeSource()];
    return { fields: { id: duplicate.id, intoId: keep.id }, observe: () => db.source.count({ where: { id: duplicate.id } }) };
  }),
  [`action ${dashboardActions}/sources/actions.ts#deleteSourceAction`]: formAction({ staff: product.manageSources }, async () => {
    const source = await makeSource();
    return { fields: { id: source.id }, observe: () => db.source.findUnique({ where: { id: source.id }, select: { id: true } }) };
  }),

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
  [`action ${dashboardActions}/moderation/bans/actions.ts#createBanAction`]: formAction({ staff: product.moderate }, async () => {
    const email = `${uniqueTag("ban")}@readers.test`;
    return { fields: { email, ipHash: "", reason: "" }, observe: () => db.ban.count({ where: { email } }) };
  }),
  [`action ${dashboardActions}/moderation/bans/actions.ts#liftBanAction`]: formAction({ staff: product.moderate }, async () => {
    const ban = await db.ban.create({ data: { email: `${uniqueTag("lift")}@readers.test` } });
    return { fields: { banId: ban.id }, observe: () => db.ban.findUnique({ where: { id: ban.id }, select: { liftedAt: true } }) };
  }),

  // Settings and staff: admins only.
  [`action ${dashboardActions}/settings/actions.ts#saveModerationSettingsAction`]: formAction({ staff: product.manageUsersAndSettings }, async () => {
    const { version, value } = await getEditableSetting("moderation");
    return {
      fields: {
        version,
        mode: value.mode,
        linkHoldThreshold: value.linkHoldThreshold,
        holdWords: [...value.holdWords, uniqueTag("word")].join("\n"),
        blockWords: value.blockWords.join("\n"),
        rateLimitPerMinute: value.rateLimitPerMinute,
        closeAfterDays: value.closeAfterDays,
      },
      observe: async () => (await getEditableSetting("moderation")).value,
    };
  }),
  [`action ${dashboardActions}/settings/actions.ts#saveSiteSettingsAction`]: formAction({ staff: product.manageUsersAndSettings }, async () => {
    const { version, value } = await getEditableSetting("site");
    return {
      fields: { version, name: value.name, tagline: uniqueTag("tagline"), timeZone: value.timeZone },
      observe: async () => (await getEditableSetting("site")).value,
    };
  }),
  [`action ${dashboardActions}/users/actions.ts#createStaffAction`]: formAction({ staff: product.manageUsersAndSettings }, async () => {
    const email = `${uniqueTag("new")}@staff.test`;
    return { fields: { name: "New Person", email, role: "WRITER", password: "a long enough password" }, observe: () => db.user.count({ where: { email } }) };
  }),
  [`action ${dashboardActions}/users/actions.ts#changeRoleAction`]: formAction({ staff: product.manageUsersAndSettings }, async () => {
    const target = await makeStaff("WRITER");
    return {
      fields: { userId: target.id, role: "EDITOR" },
      observe: () => db.user.findUnique({ where: { id: target.id }, select: { role: true, sessionVersion: true } }),
    };
  }),
  [`action ${dashboardActions}/users/actions.ts#setActiveAction`]: formAction({ staff: product.manageUsersAndSettings }, async () => {
    const target = await makeStaff("WRITER");
    return { fields: { userId: target.id, active: "false" }, observe: () => db.user.findUnique({ where: { id: target.id }, select: { active: true } }) };
  }),
  [`action ${dashboardActions}/users/actions.ts#resetPasswordAction`]: formAction({ staff: product.manageUsersAndSettings }, async () => {
    const target = await makeStaff("MODERATOR");
    return {
      fields: { userId: target.id, password: "another long password" },
      observe: () => db.user.findUnique({ where: { id: target.id }, select: { sessionVersion: true } }),
    };
  }),

  // Readers' actions on a story page.
  "action app/(public)/articles/[slug]/actions.ts#postCommentAction": formAction("everyone", async () => {
    doubles.headers.set("x-newsroom-client-ip", readerAddress());
    const story = await makePublishedStory();
    return { fields: { article: story.slug, authorName: "Reader", authorEmail: `${uniqueTag("reader")}@readers.test`, body: "Thank you." } };
  }),
  "action app/(public)/articles/[slug]/actions.ts#reportCommentAction": formAction("everyone", async () => {
    doubles.headers.set("x-newsroom-client-ip", readerAddress());
    const comment = await makeComment((await makePublishedStory()).id, { status: "APPROVED" });
    return { fields: { commentId: comment.id } };
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
  "route /api/media POST": route({ staff: product.draft }, async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#336699" } }).png().toBuffer();
    const upload = new FormData();
    upload.append("image", new File([new Uint8Array(png)], "pixel.png", { type: "image/png" }));
    return [new Request("http://localhost/api/media", { method: "POST", body: upload }), routeContext()];
  }),
  "route /media/[...key] GET": route("everyone", async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#000" } }).png().toBuffer();
    const stored = await storeImage(png, null);
    return [new Request(`http://localhost${mediaUrl(stored.key)}`), routeContext({ key: stored.key.split("/") })];
  }),
  "route /feed.xml GET": route("everyone", () => [new Request("http://localhost/feed.xml"), routeContext()]),
  "route /sections/[slug]/feed.xml GET": route("everyone", () => [new Request("http://localhost/sections/world/feed.xml"), routeContext({ slug: "world" })]),
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
      route("everyone", () => [new Request("http://localhost/api/v1/nothing-here", { method }), routeContext({ path: ["nothing-here"] })]),
    ]),
  ),

  // Staff pages: strangers are sent to sign in; the wrong role sees the 403 page.
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
const kindOf = (id: string) => id.split(" ")[0] as "action" | "route" | "page";

// Settings are shared by the whole database: whatever the admins' rows save is put back afterwards.
let savedSettings: { key: string; value: Prisma.JsonValue }[] = [];

beforeAll(async () => {
  // next.config.js turns on forbidden() (experimental.authInterrupts); outside a build, this is how Next reads it.
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
  discovered = [...(await discoverServerActions()), ...discoverRouteHandlers(), ...discoverStaffPages()];
  savedSettings = await db.setting.findMany({ select: { key: true, value: true } });
  signInEmail = `${uniqueTag("signin")}@staff.test`;
  await db.user.create({
    data: { email: signInEmail, name: "Matrix Sign-in", slug: uniqueTag("matrix"), role: "WRITER", passwordHash: await hashPassword(staffPassword) },
  });
});

afterAll(async () => {
  for (const row of savedSettings) await db.setting.update({ where: { key: row.key }, data: { value: row.value ?? {} } });
});

describe("the matrix covers the whole app", () => {
  test("every discovered action, route handler and staff page has a row, and every row is something that exists", () => {
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

    const { answer, observe, before } = await row.run(actor, await importExport(entry!));

    const expected = expectedAnswer(row.access, caller, kindOf(id));
    expect(answer).toBe(expected);
    if (expected !== "allowed" && observe) expect(await observe(), "a refused call changed data").toEqual(before);
  });
});

describe("object-level: a writer cannot reach another writer's draft by changing the id", () => {
  async function intrusion() {
    const owner = await makeStaff("WRITER");
    const intruder = await makeStaff("WRITER");
    const story = await makeArticle(owner);
    actAs(intruder);
    return { story, intruder };
  }

  test.each([
    ["save", () => articleActions.saveArticleAction],
    ["autosave", () => articleActions.autosaveArticleAction],
    ["submit for review", () => articleActions.submitArticleAction],
  ] as const)("%s is refused and the draft is unchanged", async (_label, action) => {
    const { story } = await intrusion();
    expect(await action()({ ...edit(story), title: "Mine now" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await db.article.findUniqueOrThrow({ where: { id: story.id }, select: { title: true, version: true } })).toEqual({
      title: story.content.title,
      version: story.version,
    });
  });

  test("the editing heartbeat, restoring a revision and trashing are refused", async () => {
    const { story } = await intrusion();
    const revision = await db.articleRevision.findFirstOrThrow({ where: { articleId: story.id } });
    expect(await articleActions.heartbeatAction({ id: story.id, editing: true })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await articleActions.restoreRevisionAction(idle, form({ id: story.id, revisionId: revision.id, version: story.version }))).toMatchObject({
      status: "error",
    });
    expect(await articleActions.deleteArticleAction({ id: story.id })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await db.article.findUniqueOrThrow({ where: { id: story.id }, select: { version: true, deletedAt: true, editingById: true } })).toEqual({
      version: story.version,
      deletedAt: null,
      editingById: null,
    });
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
    expect(await articleActions.saveArticleAction(edit(story))).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
  });
});
