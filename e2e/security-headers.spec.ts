import { expect, test, type Page } from "@playwright/test";
import { commentsByEmail, createPublishedStory, uniqueTag } from "./support/newsroom-data";
import { pageRoutes, routeOf } from "./support/page-routes";
import { storageStatePath } from "./support/staff";

const fixturePath = "/articles/isis-buries-alive-dozens-of-defectors-who-fled-iraq-battlefield-reports";

/** Collects every Content-Security-Policy violation the page reports while it loads and runs. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
        `${location.pathname}: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`,
      );
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  return violations;
}

interface Visit {
  address: string;
  status: number | undefined;
  policy: string | undefined;
}

/**
 * Visits the seeds, then follows same-origin links breadth-first, opening one
 * address per page route (a second story page adds nothing). Returns the
 * routes it opened and what each address answered: its status and its
 * Content-Security-Policy header (after redirects, as the browser got it).
 */
async function crawl(page: Page, seeds: string[], within: (pathname: string) => boolean): Promise<{ visited: Set<string>; visits: Visit[] }> {
  const routes = pageRoutes();
  const visited = new Set<string>();
  const visits: Visit[] = [];
  const queue = [...seeds];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const address = queue.shift()!;
    const pathname = new URL(address, "http://site").pathname;
    const route = routeOf(routes, pathname);
    if (route && visited.has(route) && !seeds.includes(address)) continue;
    const response = await page.goto(address); // waits for the load event, by which time the page's own scripts have run
    visits.push({ address, status: response?.status(), policy: response?.headers()["content-security-policy"] });
    if (route) visited.add(route);
    const links = await page.locator("a[href^='/']").evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
    for (const link of links) {
      const target = new URL(link, "http://site");
      const linkRoute = routeOf(routes, target.pathname);
      if (!linkRoute || visited.has(linkRoute) || !within(target.pathname)) continue;
      const next = target.pathname + target.search;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return { visited, visits };
}

/**
 * Addresses that did not answer as a page should: `expected` status (200
 * unless said otherwise) and the site's Content-Security-Policy. Without the
 * header, a page reports no violation whatever it runs.
 */
function misanswered(visits: Visit[], expected: Record<string, number> = {}): string[] {
  return visits
    .filter(({ address, status, policy }) => status !== (expected[address] ?? 200) || !policy?.includes("default-src 'self'") || !policy.includes("frame-ancestors 'none'"))
    .map(({ address, status, policy }) => `${address}: ${status}, ${policy === undefined ? "no Content-Security-Policy" : `Content-Security-Policy: ${policy}`}`);
}

const isStaffRoute = (pattern: string) => pattern.startsWith("/dashboard") || pattern.startsWith("/preview");

test.describe("security headers", () => {
  test("every page carries them", async ({ request }) => {
    for (const path of ["/", fixturePath, "/login", "/dashboard"]) {
      const response = await request.get(path);
      const headers = response.headers();
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"], path).toContain("object-src 'none'");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(headers["x-powered-by"], path).toBeUndefined();
    }
  });

  test("every public page answers, carries the policy and satisfies it", async ({ page }) => {
    test.setTimeout(120_000); // a page of each kind, one after the other, on a shared machine
    const violations = await watchViolations(page);
    // /latest is linked only once the front page overflows; the demo has too few stories for that.
    const { visited, visits } = await crawl(page, ["/", fixturePath, "/latest", "/login", "/search?q=Qayyarah", "/no-such-page"], (path) => !path.startsWith("/dashboard"));
    const publicRoutes = pageRoutes().map((route) => route.pattern).filter((pattern) => !isStaffRoute(pattern));
    expect(publicRoutes.filter((pattern) => !visited.has(pattern)), "public pages the crawl never reached").toEqual([]);
    // The one address that must not exist is answered by the 404 page, with the policy all the same.
    expect(misanswered(visits, { "/no-such-page": 404 })).toEqual([]);
    expect(violations).toEqual([]);
  });

  test.describe("signed in", () => {
    test.use({ storageState: storageStatePath("ADMIN") });

    test("every dashboard page answers, carries the policy and satisfies it too", async ({ page }) => {
      test.setTimeout(120_000);
      const violations = await watchViolations(page);
      const { visited, visits } = await crawl(page, ["/dashboard"], (path) => path.startsWith("/dashboard") || path.startsWith("/preview"));
      const staffRoutes = pageRoutes().map((route) => route.pattern).filter(isStaffRoute);
      expect(staffRoutes.filter((pattern) => !visited.has(pattern)), "dashboard pages the crawl never reached").toEqual([]);
      expect(misanswered(visits)).toEqual([]);
      expect(violations).toEqual([]);
    });
  });
});

test.describe("writes from other sites", () => {
  test("a server action posted from another site is refused and stores nothing; the same post from the site works", async ({ page, request, baseURL }) => {
    const story = await createPublishedStory("Cross-site action");
    const email = `cross-${uniqueTag()}@readers.example`;
    // Let the browser make a real server action request, keep it, and send it ourselves.
    let captured: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
    await page.route(`**/articles/${story.slug}`, async (route) => {
      const sent = route.request();
      if (sent.method() !== "POST") return route.continue();
      captured = { url: sent.url(), headers: await sent.allHeaders(), body: sent.postDataBuffer() ?? Buffer.alloc(0) };
      return route.abort();
    });
    await page.goto(`/articles/${story.slug}`);
    await page.getByLabel("Name").fill("Cross Site");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Comment").fill("Posted from somewhere else.");
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect.poll(() => captured !== undefined).toBe(true);

    const replay = (origin: string) => {
      const headers = Object.fromEntries(
        Object.entries(captured!.headers).filter(([name]) => ["content-type", "next-action", "next-router-state-tree", "accept"].includes(name)),
      );
      return request.post(captured!.url, { headers: { ...headers, origin }, data: captured!.body });
    };
    const foreign = await replay("https://evil.example");
    expect(foreign.status()).toBe(403);
    expect(await commentsByEmail(email)).toEqual([]);

    const own = await replay(new URL(baseURL!).origin);
    expect(own.status()).toBe(200);
    expect(await commentsByEmail(email)).toHaveLength(1);
  });

  test("next-auth's endpoints and uploads refuse another site's post with 403 JSON", async ({ request }) => {
    for (const path of ["/api/auth/signout", "/api/auth/callback/credentials", "/api/media"]) {
      const response = await request.post(path, { headers: { origin: "https://evil.example" }, form: { anything: "1" } });
      expect(response.status(), path).toBe(403);
      expect(await response.json(), path).toMatchObject({ error: { code: "forbidden" } });
    }
  });

  test("the public JSON API still takes comments from any origin, as its CORS says", async ({ request }) => {
    const story = await createPublishedStory("Cross-origin API");
    const response = await request.post(`/api/v1/articles/${story.slug}/comments`, {
      headers: { origin: "https://reader-app.example" },
      data: { authorName: "App Reader", authorEmail: `app-${uniqueTag()}@readers.example`, body: "From a reader app." },
    });
    expect(response.status()).toBe(201);
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
  });
});

test.describe("uploads", () => {
  test.use({ storageState: storageStatePath("WRITER") });

  test("an HTML page renamed .jpg and an SVG with a script are refused by content", async ({ request }) => {
    const files = [
      { name: "photo.jpg", mimeType: "image/jpeg", buffer: Buffer.from("<!doctype html><script>alert(document.cookie)</script>") },
      { name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
    ];
    for (const image of files) {
      const response = await request.post("/api/media", { multipart: { image } });
      expect(response.status(), image.name).toBe(415);
      expect(await response.json(), image.name).toMatchObject({ error: { code: "unsupported_media_type" } });
    }
  });
});
