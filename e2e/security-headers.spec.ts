import { expect, test, type Page } from "@playwright/test";
import { storageStatePath } from "./support/staff";

const fixturePath = "/articles/isis-buries-alive-dozens-of-defectors-who-fled-iraq-battlefield-reports";

/** Collects every Content-Security-Policy violation the page reports while it loads and runs. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"}`,
      );
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.describe("security headers", () => {
  test("every page carries them", async ({ request }) => {
    for (const path of ["/", fixturePath, "/login"]) {
      const response = await request.get(path);
      const headers = response.headers();
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"], path).toContain("object-src 'none'");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(headers["x-powered-by"], path).toBeUndefined();
    }
  });

  test("the public pages satisfy the policy they are sent with", async ({ page }) => {
    const violations = await watchViolations(page);
    for (const path of ["/", fixturePath, "/login", "/no-such-page"]) {
      await page.goto(path);
      await page.waitForLoadState("load");
    }
    expect(violations).toEqual([]);
  });

  test.describe("signed in", () => {
    test.use({ storageState: storageStatePath("ADMIN") });

    test("the dashboard satisfies the policy too", async ({ page }) => {
      const violations = await watchViolations(page);
      await page.goto("/dashboard");
      await page.waitForLoadState("load");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(violations).toEqual([]);
    });
  });
});
