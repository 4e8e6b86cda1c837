import { beforeEach, describe, expect, test } from "vitest";
import { ownCommentStatusesAction, postCommentAction, reportCommentAction } from "@/app/(public)/articles/[slug]/actions";
import { idle } from "@/lib/action-state";
import { initialCommentFormState } from "@/lib/comment-form-state";
import { db } from "@/lib/db";
import { doubles, takeRevalidatedPaths } from "../support/request-doubles";
import { makeComment, makeStory, uniqueAddress, uniqueTag, withModerationSettings } from "../support/story-factory";

/** The article page's comment form, as the browser posts it (with or without JavaScript). */
function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const reader = () => {
  const tag = uniqueTag();
  return { authorName: `Reader ${tag}`, authorEmail: `reader.${tag}@example.test`, body: `A comment ${tag}.`, website: "" };
};

beforeEach(() => {
  // Each test comes from an address of its own, so rate limits never carry over.
  doubles.headers.set("x-newsroom-client-ip", uniqueAddress());
});

describe("postCommentAction", () => {
  test("a first comment awaits moderation; the form keeps name and email, not the text", async () => {
    const story = await makeStory();
    const input = reader();
    const state = await postCommentAction(initialCommentFormState, formData({ article: story.slug, ...input, idempotencyKey: `form-${uniqueTag()}` }));
    expect(state).toEqual({
      status: "success",
      message: "Thank you. Your comment is awaiting moderation. A moderator reviews every comment before it appears on the page.",
      values: { authorName: input.authorName, authorEmail: input.authorEmail },
      posted: { id: expect.any(String), outcome: "awaiting-moderation", authorName: input.authorName, body: input.body, parentId: null },
    });
    const stored = await db.comment.findUniqueOrThrow({ where: { id: state.posted?.id } });
    expect(stored).toMatchObject({ status: "PENDING", articleId: story.id, parentId: null });
  });

  test("a returning reader's comment is published, and the story's page revalidated", async () => {
    const story = await makeStory();
    const input = reader();
    await makeComment(story.id, { authorEmail: input.authorEmail, status: "APPROVED" });
    takeRevalidatedPaths();
    const state = await postCommentAction(initialCommentFormState, formData({ article: story.slug, ...input }));
    expect(state).toMatchObject({ status: "success", message: "Thank you. Your comment has been published.", posted: { outcome: "published" } });
    expect(takeRevalidatedPaths()).toContain(`/articles/${story.slug}`);
  });

  test("bad input: field errors, and everything typed comes back", async () => {
    const story = await makeStory();
    const state = await postCommentAction(
      initialCommentFormState,
      formData({ article: story.slug, authorName: "", authorEmail: "nope", body: "Keep this text.", website: "" }),
    );
    expect(state.status).toBe("error");
    expect(state.errors).toMatchObject({ authorName: ["Enter your name."], authorEmail: ["Enter a valid email address."] });
    expect(state.values).toMatchObject({ authorEmail: "nope", body: "Keep this text." });
    expect(await db.comment.count({ where: { articleId: story.id } })).toBe(0);
  });

  test("a filled honeypot is stored as spam, yet the bot is told what any held reader is told", async () => {
    const story = await makeStory();
    const state = await postCommentAction(initialCommentFormState, formData({ article: story.slug, ...reader(), website: "http://spam.example" }));
    expect(state).toMatchObject({ status: "success", message: "Thank you. Your comment is awaiting moderation. A moderator reviews every comment before it appears on the page." });
    const stored = await db.comment.findUniqueOrThrow({ where: { id: state.posted?.id } });
    expect(stored.status).toBe("SPAM");
    expect(stored.heldReasons).toContainEqual({ rule: "honeypot", detail: "the hidden trap field was filled in" });
  });

  test("without a key (no JavaScript) the same comment posted twice is stored once", async () => {
    const story = await makeStory();
    const input = reader();
    const first = await postCommentAction(initialCommentFormState, formData({ article: story.slug, ...input }));
    const again = await postCommentAction(initialCommentFormState, formData({ article: story.slug, ...input }));
    expect(again.posted?.id).toBe(first.posted?.id);
    expect(await db.comment.count({ where: { articleId: story.id } })).toBe(1);
    // A different comment by the same reader is a new one.
    const other = await postCommentAction(initialCommentFormState, formData({ article: story.slug, ...input, body: "Something else." }));
    expect(other.posted?.id).not.toBe(first.posted?.id);
  });

  test("the form's key makes a retried post answer the first one; another comment under it is refused", async () => {
    const story = await makeStory();
    const key = `form-${uniqueTag()}`;
    const input = reader();
    const first = await postCommentAction(initialCommentFormState, formData({ article: story.slug, ...input, idempotencyKey: key }));
    const retry = await postCommentAction(initialCommentFormState, formData({ article: story.slug, ...input, idempotencyKey: key }));
    expect(retry.posted?.id).toBe(first.posted?.id);
    expect(await db.comment.count({ where: { articleId: story.id, body: input.body } })).toBe(1);

    // The key was spent on the first comment (its answer may never have arrived): an edited one is not silently dropped.
    const edited = await postCommentAction(initialCommentFormState, formData({ article: story.slug, ...input, body: `${input.body} Edited.`, idempotencyKey: key }));
    expect(edited).toMatchObject({ status: "error", code: "idempotency_key_reused", message: "Your earlier comment was already received. Post again to add this one as a new comment." });
    expect(await db.comment.count({ where: { articleId: story.id } })).toBe(1);
  });

  test("a reply to an approved comment is threaded; to a held one it is refused on the parent field", async () => {
    const story = await makeStory();
    const parent = await makeComment(story.id, { status: "APPROVED" });
    const held = await makeComment(story.id, { status: "PENDING" });
    const reply = await postCommentAction(initialCommentFormState, formData({ article: story.slug, ...reader(), parentId: parent.id }));
    expect(await db.comment.findUniqueOrThrow({ where: { id: reply.posted?.id } })).toMatchObject({ parentId: parent.id });
    // The answer keeps the context: it was a reply, to this comment.
    expect(reply).toMatchObject({ message: expect.stringMatching(/^Thank you\. Your reply is awaiting moderation\./), posted: { parentId: parent.id } });

    const refused = await postCommentAction(initialCommentFormState, formData({ article: story.slug, ...reader(), parentId: held.id }));
    expect(refused).toMatchObject({ status: "error", errors: { parentId: ["You can only reply to a published comment on this story."] } });
  });

  test("closed stories, unpublished stories and rate limits get plain messages", async () => {
    const closed = await makeStory({ commentsClosed: true });
    expect(await postCommentAction(initialCommentFormState, formData({ article: closed.slug, ...reader() }))).toMatchObject({
      status: "error",
      message: "Comments are closed on this story.",
    });

    const draft = await makeStory({ status: "DRAFT" });
    expect(await postCommentAction(initialCommentFormState, formData({ article: draft.slug, ...reader() }))).toMatchObject({
      status: "error",
      message: "This story is not open for comments any more.",
    });

    const story = await makeStory();
    await withModerationSettings({ rateLimitPerMinute: 1 }, async () => {
      expect((await postCommentAction(initialCommentFormState, formData({ article: story.slug, ...reader() }))).status).toBe("success");
      const limited = await postCommentAction(initialCommentFormState, formData({ article: story.slug, ...reader() }));
      expect(limited.status).toBe("error");
      expect(limited.message).toMatch(/^You are posting too quickly\. Please wait \d+ seconds and try again\.$/);
      expect(limited.values).toMatchObject({ body: expect.stringContaining("A comment") });
    });
  });
});

describe("reportCommentAction", () => {
  test("reports once per reader", async () => {
    const story = await makeStory();
    const comment = await makeComment(story.id);
    const data = formData({ commentId: comment.id });
    expect(await reportCommentAction(idle, data)).toEqual({ status: "success", message: "Reported. Thank you — a moderator will look at it." });
    expect(await reportCommentAction(idle, data)).toEqual({ status: "success", message: "You have already reported this comment." });
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({ reportCount: 1, flaggedAt: expect.any(Date) });
  });

  test("a held comment or a made-up id cannot be reported", async () => {
    const story = await makeStory();
    const held = await makeComment(story.id, { status: "PENDING" });
    expect(await reportCommentAction(idle, formData({ commentId: held.id }))).toMatchObject({ status: "error" });
    expect(await reportCommentAction(idle, formData({ commentId: "nonsense" }))).toEqual({ status: "error", code: "invalid_input", message: "This comment cannot be reported." });
    expect(await db.commentReport.count({ where: { commentId: held.id } })).toBe(0);
  });
});

describe("ownCommentStatusesAction (the page showing a reader their own held comments)", () => {
  test("held and spam comments are awaiting, approved ones published, trashed or unknown ones removed; nothing else is answered", async () => {
    const story = await makeStory();
    const [pending, spam, approved, trashed] = await Promise.all(
      (["PENDING", "SPAM", "APPROVED", "TRASH"] as const).map((status) => makeComment(story.id, { status })),
    );
    const unknown = "01900000-0000-7000-8000-000000000000";
    const answer = await ownCommentStatusesAction({ ids: [pending!.id, spam!.id, approved!.id, trashed!.id, unknown] });
    expect(answer).toEqual({
      ok: true,
      data: { [pending!.id]: "awaiting", [spam!.id]: "awaiting", [approved!.id]: "published", [trashed!.id]: "removed", [unknown]: "removed" },
    });
  });

  test("anything but a short list of comment ids is refused", async () => {
    for (const ids of [[], ["not-an-id"], Array.from({ length: 51 }, () => "01900000-0000-7000-8000-000000000000"), "x" as unknown as string[]]) {
      expect(await ownCommentStatusesAction({ ids })).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    }
  });
});
