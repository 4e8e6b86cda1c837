import { expect, test } from "@playwright/test";
import { forgetSignInFailures, uniqueTag } from "./support/newsroom-data";
import { e2eStaff } from "./support/staff";

test.describe("staff sign-in", () => {
  test("an anonymous visitor to the dashboard is sent to the sign-in page", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard/);
    await expect(page.getByRole("heading", { name: "Staff sign in" })).toBeVisible();
  });

  test("an editor signs in, is greeted by name, and signs out", async ({ page }) => {
    const editor = e2eStaff.EDITOR;
    await page.goto("/login");
    await page.getByLabel("Email").fill(editor.email);
    await page.getByLabel("Password").fill(editor.password);
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Nadia");
    await expect(page.getByRole("list", { name: "On the desk" })).toContainText("Waiting for your review");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a wrong password is refused with a clear message and the email stays in the form", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(e2eStaff.WRITER.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page.getByRole("status")).toHaveText("Email or password is incorrect.");
    await expect(page.getByLabel("Email")).toHaveValue(e2eStaff.WRITER.email);
    await expect(page).toHaveURL(/\/login/);
  });

  test("an unknown email gets the same message as a wrong password", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("nobody@newsroom.example");
    await page.getByLabel("Password").fill("whatever-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("status")).toHaveText("Email or password is incorrect.");
  });

  test("an empty form gets field-level errors", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your email address.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  });

  test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(e2eStaff.MODERATOR.email);
    await page.getByLabel("Password").fill(e2eStaff.MODERATOR.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);

    const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("authjs.session-token"));
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    // Served on http://127.0.0.1 here, so without Secure; tests/unit/auth-cookies.test.ts covers production.
  });

  test.describe("after too many failed attempts", () => {
    test.afterEach(() => forgetSignInFailures());

    test("the form says to wait, in words that do not reveal whether the account exists", async ({ page }) => {
      const email = `guess-${uniqueTag()}@newsroom.example`;
      /** One attempt, waiting for the server's answer (the message reads the same each time). */
      const attempt = async (password: string) => {
        await page.getByLabel("Email").fill(email);
        await page.getByLabel("Password").fill(password);
        const answered = page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/login");
        await page.getByRole("button", { name: "Sign in" }).click();
        await answered;
        // React resets the form once the answer is rendered and the form then puts the caret back in Password:
        // typing before that would be wiped, and the next try would go out with an empty password.
        await expect(page.getByLabel("Password")).toBeFocused();
      };
      await page.goto("/login");
      for (let number = 1; number <= 5; number += 1) {
        await attempt(`guess-number-${number}`);
        await expect(page.getByRole("status")).toHaveText("Email or password is incorrect.");
      }
      await attempt("guess-number-6");
      await expect(page.getByRole("status")).toHaveText("Too many failed sign-in attempts. Wait 15 minutes, then try again.");
      await expect(page).toHaveURL(/\/login/);
    });
  });
});
