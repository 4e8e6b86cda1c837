import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { storageStatePath } from "./support/staff";
import { bodyEditor, expectMessage, press, publishFirstTime, slugOf, uniqueTitle } from "./support/editor";

test.use({ storageState: storageStatePath("EDITOR") });

/**
 * The writer's core path, as a person does it: every button of the body's
 * toolbar (an image with its caption and credit, edited again afterwards), an
 * address typed into the text that links itself, Save draft, Publish, and
 * each format found on the public page.
 */
test("every toolbar format survives save and publish and reaches readers", async ({ page }) => {
  const title = uniqueTitle("Every format in one story");
  await page.goto("/dashboard/articles/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  const body = await bodyEditor(page);
  await body.click();
  const tool = (name: string) => page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name, exact: true });
  const type = (text: string) => page.keyboard.type(text);
  const enter = () => page.keyboard.press("Enter");

  await tool("Heading").click();
  await type("What the harbour board decided");
  await enter();
  await tool("Subheading").click();
  await type("The vote in detail");
  await enter();
  await type("The board voted ");
  await tool("Bold").click();
  await type("seven to two");
  await tool("Bold").click();
  await type(" after an ");
  await tool("Italic").click();
  await type("unusually long");
  await tool("Italic").click();
  await type(" session.");
  await enter();

  await type("Read the minutes");
  await page.keyboard.press("Shift+Home");
  await tool("Link").click();
  await page.getByLabel("Link address", { exact: true }).fill("https://example.org/minutes");
  await page.getByRole("button", { name: "Apply link", exact: true }).click();
  await page.keyboard.press("End");
  await enter();
  // A web address typed into the text becomes a link by itself once a space follows it.
  await type("Agenda at https://example.com/agenda for all.");
  await enter();
  await type("Developing");
  await enter();

  await tool("Bulleted list").click();
  await type("Cranes return");
  await enter();
  await type("Ferries resume");
  await enter();
  await enter();
  await tool("Numbered list").click();
  await type("First the dredging");
  await enter();
  await type("Then the quay");
  await enter();
  await enter();
  await tool("Quote").click();
  await type("We waited ten years for this");
  await enter();
  await enter();

  await tool("Image").click();
  const png = await sharp({ create: { width: 32, height: 24, channels: 3, background: "#2a6" } }).png().toBuffer();
  const insert = page.getByRole("group", { name: "Insert image" });
  await insert.getByLabel("Image file", { exact: true }).setInputFiles({ name: "quay.png", mimeType: "image/png", buffer: png });
  await insert.getByLabel("Description for screen readers", { exact: true }).fill("The new quay at dawn");
  await insert.getByLabel("Caption", { exact: true }).fill("The quay before the first ferry.");
  await insert.getByLabel("Credit", { exact: true }).fill("Harbour Board");
  await insert.getByRole("button", { name: "Insert image", exact: true }).click();
  await expect(body.getByRole("img", { name: "The new quay at dawn" })).toBeVisible();
  await expect(body.locator("figcaption")).toHaveText("The quay before the first ferry. Photo: Harbour Board");
  // Writing goes on below the new picture, not over it.
  await type("The first ferry is due in May.");
  await expect(body.locator("figure + p")).toHaveText("The first ferry is due in May.");

  // Caption and credit are edited later by selecting the picture.
  await body.getByRole("img", { name: "The new quay at dawn" }).click();
  await tool("Edit image").click();
  const edit = page.getByRole("group", { name: "Edit image" });
  await expect(edit.getByLabel("Caption", { exact: true })).toHaveValue("The quay before the first ferry.");
  await edit.getByLabel("Caption", { exact: true }).fill("The new quay at dawn, before the first ferry.");
  await edit.getByLabel("Credit", { exact: true }).fill("Lina Saad / Harbour Board");
  await edit.getByRole("button", { name: "Update image", exact: true }).click();
  await expect(body.locator("figcaption")).toHaveText("The new quay at dawn, before the first ferry. Photo: Lina Saad / Harbour Board");
  await expect(body.getByRole("img")).toHaveCount(1);

  // Undo and Redo: take a change back and bring it again.
  await body.getByText("Developing", { exact: true }).selectText();
  await tool("Bold").click();
  await expect(body.locator("strong", { hasText: "Developing" })).toHaveCount(1);
  await tool("Undo").click();
  await expect(body.locator("strong", { hasText: "Developing" })).toHaveCount(0);
  await tool("Redo").click();
  await expect(body.locator("strong", { hasText: "Developing" })).toHaveCount(1);

  await press(page, "Save draft");
  await expectMessage(page, "Draft saved.");
  await publishFirstTime(page);
  await expectMessage(page, "Published. The story is on the site now.");
  const slug = await slugOf(page);

  await page.goto(`/articles/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const heading = page.getByRole("heading", { level: 2, name: "What the harbour board decided" });
  await expect(heading).toBeVisible();
  // The story's body: the element that holds its first heading.
  const story = heading.locator("..");
  await expect(story.getByRole("heading", { level: 3, name: "The vote in detail" })).toBeVisible();
  await expect(story.locator("strong", { hasText: "seven to two" })).toBeVisible();
  await expect(story.locator("em", { hasText: "unusually long" })).toBeVisible();
  await expect(story.getByRole("link", { name: "Read the minutes" })).toHaveAttribute("href", "https://example.org/minutes");
  await expect(story.getByRole("link", { name: "https://example.com/agenda" })).toHaveAttribute("href", "https://example.com/agenda");
  await expect(story.locator("strong", { hasText: "Developing" })).toBeVisible();
  await expect(story.locator("ul > li")).toHaveText(["Cranes return", "Ferries resume"]);
  await expect(story.locator("ol > li")).toHaveText(["First the dredging", "Then the quay"]);
  await expect(story.locator("blockquote")).toHaveText("We waited ten years for this");
  const figure = story.getByRole("figure");
  const image = figure.getByRole("img", { name: "The new quay at dawn" });
  await expect(image).toHaveAttribute("src", /^\/media\/.+\.(png|jpg|webp)$/);
  await expect(figure.locator("figcaption")).toHaveText("The new quay at dawn, before the first ferry. Photo: Lina Saad / Harbour Board");
  await expect(story.locator("figure + p")).toHaveText("The first ferry is due in May.");
  // The picture itself arrived, not only its tag.
  await image.scrollIntoViewIfNeeded();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
});
