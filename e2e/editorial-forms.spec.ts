import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/staff";
import { expectMessage, press, publishFirstTime, startStory, typeInBody, uniqueTitle } from "./support/editor";

test.use({ storageState: storageStatePath("EDITOR") });

test.describe("bad input shows field errors and keeps what was typed", () => {
  test("article editor: a missing title and a malformed slug", async ({ page }) => {
    await page.goto("/dashboard/articles/new");
    await page.getByLabel("Dek", { exact: true }).fill("A dek worth keeping");
    await typeInBody(page, "A body worth keeping.");
    await press(page, "Save draft");
    await expect(page.getByText("Give the story a title.")).toBeVisible();
    await expect(page.getByLabel("Title", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Dek", { exact: true })).toHaveValue("A dek worth keeping");
    await expect(page.getByRole("textbox", { name: "Body", exact: true })).toHaveText("A body worth keeping.");

    await page.getByLabel("Title", { exact: true }).fill(uniqueTitle("Valid title"));
    await page.getByLabel("Slug", { exact: true }).fill("Not A Slug!");
    await press(page, "Save draft");
    await expect(page.getByText("Use lower-case letters, digits and single hyphens only")).toBeVisible();
    await expect(page.getByLabel("Slug", { exact: true })).toHaveValue("Not A Slug!");
    await expect(page.getByLabel("Slug", { exact: true })).toHaveAttribute("aria-invalid", "true");
  });

  test("article editor: removing every byline", async ({ page }) => {
    await startStory(page, { title: uniqueTitle("No byline"), body: "Text." });
    await page.getByRole("button", { name: "Remove Nadia Haddad from the bylines" }).click();
    await press(page, "Save draft");
    await expect(page.getByText("Add at least one byline.")).toBeVisible();
  });

  test("citation form: no source and no claim", async ({ page }) => {
    await startStory(page, { title: uniqueTitle("Citation errors"), body: "Text." });
    await page.getByRole("button", { name: "Cite a source" }).click();
    await page.getByLabel("Fact", { exact: true }).fill("death toll");
    await page.getByRole("button", { name: "Add citation" }).click();
    await expect(page.getByText("Pick a source.")).toBeVisible();
    await expect(page.getByText("Write the claim this source makes.")).toBeVisible();
    await expect(page.getByText("Give the value this source reports.")).toBeVisible();
    await expect(page.getByLabel("Fact", { exact: true })).toHaveValue("death toll");
  });

  test("new-source form inside the editor: no kind", async ({ page }) => {
    await startStory(page, { title: uniqueTitle("Inline source errors"), body: "Text." });
    await page.getByRole("button", { name: "Cite a source" }).click();
    const name = uniqueTitle("Harbour Watch");
    await page.getByRole("combobox", { name: "Source", exact: true }).fill(name);
    await page.getByRole("option", { name: `Add “${name}” as a new source` }).click();
    await page.getByLabel("Web address", { exact: true }).fill("harbour watch dot org");
    await page.getByRole("button", { name: "Add source" }).click();
    await expect(page.getByText("Pick what kind of source this is.")).toBeVisible();
    await expect(page.getByText("Enter a full web address starting with http:// or https://.")).toBeVisible();
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
    await expect(page.getByLabel("Web address", { exact: true })).toHaveValue("harbour watch dot org");
  });

  test("correction form: an empty correction", async ({ page }) => {
    await startStory(page, { title: uniqueTitle("Needs a correction"), body: "Text." });
    await publishFirstTime(page);
    await expectMessage(page, "Published. The story is on the site now.");
    await page.getByRole("button", { name: "Add correction" }).click();
    await expect(page.getByText("Write the correction readers will see.")).toBeVisible();

    await page.getByLabel("Correction", { exact: true }).fill("An earlier version gave the wrong date.");
    await page.getByRole("button", { name: "Add correction" }).click();
    await expect(page.getByText("Correction added. It shows on the story now.")).toBeVisible();
  });

  test("source registry form: no name, no kind, a bad address", async ({ page }) => {
    await page.goto("/dashboard/sources/new");
    await page.getByLabel("Web address", { exact: true }).fill("not a web address");
    await page.getByLabel("Staff notes", { exact: true }).fill("Notes worth keeping");
    await page.getByRole("button", { name: "Add source" }).click();
    await expect(page.getByText("Give the source a name.")).toBeVisible();
    await expect(page.getByText("Pick what kind of source this is.")).toBeVisible();
    await expect(page.getByText("Enter a full web address starting with http:// or https://.")).toBeVisible();
    await expect(page.getByLabel("Web address", { exact: true })).toHaveValue("not a web address");
    await expect(page.getByLabel("Staff notes", { exact: true })).toHaveValue("Notes worth keeping");
    await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
  });

  test("merge form: no source to merge into", async ({ page }) => {
    await page.goto("/dashboard/sources/new");
    await page.getByLabel("Name", { exact: true }).fill(uniqueTitle("Lonely source"));
    await page.getByLabel("Kind", { exact: true }).selectOption({ label: "Other" });
    await page.getByRole("button", { name: "Add source" }).click();
    await expect(page.getByText("Source added to the registry.")).toBeVisible();
    await page.goto(page.url().replace(/\/dashboard\/sources\?added=/, "/dashboard/sources/"));
    await page.getByRole("button", { name: "Merge", exact: true }).click();
    await expect(page.getByText("Pick the source to keep.")).toBeVisible();
  });
});
