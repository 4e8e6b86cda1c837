import { expect, test, type Browser } from "@playwright/test";
import { formatDateTime, toWallClockInput } from "../lib/dates";
import { expectMessage, press, publishFirstTime, slugOf, startStory, storyId, uniqueTitle } from "./support/editor";
import { scheduledInstants } from "./support/newsroom-data";
import { storageStatePath } from "./support/staff";

/**
 * An editor's first hour on the desk (issue 17), acted out in the browser:
 * sending a story back with a note its writer finds, asking before a first
 * publication, presence that ends with the tab, and the newsroom's clock.
 */

test("an editor sends a story in review back with a note; the writer finds it on the desk and in the editor", async ({ browser }) => {
  const title = uniqueTitle("Ferry fares rise in spring");
  const note = "The 45 per cent needs a source: the operator's statement or the regulator's filing.";
  const writerContext = await browser.newContext({ storageState: storageStatePath("WRITER") });
  const writer = await writerContext.newPage();
  await startStory(writer, { title, body: "Fares rise by 45 per cent from March." });
  await press(writer, "Submit for review");
  await expectMessage(writer, "Submitted for review.");
  const id = await storyId(writer);

  const editorContext = await browser.newContext({ storageState: storageStatePath("EDITOR") });
  const editor = await editorContext.newPage();
  await editor.goto(`/dashboard/articles/${id}`);
  await editor.getByLabel("Dek", { exact: true }).fill("The operator blames fuel.");
  await press(editor, "Save");
  await expectMessage(editor, "Saved. The story is still in review.");

  await press(editor, "Send back");
  const sendBack = editor.getByRole("dialog", { name: "Send back to the writer" });
  await sendBack.getByRole("button", { name: "Send back to the writer" }).click();
  await expect(sendBack.getByText("Tell the writer what to change before it comes back.")).toBeVisible();
  await sendBack.getByLabel("Note to the writer").fill(note);
  await sendBack.getByRole("button", { name: "Send back to the writer" }).click();
  await expectMessage(editor, "Sent back to the writer with your note.");
  await editorContext.close();

  // The writer's desk: the story leads their drafts with the note, and the story list carries it too.
  await writer.goto("/dashboard");
  const drafts = writer.getByRole("region", { name: "Your drafts" });
  await expect(drafts.getByRole("listitem").first()).toContainText(title);
  await expect(drafts.getByRole("listitem").first()).toContainText(`Sent back by Nadia Haddad: ${note}`);
  await writer.goto(`/dashboard/articles?q=${encodeURIComponent(title)}`);
  await expect(writer.getByRole("row", { name: new RegExp(title) })).toContainText(note);

  // The editor: the note above the story, the editor's change in it, and the story a draft to work on.
  await writer.getByRole("link", { name: title }).click();
  const sentBack = writer.getByRole("region", { name: /^Sent back by Nadia Haddad on \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC$/ });
  await expect(sentBack).toContainText(note);
  await expect(writer.getByLabel("Dek", { exact: true })).toHaveValue("The operator blames fuel.");
  await press(writer, "Submit for review");
  await expectMessage(writer, "Submitted for review.");
  await expect(sentBack).toBeHidden();
  await writerContext.close();
});

test.describe("first publication", () => {
  test.use({ storageState: storageStatePath("EDITOR") });

  test("asks once, in a dialog that Esc and Cancel close without publishing", async ({ page, request }) => {
    const title = uniqueTitle("Night trains return to the coast");
    await startStory(page, { title, body: "The sleeper service restarts in May." });
    const publish = page.getByRole("button", { name: "Publish", exact: true });
    const question = page.getByRole("dialog", { name: "Publish this story now?" });

    await publish.click();
    await expect(question).toContainText(title);
    await page.keyboard.press("Escape");
    await expect(question).toBeHidden();
    await expect(publish).toBeFocused();

    await publish.click();
    await question.getByRole("button", { name: "Cancel", exact: true }).click();
    await expect(question).toBeHidden();
    await expect(page.getByText("Published. The story is on the site now.")).toHaveCount(0);
    const slug = await slugOf(page);
    expect((await request.get(`/articles/${slug}`)).status()).toBe(404);

    await publishFirstTime(page);
    await expectMessage(page, "Published. The story is on the site now.");
    expect((await request.get(`/articles/${slug}`)).status()).toBe(200);
  });
});

test("closing the writer's tab ends “also has this story open” for the editor at once", async ({ browser }) => {
  const writerContext = await browser.newContext({ storageState: storageStatePath("WRITER") });
  const writer = await writerContext.newPage();
  await startStory(writer, { title: uniqueTitle("Harbour dredging plan"), body: "Dredging starts in June." });
  await press(writer, "Save draft");
  await expectMessage(writer, "Draft saved.");
  const id = await storyId(writer);

  const editorContext = await browser.newContext({ storageState: storageStatePath("EDITOR") });
  const editor = await editorContext.newPage();
  const notice = editor.getByText("Tom Reyes also has this story open.");
  await editor.goto(`/dashboard/articles/${id}`);
  await expect(notice).toBeVisible();

  await writer.close({ runBeforeUnload: true });
  // Without the beacon the mark would last until it expires; with it, the next look finds the story free.
  await expect(async () => {
    await editor.reload();
    await expect(editor.getByRole("heading", { name: "Edit story" })).toBeVisible();
    await expect(notice).toBeHidden();
  }).toPass({ timeout: 10_000 });
  await Promise.all([writerContext.close(), editorContext.close()]);
});

test.describe("the newsroom's clock", () => {
  const newsroomZone = "Asia/Baghdad";

  async function setNewsroomZone(browser: Browser, zone: string) {
    const context = await browser.newContext({ storageState: storageStatePath("ADMIN") });
    const page = await context.newPage();
    await page.goto("/dashboard/settings");
    const site = page.getByRole("form", { name: "Site" });
    await site.getByLabel("Time zone").selectOption(zone);
    await site.getByRole("button", { name: "Save site settings" }).click();
    await expect(site.getByText(/Site settings saved\.|No changes to save\./)).toBeVisible();
    await context.close();
  }

  test.afterAll(async ({ browser }) => {
    await setNewsroomZone(browser, "UTC");
  });

  test("an editor whose browser is in New York schedules on Baghdad's clock, and readers see dates with the zone", async ({ browser, page }) => {
    // A reader's cached story page, before the setting changes.
    await page.goto("/");
    await page.getByRole("link", { name: /ISIS buries alive/ }).first().click();
    const dates = page.locator("header p").filter({ hasText: "Published" });
    await expect(dates).toContainText(/Published \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC/);

    await setNewsroomZone(browser, newsroomZone);
    await page.reload();
    await expect(dates).toContainText(/Published \d{1,2} \w{3} \d{4}, \d{2}:\d{2} GMT\+3/);

    const editorContext = await browser.newContext({ storageState: storageStatePath("EDITOR"), timezoneId: "America/New_York" });
    const editor = await editorContext.newPage();
    await startStory(editor, { title: uniqueTitle("Budget vote moved to Sunday"), body: "The vote is now on Sunday morning." });
    const due = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000);
    due.setUTCSeconds(0, 0);
    const picker = editor.getByLabel("Publish at", { exact: true });
    await expect(editor.getByText("Newsroom time: Asia/Baghdad (GMT+3)")).toBeVisible();
    await picker.fill(toWallClockInput(due, newsroomZone));
    await expect(editor.getByText(`That is ${formatDateTime(due, newsroomZone)}.`)).toBeVisible();
    await press(editor, "Schedule");
    await expectMessage(editor, `Scheduled: it goes live on ${formatDateTime(due, newsroomZone)}.`);
    const id = await storyId(editor);
    expect(await scheduledInstants([id])).toEqual({ [id]: due.toISOString() });
    await editorContext.close();
  });
});
