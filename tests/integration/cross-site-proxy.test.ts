import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { config, proxy } from "@/proxy";

/** proxy.ts called as Next calls it, for state-changing route handlers and server actions. */
function post(path: string, origin: string) {
  return new NextRequest(`http://news.example${path}`, { method: "POST", headers: { origin, host: "news.example" } });
}

const passedOn = (response: Response) => response.headers.get("x-middleware-next") === "1";

describe("cross-site writes are refused before any handler runs", () => {
  test.each(["/api/media", "/api/auth/signout", "/api/auth/callback/credentials", "/articles/some-story", "/dashboard/articles/new", "/login"])(
    "POST %s from another site → 403 in the API's error shape",
    async (path) => {
      const response = await proxy(post(path, "https://evil.example"));
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: { code: "forbidden", message: "Requests from other sites are refused." } });
    },
  );

  test("the same posts from the site itself pass on", async () => {
    expect(passedOn(await proxy(post("/api/media", "http://news.example")))).toBe(true);
    expect(passedOn(await proxy(post("/articles/some-story", "http://news.example")))).toBe(true);
  });

  test("the public JSON API is not matched, so its CORS keeps answering any origin", () => {
    const matcher = config.matcher.find((entry) => typeof entry === "object");
    expect(matcher).toBeDefined();
    const pattern = new RegExp(`^${(matcher as { source: string }).source}$`);
    expect(pattern.test("/api/v1/articles/x/comments")).toBe(false);
    expect(pattern.test("/api/media")).toBe(true);
    expect(pattern.test("/articles/x")).toBe(true);
  });
});
