import { expect, test, type Page } from "@playwright/test";
import { approveComment, raiseCommentRateLimit, commentsByEmail, createPublishedStory, uniqueTag } from "./support/newsroom-data";
import { approveInDesk } from "./support/moderation-desk";

const rateLimit = raiseCommentRateLimit();
test.beforeAll(rateLimit.raise);
test.afterAll(rateLimit.restore);

async function fillComment(page: Page, reader: { name: string; email: string }, text: string) {
  await page.getByLabel("Name").fill(reader.name);
  await page.getByLabel("Email").fill(reader.email);
  await page.getByLabel("Comment").fill(text);
}

/** One comment of the thread, found by what it says. */
const commentBy = (page: Page, author: string) => page.locator("#comments article").filter({ hasText: author });

const thoughtsHeading = (page: Page) => page.getByRole("heading", { level: 2, name: /thoughts? on “/ });

test.describe("a reader comments on a story", () => {
  test("posts, waits for moderation, is approved, then replies in the thread", async ({ page, request, browser }) => {
    const story = await createPublishedStory("Reader comment flow");
    const reader = { name: `Amira ${uniqueTag()}`, email: `amira.${uniqueTag()}@example.org` };
    const first = `The figures do not add up, ${uniqueTag()}.`;

    await page.goto(`/articles/${story.slug}`);
    await expect(thoughtsHeading(page)).toHaveText(`0 thoughts on “${story.title}”`);
    await expect(page.getByText("Your email address will not be published.")).toBeVisible();

    await fillComment(page, reader, first);
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect(page.getByText("Your comment is awaiting moderation.")).toBeVisible();
    // The text field is cleared for the next comment; name and email stay.
    await expect(page.getByLabel("Comment")).toHaveValue("");
    await expect(page.getByLabel("Name")).toHaveValue(reader.name);

    // Not public: neither in the thread on a fresh load of the page nor in the API; only its author's browser shows it, marked.
    await page.goto(`/articles/${story.slug}`);
    await expect(thoughtsHeading(page)).toHaveText(`0 thoughts on “${story.title}”`);
    await expect(page.getByText("Awaiting moderation", { exact: true })).toBeVisible();
    await expect(page.getByRole("region", { name: /thoughts? on this story/ })).not.toContainText(first);
    const api = await request.get(`/api/v1/articles/${story.slug}/comments`);
    expect(await api.json()).toEqual({ items: [] });

    // A moderator approves it on the desk; the story's cached page is revalidated at once.
    const [stored] = await commentsByEmail(reader.email);
    expect(stored?.status).toBe("PENDING");
    await approveInDesk(browser, first);

    await page.goto(`/articles/${story.slug}`);
    await expect(thoughtsHeading(page)).toHaveText(`1 thought on “${story.title}”`);
    const comment = commentBy(page, reader.name);
    await expect(comment).toContainText(first);

    // The same reader replies: a returning commenter is published at once, under the comment answered.
    const reply = `Replying to my own point, ${uniqueTag()}.`;
    await comment.getByRole("link", { name: /^Reply/ }).click();
    await expect(page.getByRole("heading", { name: `Reply to ${reader.name}` })).toBeVisible();
    await expect(page.getByLabel("Comment")).toBeFocused();
    await fillComment(page, reader, reply);
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect(page.getByText("Thank you. Your reply has been published.")).toBeVisible();

    await page.goto(`/articles/${story.slug}`);
    await expect(thoughtsHeading(page)).toHaveText(`2 thoughts on “${story.title}”`);
    const parentItem = page.locator(`li#comment-${stored!.id}`);
    await expect(parentItem.locator("ol li")).toContainText(reply);
    const rows = await commentsByEmail(reader.email);
    expect(rows.map((row) => [row.status, row.parentId])).toEqual([
      ["APPROVED", null],
      ["APPROVED", stored!.id],
    ]);
  });

  test("bad input keeps what was typed and says what to fix", async ({ page }) => {
    const story = await createPublishedStory("Comment form errors");
    await page.goto(`/articles/${story.slug}`);
    await page.getByLabel("Name").fill("Sami");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Comment").fill("Kept after a failed post.");
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Comment")).toHaveValue("Kept after a failed post.");
    await expect(page.getByLabel("Name")).toHaveValue("Sami");
  });

  test("a reader reports a comment once", async ({ page, request }) => {
    const story = await createPublishedStory("Reported comment");
    const response = await request.post(`/api/v1/articles/${story.slug}/comments`, {
      data: { authorName: "Troll", authorEmail: `troll.${uniqueTag()}@example.org`, body: "Something nasty." },
    });
    const { id } = (await response.json()) as { id: string };
    // Approved before anyone opened the new story's page, so nothing cached shows it without the comment.
    await approveComment(id);

    await page.goto(`/articles/${story.slug}`);
    const comment = commentBy(page, "Troll");
    await comment.getByRole("button", { name: "Report", exact: true }).click();
    await expect(comment.getByText("Reported. Thank you — a moderator will look at it.")).toBeVisible();
    await expect(comment.getByRole("button", { name: "Report", exact: true })).toHaveCount(0);

    await page.reload();
    await commentBy(page, "Troll").getByRole("button", { name: "Report", exact: true }).click();
    await expect(page.getByText("You have already reported this comment.")).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form posts, says the comment awaits moderation, and posting it again stores it once", async ({ page, request }) => {
    const story = await createPublishedStory("Comment without JavaScript");
    const reader = { name: `Noor ${uniqueTag()}`, email: `noor.${uniqueTag()}@example.org` };
    const text = "Posted from a browser with scripts off.";
    await page.goto(`/articles/${story.slug}`);
    await fillComment(page, reader, text);
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect(page.getByText("Your comment is awaiting moderation.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(story.title);
    // The answer to the post shows the reader their own form; the cached page everyone gets does not.
    expect(await (await request.get(`/articles/${story.slug}`)).text()).not.toContain(reader.email);

    // The impatient reader goes back and sends the same comment again.
    await page.goto(`/articles/${story.slug}`);
    await fillComment(page, reader, text);
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect(page.getByText("Your comment is awaiting moderation.")).toBeVisible();
    expect(await commentsByEmail(reader.email)).toHaveLength(1);
  });

  test("Reply leads to a page that posts a reply", async ({ page, request }) => {
    const story = await createPublishedStory("Reply without JavaScript");
    const created = await request.post(`/api/v1/articles/${story.slug}/comments`, {
      data: { authorName: "Parent", authorEmail: `parent.${uniqueTag()}@example.org`, body: "The first word." },
    });
    const { id } = (await created.json()) as { id: string };
    // Approved before anyone opened the new story's page, so nothing cached shows it without the comment.
    await approveComment(id);

    await page.goto(`/articles/${story.slug}`);
    await commentBy(page, "Parent").getByRole("link", { name: /^Reply/ }).click();
    await expect(page).toHaveURL(new RegExp(`/articles/${story.slug}/reply/${id}`));
    await expect(page.getByRole("heading", { name: "Reply to Parent" })).toBeVisible();
    const reader = { name: "Child", email: `child.${uniqueTag()}@example.org` };
    await fillComment(page, reader, "The second word.");
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect(page.getByText("Your reply is awaiting moderation.")).toBeVisible();
    const [reply] = await commentsByEmail(reader.email);
    expect(reply?.parentId).toBe(id);
  });
});
