import { mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium } from "@playwright/test";

/**
 * Takes screenshots of a running server's pages, desktop and phone, for a
 * human to look at: `npx tsx scripts/screenshots.ts http://localhost:3000 /path …`.
 * Set SCREENSHOT_EMAIL and SCREENSHOT_PASSWORD to sign in first.
 */
const [baseUrl = "http://localhost:3000", ...paths] = process.argv.slice(2);
const outDir = path.resolve(process.env.SCREENSHOT_DIR ?? ".data/screenshots");

async function main() {
  await mkdir(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  for (const [label, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 390, height: 844 }]] as const) {
    const context = await browser.newContext({ viewport, baseURL: baseUrl });
    const page = await context.newPage();
    if (process.env.SCREENSHOT_EMAIL && process.env.SCREENSHOT_PASSWORD) {
      await page.goto("/login");
      await page.getByLabel("Email").fill(process.env.SCREENSHOT_EMAIL);
      await page.getByLabel("Password").fill(process.env.SCREENSHOT_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/dashboard/);
    }
    for (const target of paths.length ? paths : ["/"]) {
      await page.goto(target);
      const file = path.join(outDir, `${label}${target.replace(/[^a-z0-9]+/gi, "-").replace(/-$/, "") || "-home"}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await context.close();
  }
  await browser.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
