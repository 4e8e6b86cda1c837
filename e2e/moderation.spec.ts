import { expect, test, type Page } from "@playwright/test";
import { addComment, commentStatus, createPublishedStory, reportComment, uniqueTag } from "./support/newsroom-data";
import { e2eStaff, storageStatePath } from "./support/staff";

/** Rows of the queue, in order. */
const rows = (page: Page) => page.getByRole("article").filter({ has: page.getByRole("group", { name: /^Actions for/ }) });

/** The desk answers keys only once it is interactive; it shows its shortcuts then. */
async function deskReady(page: Page) {
  await expect(page.getByRole("button", { name: "Keyboard shortcuts" })).toBeVisible();
}

test.describe("the moderation desk", () => {
  test.use({ storageState: storageStatePath("MODERATOR") });

  test("a moderator clears the Pending queue with the keyboard alone; readers see exactly the approved comment; the log has it all", async ({ page }) => {
    const tag = uniqueTag();
    const story = await createPublishedStory(`Water board audit ${tag}`);
    const keep = { authorName: `Helen ${tag}`, body: `Thank you for setting out both figures ${tag}.` };
    const junk = { authorName: `Deals ${tag}`, body: `Cheap watches ${tag} http://spam.example http://spam.example/2` };
    const rude = { authorName: `Troll ${tag}`, body: `You are all clowns ${tag}.` };
    const keepId = await addComment(story.id, { ...keep, ageSeconds: 10 });
    const junkId = await addComment(story.id, { ...junk, ageSeconds: 20, heldReasons: [{ rule: "links", detail: "2 links (limit 2)" }] });
    const rudeId = await addComment(story.id, { ...rude, ageSeconds: 30 });

    // Readers see none of them yet.
    await page.goto(`/articles/${story.slug}`);
    await expect(page.getByRole("heading", { name: `0 thoughts on “${story.title}”` })).toBeVisible();

    await page.goto("/dashboard/moderation");
    await deskReady(page);
    await page.keyboard.press("/");
    await expect(page.getByRole("searchbox", { name: "Search comments" })).toBeFocused();
    await page.keyboard.type(tag);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`[?&]q=${tag}`));
    await deskReady(page);

    await expect(rows(page)).toHaveCount(3);
    await expect(rows(page).nth(0)).toContainText(keep.body);
    await expect(rows(page).nth(1)).toContainText("Many links — 2 links (limit 2)");
    await expect(page.getByRole("link", { name: /^Pending/ })).toContainText("3");

    await page.keyboard.press("a");
    await expect(page.getByRole("status").filter({ hasText: `Approved: comment by ${keep.authorName}.` })).toBeVisible();
    await page.keyboard.press("s");
    await expect(page.getByRole("status").filter({ hasText: `Marked as spam: comment by ${junk.authorName}.` })).toBeVisible();
    await page.keyboard.press("t");
    await expect(page.getByRole("status").filter({ hasText: `Moved to trash: comment by ${rude.authorName}.` })).toBeVisible();

    await expect(page.getByText("No comments match these filters here.")).toBeVisible();
    await expect(page.getByRole("link", { name: /^Pending/ })).toContainText("0");
    await expect(page.getByRole("link", { name: /^Approved/ })).toContainText("1");
    expect([await commentStatus(keepId), await commentStatus(junkId), await commentStatus(rudeId)]).toEqual(["APPROVED", "SPAM", "TRASH"]);

    // The public page was revalidated: the approved comment and the new count, nothing else.
    await page.goto(`/articles/${story.slug}`);
    const comments = page.getByRole("region", { name: /thoughts? on this story/ });
    await expect(comments.getByRole("heading", { name: `1 thought on “${story.title}”` })).toBeVisible();
    await expect(comments).toContainText(keep.body);
    await expect(page.locator("body")).not.toContainText(junk.body);
    await expect(page.locator("body")).not.toContainText(rude.body);

    // The audit log shows all three decisions, by this moderator.
    await page.goto("/dashboard/moderation/log");
    await page.getByLabel("Who").selectOption({ label: e2eStaff.MODERATOR.name });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/actor=/);
    const log = page.getByRole("table");
    for (const [comment, what, after] of [
      [keep, "Approved", "Approved"],
      [junk, "Marked as spam", "Spam"],
      [rude, "Moved to trash", "Trash"],
    ] as const) {
      const entry = log.getByRole("row").filter({ hasText: comment.authorName });
      await expect(entry).toHaveCount(1);
      await expect(entry).toContainText(e2eStaff.MODERATOR.name);
      await expect(entry).toContainText(what);
      await expect(entry).toContainText(`Pending→${after}`);
    }
  });

  test("a reported comment waits in Reported with its reasons; approving it keeps it published and clears the report", async ({ page }) => {
    const tag = uniqueTag();
    const story = await createPublishedStory(`Water board audit ${tag}`);
    const id = await addComment(story.id, { authorName: `Reported ${tag}`, body: `This board is corrupt ${tag}.`, status: "APPROVED" });
    await reportComment(id, "Defamatory claim");
    await reportComment(id, "Defamatory claim");

    await page.goto(`/dashboard/moderation?queue=reported&q=${tag}`);
    await deskReady(page);
    await expect(page.getByRole("link", { name: /^Reported/ })).toHaveAttribute("aria-current", "page");
    const row = rows(page).filter({ hasText: `This board is corrupt ${tag}.` });
    await expect(row).toContainText("Reported 2 times");
    await expect(row).toContainText("Reported 2 times: Defamatory claim ×2");

    await row.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Approved" })).toBeVisible();
    await expect(rows(page)).toHaveCount(0);
    expect(await commentStatus(id)).toBe("APPROVED");

    await page.goto(`/articles/${story.slug}`);
    await expect(page.getByRole("region", { name: /thoughts? on this story/ })).toContainText(`This board is corrupt ${tag}.`);
  });

  test("a moderator replies as staff from the queue; the reply is published at once and marked Staff", async ({ page }) => {
    const tag = uniqueTag();
    const story = await createPublishedStory(`Water board audit ${tag}`);
    await addComment(story.id, { authorName: `Asker ${tag}`, body: `Where does the 35 figure come from? ${tag}`, status: "APPROVED" });

    await page.goto(`/dashboard/moderation?queue=approved&q=${tag}`);
    await deskReady(page);
    await page.keyboard.press("r");
    const reply = page.getByLabel(/^Reply as /);
    await expect(reply).toBeFocused();
    await page.keyboard.type(`From the agency's own report, ${tag}.`);
    await page.keyboard.press("Control+Enter");
    await expect(page.getByRole("status").filter({ hasText: "Reply posted." })).toBeVisible();

    await page.goto(`/articles/${story.slug}`);
    const thread = page.getByRole("region", { name: /thoughts? on this story/ });
    await expect(thread.getByRole("heading", { name: `2 thoughts on “${story.title}”` })).toBeVisible();
    const staffReply = thread.getByRole("article").filter({ hasText: `From the agency's own report, ${tag}.` });
    await expect(staffReply).toContainText(e2eStaff.MODERATOR.name);
    await expect(staffReply).toContainText("Staff");
  });

  test("bulk: select with x, then spam the selection at once", async ({ page }) => {
    const tag = uniqueTag();
    const story = await createPublishedStory(`Water board audit ${tag}`);
    const ids = [];
    for (let n = 1; n <= 3; n += 1) ids.push(await addComment(story.id, { authorName: `Bot ${n} ${tag}`, body: `Buy followers ${tag} #${n}`, ageSeconds: n }));

    await page.goto(`/dashboard/moderation?q=${tag}`);
    await deskReady(page);
    await page.keyboard.press("x");
    await page.keyboard.press("j");
    await page.keyboard.press("x");
    await expect(page.getByText("2 selected:")).toBeVisible();
    await page.getByRole("button", { name: "Spam selected" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Marked as spam 2 comments." })).toBeVisible();
    await expect(rows(page)).toHaveCount(1);
    expect(await Promise.all(ids.map(commentStatus))).toEqual(["SPAM", "SPAM", "PENDING"]);
  });

  test("a moderator bans an author from a row; the ban is listed and can be lifted", async ({ page }) => {
    const tag = uniqueTag();
    const story = await createPublishedStory(`Water board audit ${tag}`);
    const id = await addComment(story.id, { authorName: `Abuser ${tag}`, body: `Abuse ${tag}` });

    await page.goto(`/dashboard/moderation?q=${tag}`);
    await deskReady(page);
    await rows(page).first().getByRole("button", { name: "Ban" }).click();
    await page.getByLabel("Reason (optional, staff only)").fill(`Threats ${tag}`);
    await page.getByRole("button", { name: "Confirm ban" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Banned. 1 pending comment moved to Spam." })).toBeVisible();
    expect(await commentStatus(id)).toBe("SPAM");

    await page.goto("/dashboard/moderation/bans");
    const ban = page.getByRole("row").filter({ hasText: `Threats ${tag}` });
    await expect(ban).toContainText("Active");
    await ban.getByRole("button", { name: /^Unban/ }).click();
    await page.getByRole("link", { name: "Lifted" }).click();
    await expect(page.getByRole("row").filter({ hasText: `Threats ${tag}` })).toContainText(`by ${e2eStaff.MODERATOR.name}`);
  });
});

test.describe("who may moderate", () => {
  test.use({ storageState: storageStatePath("WRITER") });

  test("a writer is refused the desk, the bans and the log", async ({ page }) => {
    for (const path of ["/dashboard/moderation", "/dashboard/moderation/bans", "/dashboard/moderation/log"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
    }
    await expect(page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Moderation" })).toHaveCount(0);
  });
});
