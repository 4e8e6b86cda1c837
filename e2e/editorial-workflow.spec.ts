import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/staff";
import { expectMessage, press, publishFirstTime, slugOf, startStory, storyId, uniqueTitle } from "./support/editor";

test.describe("from a writer's draft to the front page", () => {
  test("a writer drafts and submits; an editor reviews, edits and publishes; readers see it", async ({ browser }) => {
    const title = uniqueTitle("Harbour cranes return to the old port");
    const writerContext = await browser.newContext({ storageState: storageStatePath("WRITER") });
    const writer = await writerContext.newPage();

    await startStory(writer, { title, dek: "A first dek from the writer.", body: "The cranes came back on Monday after a decade away.", section: "Business" });
    await press(writer, "Save draft");
    await expectMessage(writer, "Draft saved.");
    const id = await storyId(writer);
    const slug = await slugOf(writer);

    // A writer has no way to publish: not in the page, and (see the permission tests) not on the server.
    await expect(writer.getByRole("button", { name: "Publish", exact: true })).toHaveCount(0);
    await expect(writer.getByRole("button", { name: "Schedule", exact: true })).toHaveCount(0);
    await press(writer, "Submit for review");
    await expectMessage(writer, "Submitted for review.");
    await expect(writer.getByText("In review").first()).toBeVisible();
    await writerContext.close();

    // The story is not public while in review.
    const editorContext = await browser.newContext({ storageState: storageStatePath("EDITOR") });
    const editor = await editorContext.newPage();
    expect((await editor.goto(`/articles/${slug}`))?.status()).toBe(404);

    await editor.goto("/dashboard");
    await editor.getByRole("region", { name: "Waiting for your review" }).getByRole("link", { name: title }).click();
    await expect(editor).toHaveURL(new RegExp(`/dashboard/articles/${id}$`));
    await expect(editor.getByLabel("Dek", { exact: true })).toHaveValue("A first dek from the writer.");
    await editor.getByLabel("Dek", { exact: true }).fill("The editor's sharper dek.");
    await publishFirstTime(editor);
    await expectMessage(editor, "Published. The story is on the site now.");

    await editor.goto("/");
    await expect(editor.getByRole("link", { name: title })).toBeVisible();
    await editor.getByRole("link", { name: title }).click();
    await expect(editor).toHaveURL(new RegExp(`/articles/${slug}$`));
    await expect(editor.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(editor.getByText("The editor's sharper dek.")).toBeVisible();
    await expect(editor.getByText("The cranes came back on Monday after a decade away.")).toBeVisible();
    await expect(editor.getByRole("link", { name: "Tom Reyes" })).toBeVisible();
    await editorContext.close();
  });

  test("a writer cannot open another writer's draft, even by its address", async ({ browser }) => {
    const editorContext = await browser.newContext({ storageState: storageStatePath("EDITOR") });
    const editor = await editorContext.newPage();
    await startStory(editor, { title: uniqueTitle("Editor's private draft"), body: "Not for the writer." });
    await press(editor, "Save draft");
    await expectMessage(editor, "Draft saved.");
    const id = await storyId(editor);
    await editorContext.close();

    const writerContext = await browser.newContext({ storageState: storageStatePath("WRITER") });
    const writer = await writerContext.newPage();
    const response = await writer.goto(`/dashboard/articles/${id}`);
    expect(response?.status()).toBe(403);
    await expect(writer.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
    await writerContext.close();
  });

  test("a preview shows the draft as readers will see it, marked as a preview", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStatePath("WRITER") });
    const page = await context.newPage();
    const title = uniqueTitle("Preview of a draft");
    await startStory(page, { title, dek: "Only staff can see this yet.", body: "Preview body text." });
    await press(page, "Save draft");
    await expectMessage(page, "Draft saved.");
    const id = await storyId(page);

    const preview = await page.goto(`/preview/${id}`);
    expect(preview?.headers()["cache-control"]).toMatch(/no-store|private/);
    await expect(page.getByRole("note", { name: "Preview" })).toContainText("readers cannot see this yet");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByText("Preview body text.")).toBeVisible();
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    await context.close();

    const stranger = await browser.newContext();
    const anonymous = await stranger.newPage();
    await anonymous.goto(`/preview/${id}`);
    await expect(anonymous).toHaveURL(/\/login/);
    await stranger.close();
  });
});

test.describe("unsaved changes", () => {
  test.use({ storageState: storageStatePath("EDITOR") });

  test("leaving a live story with unsaved edits asks first, and staying keeps them", async ({ page }) => {
    await page.goto("/dashboard/articles?status=PUBLISHED&q=ISIS");
    await page.getByRole("link", { name: /ISIS buries alive/ }).click();
    const dek = page.getByLabel("Dek", { exact: true });
    await expect(dek).toBeEnabled();
    await dek.fill("An edit nobody saved");
    await expect(page.getByText("Unsaved changes")).toBeVisible();

    const asked: { type?: string; message?: string } = {};
    page.once("dialog", (dialog) => {
      asked.type = dialog.type();
      asked.message = dialog.message();
      void dialog.dismiss();
    });
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Stories" }).click();
    await expect.poll(() => asked.type).toBe("confirm");
    expect(asked.message).toContain("not saved");
    await expect(page).toHaveURL(/\/dashboard\/articles\/[0-9a-f-]{36}$/);
    await expect(dek).toHaveValue("An edit nobody saved");
  });
});

test.describe("the trash", () => {
  test.use({ storageState: storageStatePath("EDITOR") });

  test("a story moved to the trash answers 404 to readers until an editor undoes it", async ({ page, request }) => {
    const title = uniqueTitle("Story that will be trashed");
    await startStory(page, { title, body: "Soon gone, then back." });
    await publishFirstTime(page);
    await expectMessage(page, "Published. The story is on the site now.");
    const slug = await slugOf(page);
    expect((await request.get(`/articles/${slug}`)).status()).toBe(200);

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Move to trash" }).click();
    await expect(page.getByText("The story was moved to the trash. Readers can no longer see it.")).toBeVisible();
    expect((await request.get(`/articles/${slug}`)).status()).toBe(404);

    await page.getByRole("button", { name: "Undo" }).click();
    await expect(page.getByText("The story is out of the trash.")).toBeVisible();
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
    expect((await request.get(`/articles/${slug}`)).status()).toBe(200);
  });
});
