import { expect, test } from "@playwright/test";
import { uniqueTag } from "./support/newsroom-data";
import { storageStatePath } from "./support/staff";

test.describe("staff administration", () => {
  test.use({ storageState: storageStatePath("ADMIN") });

  test("an admin adds a staff member; bad input is explained and kept; deactivation ends their session at once", async ({ page, browser }) => {
    const tag = uniqueTag();
    const email = `new.${tag}@newsroom.example`;
    const password = `a long password ${tag}`;

    await page.goto("/dashboard/users");
    await page.getByRole("link", { name: "Add staff member" }).click();
    await expect(page.getByRole("heading", { name: "Add staff member" })).toBeVisible();

    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Initial password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Enter their name.")).toBeVisible();
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();
    await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Name").fill(`Rosa Diaz ${tag}`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Moderator").check();
    await page.getByLabel("Initial password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Rosa Diaz ${tag}` })).toBeVisible();
    await expect(page.getByText("Account created.")).toBeVisible();
    const profile = page.url();

    // The new moderator signs in, in a browser of their own.
    const theirs = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const them = await theirs.newPage();
    await them.goto("/login");
    await them.getByLabel("Email").fill(email);
    await them.getByLabel("Password").fill(password);
    await them.getByRole("button", { name: "Sign in" }).click();
    await expect(them).toHaveURL(/\/dashboard$/);
    await them.goto("/dashboard/moderation");
    await expect(them.getByRole("heading", { level: 1, name: "Moderation" })).toBeVisible();

    await page.goto(profile);
    await page.getByRole("button", { name: "Deactivate account" }).click();
    await expect(page.getByText("Account deactivated. They have been signed out everywhere.")).toBeVisible();

    await them.goto("/dashboard/moderation");
    await expect(them).toHaveURL(/\/login/);
    await them.getByLabel("Email").fill(email);
    await them.getByLabel("Password").fill(password);
    await them.getByRole("button", { name: "Sign in" }).click();
    await expect(them.getByRole("status")).toHaveText("Email or password is incorrect.");
    await theirs.close();

    await page.goto("/dashboard/users");
    await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Deactivated");
  });

  test("moderation rules: bad input shows field errors and keeps what was typed; a good save is kept", async ({ page }) => {
    const word = uniqueTag();
    await page.goto("/dashboard/settings");
    const rules = page.getByRole("form", { name: "Moderation rules" });
    const holdWords = rules.getByLabel("Hold words");
    const original = await holdWords.inputValue();

    await rules.getByLabel("Hold at this many links").fill("lots");
    await holdWords.fill(`${original}\n${word}`.trim());
    await rules.getByRole("button", { name: "Save moderation rules" }).click();
    await expect(rules.getByText("Enter the number of links as a whole number.")).toBeVisible();
    await expect(rules.getByLabel("Hold at this many links")).toHaveValue("lots");
    await expect(rules.getByLabel("Hold at this many links")).toHaveAttribute("aria-invalid", "true");
    await expect(holdWords).toHaveValue(`${original}\n${word}`.trim());

    await rules.getByLabel("Hold at this many links").fill("2");
    await rules.getByRole("button", { name: "Save moderation rules" }).click();
    await expect(rules.getByRole("status")).toHaveText("Moderation rules saved.");
    await page.reload();
    await expect(page.getByRole("form", { name: "Moderation rules" }).getByLabel("Hold words")).toHaveValue(new RegExp(`${word}$`));

    // Leave the rules as they were for everyone else.
    await page.getByRole("form", { name: "Moderation rules" }).getByLabel("Hold words").fill(original);
    await page.getByRole("form", { name: "Moderation rules" }).getByRole("button", { name: "Save moderation rules" }).click();
    await expect(page.getByRole("form", { name: "Moderation rules" }).getByRole("status")).toHaveText("Moderation rules saved.");
  });

  test("site settings: an empty name is refused; a new tagline reaches the public pages at once", async ({ page }) => {
    const tagline = `Sourced claim by claim, ${uniqueTag()}`;
    await page.goto("/dashboard/settings");
    const site = page.getByRole("form", { name: "Site" });
    const original = await site.getByLabel("Tagline").inputValue();

    await site.getByLabel("Site name").fill("");
    await site.getByLabel("Tagline").fill(tagline);
    await site.getByRole("button", { name: "Save site settings" }).click();
    await expect(site.getByText("Give the site a name.")).toBeVisible();
    await expect(site.getByLabel("Tagline")).toHaveValue(tagline);

    await site.getByLabel("Site name").fill("Newsroom");
    await site.getByRole("button", { name: "Save site settings" }).click();
    await expect(site.getByRole("status")).toHaveText("Site settings saved.");
    await page.goto("/");
    await expect(page.getByRole("banner")).toContainText(tagline);

    await page.goto("/dashboard/settings");
    await page.getByRole("form", { name: "Site" }).getByLabel("Tagline").fill(original);
    await page.getByRole("form", { name: "Site" }).getByRole("button", { name: "Save site settings" }).click();
    await expect(page.getByRole("form", { name: "Site" }).getByRole("status")).toHaveText("Site settings saved.");
  });

  test("only admins reach staff and settings", async ({ browser }) => {
    for (const role of ["EDITOR", "MODERATOR", "WRITER"] as const) {
      const context = await browser.newContext({ storageState: storageStatePath(role) });
      const page = await context.newPage();
      for (const path of ["/dashboard/users", "/dashboard/users/new", "/dashboard/settings"]) {
        const response = await page.goto(path);
        expect(response?.status(), `${role} at ${path}`).toBe(403);
      }
      await context.close();
    }
  });
});
