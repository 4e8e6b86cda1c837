import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/staff";
import { bodyEditor, expectMessage, press, startStory, storyId, uniqueTitle } from "./support/editor";

test("two people edit one story: the second save is refused naming the first, and nobody's text is lost", async ({ browser }) => {
  const editorContext = await browser.newContext({ storageState: storageStatePath("EDITOR") });
  const adminContext = await browser.newContext({ storageState: storageStatePath("ADMIN") });
  const first = await editorContext.newPage();
  const second = await adminContext.newPage();

  await startStory(first, { title: uniqueTitle("Council budget vote"), body: "The council votes on Thursday." });
  await press(first, "Save draft");
  await expectMessage(first, "Draft saved.");
  const id = await storyId(first);

  // Both have the same version open.
  await second.goto(`/dashboard/articles/${id}`);
  await bodyEditor(second);

  await first.getByLabel("Title", { exact: true }).fill("First editor's headline");
  await press(first, "Save draft");
  await expectMessage(first, "Draft saved.");

  await second.getByLabel("Dek", { exact: true }).fill("Second editor's dek, typed meanwhile");
  await press(second, "Save draft");
  const conflict = second.getByRole("alert").filter({ hasText: "after you opened it" });
  await expect(conflict).toContainText(/Nadia Haddad saved this story at .+ UTC/);
  await expect(conflict).toContainText("nothing was overwritten");
  // The second person's typing is still in the form…
  await expect(second.getByLabel("Dek", { exact: true })).toHaveValue("Second editor's dek, typed meanwhile");
  await expect(second.getByRole("button", { name: "Replace it with my version" })).toBeVisible();

  // …and what the first saved is intact.
  const check = await editorContext.newPage();
  await check.goto(`/dashboard/articles/${id}`);
  await expect(check.getByLabel("Title", { exact: true })).toHaveValue("First editor's headline");
  await expect(check.getByLabel("Dek", { exact: true })).toHaveValue("");


  // The second person may then decide, knowingly, to put their version on top; the first's stays in the history.
  await second.getByRole("button", { name: "Replace it with my version" }).click();
  await expectMessage(second, "Draft saved.");
  await check.goto(`/dashboard/articles/${id}/history`);
  await expect(check.getByRole("list", { name: "Versions, newest first" }).getByRole("listitem")).toHaveCount(3);
  await expect(check.getByRole("region", { name: "Changes to Title" }).locator("del")).toContainText("First editor's headline");

  await editorContext.close();
  await adminContext.close();
});
