import { expect, type Page } from "@playwright/test";

/** Steps a person takes in the article editor, shared by the editorial specs. */

export function uniqueTitle(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}

/** The rich-text body, once the editor has mounted in the browser. */
export async function bodyEditor(page: Page) {
  const body = page.getByRole("textbox", { name: "Body", exact: true });
  await expect(body).toHaveAttribute("contenteditable", "true");
  return body;
}

export async function typeInBody(page: Page, text: string): Promise<void> {
  const body = await bodyEditor(page);
  await body.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(text);
}

export async function startStory(page: Page, story: { title: string; dek?: string; body: string; section?: string }): Promise<void> {
  await page.goto("/dashboard/articles/new");
  await expect(page.getByRole("heading", { name: "New story" })).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill(story.title);
  if (story.dek) await page.getByLabel("Dek", { exact: true }).fill(story.dek);
  if (story.section) await page.getByLabel("Section", { exact: true }).selectOption({ label: story.section });
  await typeInBody(page, story.body);
}

export async function press(page: Page, button: string): Promise<void> {
  await page.getByRole("button", { name: button, exact: true }).click();
}

/** Publish a story that has never been published: the editor asks once, in a dialog, and this answers yes. */
export async function publishFirstTime(page: Page): Promise<void> {
  await press(page, "Publish");
  const question = page.getByRole("dialog", { name: "Publish this story now?" });
  await question.getByRole("button", { name: "Publish now", exact: true }).click();
  await expect(question).toBeHidden();
}

/** The stored story's id, once the editor's address names it. */
export async function storyId(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/dashboard\/articles\/[0-9a-f-]{36}/);
  return /\/dashboard\/articles\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

export async function slugOf(page: Page): Promise<string> {
  return page.getByLabel("Slug", { exact: true }).inputValue();
}

/** Saved, published, scheduled…: the editor's message after a button did its work. */
export async function expectMessage(page: Page, text: string | RegExp): Promise<void> {
  await expect(page.getByText(text).first()).toBeVisible();
}
